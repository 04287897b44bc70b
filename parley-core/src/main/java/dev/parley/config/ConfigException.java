package dev.parley.config;

/** A configuration value that is missing or wrong; its message names the key and says what is expected. */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String key, String value, String expected) {
        super("Configuration " + key + (value == null ? "" : " = '" + value + "'") + ": " + expected);
    }
}
