package dev.parley.kafka.serde;

import java.util.List;
import java.util.Map;

/** The recorded history of the stored types several stages share. */
class SharedStateHistoryTest extends StateHistoryContract {

    @Override
    protected List<StateFormat<?>> formats() {
        return StateFormats.all();
    }

    @Override
    protected Map<String, Object> samples() {
        return Map.of(StateFormats.STRING_LIST.name(), List.of("stmt-0a1b", "stmt-9f3c", "MX-US"));
    }
}
