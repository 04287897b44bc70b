package dev.parley.kafka.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/** Stored types shared by several stages; each stage declares its own next to its topology. */
public final class StateFormats {

    /** Ids: statements of an article, copies of a canonical, dyads or actors of an event. */
    public static final StateFormat<List<String>> STRING_LIST = StateFormat.of("string-list", new TypeReference<List<String>>() { })
            .upgradeFrom(0, StateFormat.Upgrades::unchanged)
            .build();

    private StateFormats() {
    }

    public static List<StateFormat<?>> all() {
        return List.of(STRING_LIST);
    }
}
