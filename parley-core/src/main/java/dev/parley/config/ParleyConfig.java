package dev.parley.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * All of Parley's configuration in one place. Layers, later wins: built-in defaults
 * ({@code parley-defaults.properties}), a properties file, environment variables, command-line flags.
 * Keys starting with {@code parley.} are Parley's own; every other key (bootstrap.servers, security.protocol,
 * sasl.*, ssl.*, schema.registry.url, ...) passes through to the Kafka clients and the serdes.
 * Environment: {@code PARLEY_HTTP_PORT} → {@code parley.http.port}; {@code KAFKA_SECURITY_PROTOCOL} →
 * {@code security.protocol}; {@code SCHEMA_REGISTRY_URL} → {@code schema.registry.url}.
 */
public final class ParleyConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private final Map<String, String> values;

    private ParleyConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static ParleyConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new TreeMap<>(defaults());
        Optional<Path> configFile = file.or(() -> Optional.ofNullable(env.get("PARLEY_CONFIG")).map(Path::of));
        configFile.ifPresent(path -> values.putAll(readFile(path)));
        values.putAll(fromEnvironment(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return new ParleyConfig(values);
    }

    public static ParleyConfig of(Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>(defaults());
        values.putAll(overrides);
        return new ParleyConfig(values);
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        env.forEach((name, value) -> {
            if (name.equals("PARLEY_CONFIG")) {
                return;
            }
            if (name.startsWith("PARLEY_")) {
                values.put(propertyName(name), value);
            } else if (name.startsWith("KAFKA_")) {
                values.put(propertyName(name.substring("KAFKA_".length())), value);
            } else if (name.equals("SCHEMA_REGISTRY_URL")) {
                values.put(SCHEMA_REGISTRY_URL, value);
            }
        });
        return values;
    }

    private static String propertyName(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> defaults() {
        try (InputStream in = ParleyConfig.class.getResourceAsStream("/parley-defaults.properties")) {
            Properties props = new Properties();
            props.load(in);
            return asMap(props);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in defaults", e);
        }
    }

    private static Map<String, String> readFile(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties props = new Properties();
            props.load(reader);
            return asMap(props);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> asMap(Properties props) {
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).strip()));
        return map;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("Missing configuration " + key));
    }

    public int getInt(String key) {
        String value = require(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public long getLong(String key) {
        String value = require(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be a whole number, not '" + value + "'");
        }
    }

    public Path dataDir() {
        return Path.of(require("parley.data.dir"));
    }

    /** True when no external cluster is configured and Parley runs its own broker. */
    public boolean embeddedKafka() {
        return get(BOOTSTRAP_SERVERS).isEmpty();
    }

    public boolean embeddedRegistry() {
        return get(SCHEMA_REGISTRY_URL).isEmpty();
    }

    /** Everything that is not {@code parley.*}: passed to every Kafka client and serde. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> client = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!k.startsWith("parley.") && !v.isBlank()) {
                client.put(k, v);
            }
        });
        return client;
    }

    /** A copy with the given keys set (e.g. the embedded broker's address once it runs). */
    public ParleyConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new ParleyConfig(copy);
    }

    /** The configuration for printing: values of keys that look secret are masked. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, isSecret(k) && !v.isBlank() ? "********" : v));
        return shown;
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.endsWith(".key") || k.contains("credentials");
    }
}
