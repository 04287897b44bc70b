package dev.parley.config;

import static dev.parley.config.ConfigDef.Importance.HIGH;
import static dev.parley.config.ConfigDef.Importance.LOW;
import static dev.parley.config.ConfigDef.Importance.MEDIUM;
import static dev.parley.config.ConfigDef.atLeast;
import static dev.parley.config.ConfigDef.between;

import dev.parley.config.ConfigDef.ConfigKey;
import dev.parley.config.ConfigDef.Type;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * All of Parley's configuration in one place. {@link #DEFINITION} names every setting with its type, default,
 * validator and doc (README's configuration table is generated from it). Layers, later wins: the defaults, a
 * properties file, environment variables, command-line flags. Keys starting with {@code parley.} are Parley's own;
 * every other key (bootstrap.servers, security.protocol, sasl.*, ssl.*, schema.registry.url, ...) passes through
 * to the Kafka clients and the serdes. Environment: {@code PARLEY_HTTP_PORT} → {@code parley.http.port};
 * {@code KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}; {@code SCHEMA_REGISTRY_URL} →
 * {@code schema.registry.url}. Every value is checked when a configuration is built.
 */
public final class ParleyConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String DATA_DIR = "parley.data.dir";
    public static final String HTTP_HOST = "parley.http.host";
    public static final String HTTP_PORT = "parley.http.port";
    public static final String KAFKA_PORT = "parley.kafka.port";
    public static final String REGISTRY_PORT = "parley.registry.port";
    public static final String KAFKA_TRANSACTION_VERSION = "parley.kafka.transaction.version";
    public static final String APPLICATION_ID = "parley.application.id";
    public static final String PROCESSING_GUARANTEE = "parley.processing.guarantee";
    public static final String COMMIT_INTERVAL_MS = "parley.commit.interval.ms";
    public static final String NUM_STREAM_THREADS = "parley.num.stream.threads";
    public static final String STREAMS_SESSION_TIMEOUT_MS = "parley.streams.session.timeout.ms";
    public static final String STREAMS_TRANSACTION_TIMEOUT_MS = "parley.streams.transaction.timeout.ms";
    public static final String TOPIC_PARTITIONS = "parley.topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "parley.topic.replication.factor";
    public static final String INGEST_MAX_ARTICLE_BYTES = "parley.ingest.max.article.bytes";
    public static final String INGEST_MAX_DEADLETTER_BYTES = "parley.ingest.max.deadletter.bytes";
    public static final String INGEST_MAX_FILE_BYTES = "parley.ingest.max.file.bytes";
    public static final String INGEST_EARLIEST_DATE = "parley.ingest.earliest.date";
    public static final String DEDUP_JACCARD_THRESHOLD = "parley.dedup.jaccard.threshold";
    public static final String DEDUP_CONTAINMENT_THRESHOLD = "parley.dedup.containment.threshold";
    public static final String DEDUP_HORIZON_DAYS = "parley.dedup.horizon.days";
    public static final String DEDUP_LATENESS_DAYS = "parley.dedup.lateness.days";
    public static final String DEDUP_COMMON_PHRASE_ARTICLES = "parley.dedup.common.phrase.articles";
    public static final String DEDUP_BOILERPLATE_MAX_WORDS = "parley.dedup.boilerplate.max.words";
    public static final String DEDUP_MAX_PASSAGE_PARTNERS = "parley.dedup.max.passage.partners";
    public static final String EXTRACT_GAZETTEER_FILES = "parley.extract.gazetteer.files";
    public static final String ENGAGEMENT_MERGE_INTERVAL_MS = "parley.engagement.merge.interval.ms";
    public static final String VIEWS_DYAD_HISTORY_DAYS = "parley.views.dyad.history.days";
    public static final String HTTP_INGEST_TOKEN = "parley.http.ingest.token";
    public static final String HTTP_ALLOWED_HOSTS = "parley.http.allowed.hosts";
    public static final String HTTP_INTERNAL_SECRET = "parley.http.internal.secret";
    public static final String HTTP_MAX_BODY_BYTES = "parley.http.max.body.bytes";
    public static final String SERDE_VALUE_CLASS = "parley.serde.value.class";
    public static final String SERDE_KEY_CLASS = "parley.serde.key.class";
    public static final String LOG_FORMAT = "parley.log.format";
    public static final String LOG_LEVEL = "parley.log.level";

    private static final ConfigDef.Validator PORT = between(0, 65535);

    /** Every setting Parley reads, in the order of README's table. */
    public static final ConfigDef DEFINITION = new ConfigDef()
            .defineWithFlag(BOOTSTRAP_SERVERS, "--bootstrap-servers", Type.STRING, null, ConfigDef.Validator.ANY, HIGH,
                    "external cluster; unset: start the embedded broker")
            .defineWithFlag(SCHEMA_REGISTRY_URL, "--schema-registry-url", Type.STRING, null, ConfigDef.Validator.ANY,
                    HIGH, "external registry; unset: start the embedded registry")
            .defineWithFlag(DATA_DIR, "--data-dir", Type.STRING, "parley-data", ConfigDef.Validator.ANY, HIGH,
                    "embedded broker log (`kafka/`), stream state (`streams/`)")
            .define(HTTP_HOST, Type.STRING, "127.0.0.1", HIGH, "HTTP bind address")
            .defineWithFlag(HTTP_PORT, "--http-port", Type.INT, "8080", PORT, HIGH,
                    "HTTP API and pages (0: any free port)")
            .defineWithFlag(KAFKA_PORT, "--kafka-port", Type.INT, "9092", PORT, MEDIUM, "embedded broker port")
            .defineWithFlag(REGISTRY_PORT, "--registry-port", Type.INT, "8081", PORT, MEDIUM, "embedded registry port")
            .define(KAFKA_TRANSACTION_VERSION, Type.INT, "1", between(1, 2), LOW, "transactions protocol a new "
                    + "embedded broker's storage is formatted with: 1, or 2 (KIP-890, Kafka 4's default, which logs "
                    + "`OutOfOrderSequenceException` ERROR lines on a first start, see [Exactly-once and faults]"
                    + "(#exactly-once-and-faults)); an existing data directory keeps its own")
            .define(APPLICATION_ID, Type.STRING, "parley", HIGH,
                    "prefix of each stage's Kafka Streams application id")
            .define(PROCESSING_GUARANTEE, Type.STRING, "exactly_once_v2",
                    ConfigDef.oneOf("exactly_once_v2", "at_least_once"), MEDIUM, "Kafka Streams processing guarantee")
            .define(COMMIT_INTERVAL_MS, Type.LONG, "100", atLeast(0), MEDIUM, "Kafka Streams commit interval")
            .define(NUM_STREAM_THREADS, Type.INT, "1", atLeast(1), MEDIUM, "threads per stage")
            // Kafka's default is 45 s, most of the recovery time after a kill -9.
            .define(STREAMS_SESSION_TIMEOUT_MS, Type.INT, "15000", atLeast(1), MEDIUM, "session timeout of the "
                    + "stages' consumers: how soon a crashed instance's tasks move to a restarted one")
            .define(STREAMS_TRANSACTION_TIMEOUT_MS, Type.INT, "60000", atLeast(1000), MEDIUM, "transaction timeout of "
                    + "the stages' producers (exactly-once): longer than the slowest article's extraction, so a slow "
                    + "parse does not fence the stage; read_committed readers wait at most this long after a crash")
            .define(TOPIC_PARTITIONS, Type.INT, "4", atLeast(1), MEDIUM, "partitions of the topics Parley creates")
            .define(TOPIC_REPLICATION_FACTOR, Type.INT, "-1", ParleyConfig::replicationFactor, MEDIUM,
                    "replication of Parley's topics (-1: the broker's default)")
            .define(INGEST_MAX_ARTICLE_BYTES, Type.INT, "1048576", atLeast(1), LOW,
                    "largest article body (UTF-8 bytes)")
            .define(INGEST_MAX_DEADLETTER_BYTES, Type.INT, "262144", atLeast(0), LOW,
                    "original bytes kept in a dead letter")
            .define(INGEST_MAX_FILE_BYTES, Type.LONG, "67108864", atLeast(1), LOW,
                    "largest input file or feed read at all")
            .define(DEDUP_JACCARD_THRESHOLD, Type.DOUBLE, "0.7", between(0, 1), LOW,
                    "word 5-shingle Jaccard similarity from which two articles are near-duplicates "
                            + "(see [Deduplication](#deduplication))")
            .define(DEDUP_CONTAINMENT_THRESHOLD, Type.DOUBLE, "0.9", between(0, 1), LOW,
                    "share of the smaller article's shingles found in the larger one from which it is a copy (when "
                            + "it is at least half the size)")
            .define(DEDUP_HORIZON_DAYS, Type.LONG, "30", atLeast(0), LOW,
                    "how far apart in event time two articles may be and still be compared")
            .define(DEDUP_LATENESS_DAYS, Type.LONG, "90", atLeast(0), LOW,
                    "how late (behind the dedup index's clock, see [Horizon and lateness](#horizon-and-lateness)) "
                            + "an article may arrive and still meet them all")
            .define(DEDUP_COMMON_PHRASE_ARTICLES, Type.INT, "50", between(1, 63), LOW,
                    "a phrase (winnowing fingerprint) in more than this many distinct indexed articles is common "
                            + "(see [Common phrases](#common-phrases-boilerplate))")
            .define(DEDUP_BOILERPLATE_MAX_WORDS, Type.INT, "40", atLeast(0), LOW,
                    "a run of common phrases shorter than this many words is boilerplate: never a statement")
            .define(DEDUP_MAX_PASSAGE_PARTNERS, Type.INT, "16", atLeast(1), LOW,
                    "earlier articles an arriving article is aligned with for shared passages: those sharing the "
                            + "most phrases (winnowing fingerprints) with it (see [Deduplication](#deduplication))")
            .define(EXTRACT_GAZETTEER_FILES, Type.LIST, "", MEDIUM, "gazetteer extension files, comma-separated "
                    + "(see [Engagement extraction](#engagement-extraction))")
            .define(ENGAGEMENT_MERGE_INTERVAL_MS, Type.LONG, "500", atLeast(1), LOW,
                    "how often the merge task re-merges changed facts into events and commitments")
            .define(VIEWS_DYAD_HISTORY_DAYS, Type.LONG, "3650", atLeast(1), LOW, "how far back (before the newest "
                    + "event date) the versioned dyad store answers `?asOf=`; older versions are dropped")
            .define(HTTP_INGEST_TOKEN, Type.PASSWORD, "", HIGH, "bearer token for `POST /api/articles`; unset on a "
                    + "loopback bind: a new one each start in `parley.data.dir/http-ingest-token`; unset otherwise: "
                    + "writes refused")
            .define(HTTP_ALLOWED_HOSTS, Type.LIST, "", MEDIUM, "names (any port) or `host:port`, comma-separated, "
                    + "besides the server's own, that a request's `Host` (and a write's `Origin`) may name (a reverse "
                    + "proxy's public name, a port mapping's host side)")
            .define(HTTP_INTERNAL_SECRET, Type.PASSWORD, "", ConfigDef.minLength(16), HIGH, "shared secret (16+ "
                    + "characters) of the instances' internal reads; required with an external cluster or a "
                    + "non-loopback `parley.http.host`; unset otherwise: random per start")
            .define(INGEST_EARLIEST_DATE, Type.DATE, "1800-01-01", LOW, "earliest accepted publication date")
            .define(HTTP_MAX_BODY_BYTES, Type.LONG, "2097152", atLeast(1), LOW, "largest request body")
            .define(SERDE_VALUE_CLASS, Type.CLASS, null, LOW, "another value Serde class, e.g. Confluent's "
                    + "`SpecificAvroSerde` if you have its jars on the classpath (the bytes are the same); unset: "
                    + "Parley's serde")
            .define(SERDE_KEY_CLASS, Type.CLASS, null, LOW, "another key Serde class, e.g. Confluent's "
                    + "`PrimitiveAvroSerde`; unset: Parley's serde")
            // Read by logback from the environment before any of this runs; defined so they are checked and listed.
            .define(LOG_FORMAT, Type.STRING, "TEXT", ConfigDef.oneOf("TEXT", "JSON"), LOW, "log lines as text or "
                    + "one JSON object each (see [Operations](#operations)); environment only")
            .define(LOG_LEVEL, Type.STRING, "INFO", ConfigDef.oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"),
                    LOW, "level of Parley's own log lines (Kafka's stay at WARN); environment only");

    private static final String MASK = "********";

    private final Map<String, String> values;
    private final Map<String, Object> typed;

    private ParleyConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.typed = DEFINITION.parse(this.values);
    }

    private static void replicationFactor(String key, Object value) {
        int factor = (Integer) value;
        if (factor != -1 && (factor < 1 || factor > Short.MAX_VALUE)) {
            throw new ConfigException(key, value.toString(), "must be -1 (the broker's default) or at least 1");
        }
    }

    public static ParleyConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new TreeMap<>(DEFINITION.defaults());
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
        Map<String, String> values = new TreeMap<>(DEFINITION.defaults());
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

    /** The environment variable that sets {@code key}: the inverse of {@link #fromEnvironment}. */
    public static String environmentName(String key) {
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
        if (key.startsWith("parley.") || key.equals(SCHEMA_REGISTRY_URL)) {
            return upper;
        }
        return "KAFKA_" + upper;
    }

    private static String propertyName(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties props = new Properties();
            props.load(reader);
            Map<String, String> map = new TreeMap<>();
            props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).strip()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The raw value, empty when unset or blank. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigException("Missing configuration " + key + " ("
                + environmentName(key) + ")"));
    }

    public String getString(String key) {
        return typed(key, Type.STRING, String.class);
    }

    public int getInt(String key) {
        return typed(key, Type.INT, Integer.class);
    }

    public long getLong(String key) {
        return typed(key, Type.LONG, Long.class);
    }

    public double getDouble(String key) {
        return typed(key, Type.DOUBLE, Double.class);
    }

    public LocalDate getDate(String key) {
        return typed(key, Type.DATE, LocalDate.class);
    }

    /** A comma-separated setting's values; empty when unset. */
    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        checkType(key, Type.LIST);
        return (List<String>) typed.getOrDefault(key, List.of());
    }

    /** A secret, empty when unset. */
    public Optional<String> getPassword(String key) {
        checkType(key, Type.PASSWORD);
        return Optional.ofNullable((String) typed.get(key));
    }

    private <T> T typed(String key, Type type, Class<T> javaType) {
        checkType(key, type);
        Object value = typed.get(key);
        if (value == null) {
            throw new ConfigException("Missing configuration " + key + " (" + environmentName(key) + ")");
        }
        return javaType.cast(value);
    }

    private static void checkType(String key, Type type) {
        ConfigKey definition = DEFINITION.key(key)
                .orElseThrow(() -> new IllegalStateException("Setting " + key + " is not defined"));
        if (definition.type() != type) {
            throw new IllegalStateException("Setting " + key + " is a " + definition.type() + ", not a " + type);
        }
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR));
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

    /** {@code parley.*} keys that no setting defines: most likely typos. */
    public List<String> unknownKeys() {
        return values.keySet().stream().filter(k -> k.startsWith("parley.") && DEFINITION.key(k).isEmpty()).toList();
    }

    /** The configuration for printing: secrets (and pass-through keys that look secret) are masked. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, isSecret(k) && !v.isBlank() ? MASK : v));
        return shown;
    }

    /** One {@code key=value} per line, sorted, secrets masked. */
    @Override
    public String toString() {
        return redacted().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    static boolean isSecret(String key) {
        Optional<ConfigKey> defined = DEFINITION.key(key);
        if (defined.isPresent()) {
            return defined.get().secret();
        }
        // Kafka client and serde keys pass through undefined: sasl.jaas.config, ssl.*.password, basic.auth.user.info…
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.endsWith(".key") || k.contains("credentials") || k.contains("user.info");
    }
}
