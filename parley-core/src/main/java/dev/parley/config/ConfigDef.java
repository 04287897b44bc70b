package dev.parley.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The definition of a set of settings, each with a name, a type, a default, a validator, an importance, a doc
 * line and whether it is a secret. Shaped like Kafka's {@code ConfigDef} but plain Java, so the Kafka-free core
 * can own it. {@link #parse} turns raw strings into typed values and fails with a {@link ConfigException} that
 * names the key.
 */
public final class ConfigDef {

    public enum Type {
        STRING(v -> v), INT(Integer::parseInt), LONG(Long::parseLong), DOUBLE(Double::parseDouble),
        BOOLEAN(ConfigDef::parseBoolean), LIST(ConfigDef::parseList), DATE(LocalDate::parse), CLASS(v -> v),
        /** A string that is never printed. */
        PASSWORD(v -> v);

        private final Function<String, Object> parser;

        Type(Function<String, Object> parser) {
            this.parser = parser;
        }

        Object parse(String key, String value) {
            try {
                return parser.apply(value);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new ConfigException(key, value, "must be " + describe());
            }
        }

        private String describe() {
            return switch (this) {
                case INT, LONG -> "a whole number";
                case DOUBLE -> "a number";
                case BOOLEAN -> "true or false";
                case DATE -> "a date (yyyy-mm-dd)";
                default -> "a " + name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    public enum Importance { HIGH, MEDIUM, LOW }

    /** Checks a parsed value; throws a {@link ConfigException} naming the key when it is not acceptable. */
    @FunctionalInterface
    public interface Validator {
        void ensureValid(String key, Object value);

        Validator ANY = (key, value) -> { };
    }

    /**
     * One setting. {@code defaultValue} is the raw default, null for none (unset); {@code flag} the command-line
     * flag that sets it, if any.
     */
    public record ConfigKey(String name, Type type, String defaultValue, Validator validator, Importance importance,
                            String documentation, Optional<String> flag) {

        public boolean secret() {
            return type == Type.PASSWORD;
        }
    }

    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

    public ConfigDef define(String name, Type type, String defaultValue, Validator validator, Importance importance,
                            String documentation) {
        return add(new ConfigKey(name, type, defaultValue, validator, importance, documentation, Optional.empty()));
    }

    public ConfigDef define(String name, Type type, String defaultValue, Importance importance, String documentation) {
        return define(name, type, defaultValue, Validator.ANY, importance, documentation);
    }

    /** Like {@link #define}, for a setting a command-line flag also sets. */
    public ConfigDef defineWithFlag(String name, String flag, Type type, String defaultValue, Validator validator,
                                    Importance importance, String documentation) {
        return add(new ConfigKey(name, type, defaultValue, validator, importance, documentation, Optional.of(flag)));
    }

    private ConfigDef add(ConfigKey key) {
        if (keys.putIfAbsent(key.name(), key) != null) {
            throw new IllegalStateException("Setting " + key.name() + " is defined twice");
        }
        if (key.defaultValue() != null && !key.defaultValue().isBlank()) {
            key.validator().ensureValid(key.name(), key.type().parse(key.name(), key.defaultValue()));
        }
        return this;
    }

    public Collection<ConfigKey> keys() {
        return keys.values();
    }

    public Optional<ConfigKey> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** The raw defaults of the settings that have one. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        keys.values().stream().filter(k -> k.defaultValue() != null)
                .forEach(k -> defaults.put(k.name(), k.defaultValue()));
        return defaults;
    }

    /**
     * The typed value of every defined setting that has a (non-blank) value in {@code raw}; blank means unset.
     * Fails on the first value that does not parse or validate.
     */
    public Map<String, Object> parse(Map<String, String> raw) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (ConfigKey key : keys.values()) {
            String value = raw.get(key.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            Object typed = key.type().parse(key.name(), value.strip());
            key.validator().ensureValid(key.name(), typed);
            parsed.put(key.name(), typed);
        }
        return parsed;
    }

    private static Object parseBoolean(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new NumberFormatException(value);
        };
    }

    private static Object parseList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Numbers within [min, max]. */
    public static Validator between(Number min, Number max) {
        return (key, value) -> {
            double v = ((Number) value).doubleValue();
            if (v < min.doubleValue() || v > max.doubleValue()) {
                throw new ConfigException(key, value.toString(), "must be between " + min + " and " + max);
            }
        };
    }

    public static Validator atLeast(Number min) {
        return (key, value) -> {
            if (((Number) value).doubleValue() < min.doubleValue()) {
                throw new ConfigException(key, value.toString(), "must be at least " + min);
            }
        };
    }

    /** One of the given strings. */
    public static Validator oneOf(String... allowed) {
        List<String> options = List.of(allowed);
        return (key, value) -> {
            if (!options.contains(value.toString())) {
                throw new ConfigException(key, value.toString(), "must be one of " + String.join(", ", options));
            }
        };
    }

    /** A string of at least {@code length} characters; the message does not repeat the value (it may be secret). */
    public static Validator minLength(int length) {
        return (key, value) -> {
            if (value.toString().length() < length) {
                throw new ConfigException(key, null, "must be at least " + length + " characters");
            }
        };
    }
}
