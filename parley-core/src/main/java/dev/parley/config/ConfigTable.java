package dev.parley.config;

import dev.parley.config.ConfigDef.ConfigKey;
import java.util.ArrayList;
import java.util.List;

/**
 * README's configuration table, written from {@link ParleyConfig#DEFINITION} so the two cannot drift apart
 * ({@code ConfigurationTableTest} compares them and prints this table when they differ).
 */
public final class ConfigTable {

    public static final String HEADER = "| key | environment / flag | default | meaning |";

    private ConfigTable() {
    }

    public static List<String> lines(ConfigDef definition) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("| --- | --- | --- | --- |");
        for (ConfigKey key : definition.keys()) {
            String setters = "`" + ParleyConfig.environmentName(key.name()) + "`"
                    + key.flag().map(flag -> ", `" + flag + "`").orElse("");
            String defaultValue = key.defaultValue() == null || key.defaultValue().isBlank()
                    ? "—" : "`" + key.defaultValue() + "`";
            lines.add("| `" + key.name() + "` | " + setters + " | " + defaultValue + " | " + key.documentation() + " |");
        }
        return lines;
    }

    public static String markdown(ConfigDef definition) {
        return String.join("\n", lines(definition)) + "\n";
    }
}
