package dev.parley.kafka.serde;

import java.util.Map;

/**
 * Serde configuration, under the property names Confluent's serdes use, so one configuration serves both.
 */
public final class AvroSerdeConfig {

    /** URL of a Confluent-compatible registry; {@code mock://NAME} gives an in-memory registry shared by NAME. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Register the writer's schema under the subject when it is not there yet (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    private AvroSerdeConfig() {
    }

    static String registryUrl(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("Missing serde configuration " + SCHEMA_REGISTRY_URL);
        }
        return url.toString();
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object value = configs.get(AUTO_REGISTER_SCHEMAS);
        return value == null || Boolean.parseBoolean(value.toString());
    }
}
