package dev.parley.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.kafka.serde.SchemaRegistryClients;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of Parley's embedded default mode: the subset of Confluent's Schema Registry REST API that Avro
 * serdes use, with Confluent's compatibility semantics (Avro's SchemaCompatibility) and its state in a compacted
 * Kafka topic, so ids survive restarts. Production uses a real registry; this one runs only when no
 * {@code schema.registry.url} is configured. One instance writes; it is not meant to be clustered.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest request body: a schema is a few KiB. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Error code of a body over the limit (HTTP 413). */
    private static final int BODY_TOO_LARGE = 41301;
    /** Media types a write may carry: Confluent's (what serdes send) and plain JSON. */
    private static final Set<String> WRITE_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
            "application/json");

    private final SchemaStore store = new SchemaStore();
    private final SchemaChangeLog log;
    private final Javalin server;

    private EmbeddedSchemaRegistry(SchemaChangeLog log, Javalin server) {
        this.log = log;
        this.server = server;
    }

    /**
     * Replays the registry topic, then serves on {@code host:port} (port 0 picks a free one).
     */
    public static EmbeddedSchemaRegistry start(String topic, Map<String, Object> kafkaClientConfig, String host, int port) {
        SchemaChangeLog log = new SchemaChangeLog(topic, kafkaClientConfig);
        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = CONTENT_TYPE;
        });
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(log, server);
        synchronized (registry.store) {
            log.replay(registry.store::apply);
        }
        registry.routes();
        server.start(host, port);
        LOG.info("Embedded schema registry on {} with {} subjects", registry.url(), registry.store.subjects().size());
        return registry;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /**
     * The registry listens on loopback for this machine's serdes only. A web page the user opens could still reach it:
     * by a rebound DNS name (refused by the Host check) or by a cross-origin form or {@code no-cors} POST (refused by
     * the Origin and media type checks: a registry media type cannot be sent across origins without a CORS preflight,
     * which this server never grants). So no page can register a schema or change a compatibility level.
     */
    private void guard(Context ctx) {
        if (!loopbackAuthority(ctx.header("Host"))) {
            refuse(ctx, 403, 40301, "The Host header does not name this registry");
        } else if (ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT) {
            String origin = ctx.header("Origin");
            String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("").split(";", 2)[0].strip()
                    .toLowerCase(Locale.ROOT);
            if (origin != null && !loopbackAuthority(origin.replaceFirst("^http://", ""))) {
                refuse(ctx, 403, 40301, "Writes from pages of another origin are refused");
            } else if (!WRITE_TYPES.contains(type)) {
                refuse(ctx, 415, 415, "Send " + CONTENT_TYPE + " (or application/json)");
            }
        }
    }

    private boolean loopbackAuthority(String authority) {
        if (authority == null) {
            return false;
        }
        String value = authority.strip().toLowerCase(Locale.ROOT);
        int port = server.port();
        return value.equals("localhost:" + port) || value.equals("127.0.0.1:" + port) || value.equals("[::1]:" + port);
    }

    private static void refuse(Context ctx, int status, int code, String message) {
        error(ctx, status, code, message);
        ctx.skipRemainingHandlers();
    }

    private void routes() {
        server.before(this::guard);
        server.exception(SchemaRegistryException.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        server.exception(Exception.class, (e, ctx) -> {
            LOG.warn("Registry request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, SchemaRegistryException.STORE_ERROR, "Internal error: " + e.getMessage());
        });
        server.get("/", ctx -> json(ctx, Map.of()));
        server.get("/subjects", ctx -> json(ctx, read(() -> store.subjects())));
        server.get("/subjects/{subject}/versions", ctx -> json(ctx,
                read(() -> store.versions(ctx.pathParam("subject")).stream().map(RegisteredSchema::version).toList())));
        server.get("/subjects/{subject}/versions/{version}", ctx ->
                json(ctx, describe(read(() -> store.version(ctx.pathParam("subject"), ctx.pathParam("version"))))));
        server.get("/subjects/{subject}/versions/{version}/schema", ctx -> ctx.contentType(CONTENT_TYPE)
                .result(read(() -> store.version(ctx.pathParam("subject"), ctx.pathParam("version"))).schema().toString()));
        server.post("/subjects/{subject}/versions", ctx -> {
            Schema schema = schemaFrom(ctx);
            json(ctx, Map.of("id", register(ctx.pathParam("subject"), schema)));
        });
        server.post("/subjects/{subject}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = schemaFrom(ctx);
            RegisteredSchema found = read(() -> {
                store.versions(subject);
                return store.find(subject, schema).orElseThrow(() -> new SchemaRegistryException(
                        SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found"));
            });
            json(ctx, describe(found));
        });
        server.get("/schemas/ids/{id}", ctx -> {
            int id = Integer.parseInt(ctx.pathParam("id"));
            json(ctx, Map.of("schema", read(() -> store.schemaById(id)).toString()));
        });
        server.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> {
            String subject = ctx.pathParam("subject");
            Schema schema = schemaFrom(ctx);
            boolean compatible = read(() -> {
                store.version(subject, ctx.pathParam("version"));
                return store.isCompatible(subject, schema);
            });
            json(ctx, Map.of("is_compatible", compatible));
        });
        server.get("/config", ctx -> json(ctx, Map.of("compatibilityLevel", read(() -> store.compatibility(null)).name())));
        server.get("/config/{subject}", ctx -> json(ctx,
                Map.of("compatibilityLevel", read(() -> store.compatibility(ctx.pathParam("subject"))).name())));
        server.put("/config", ctx -> json(ctx, setCompatibility(null, ctx)));
        server.put("/config/{subject}", ctx -> json(ctx, setCompatibility(ctx.pathParam("subject"), ctx)));
    }

    private int register(String subject, Schema schema) {
        synchronized (store) {
            store.planRegistration(subject, schema).ifPresent(change -> {
                log.append(change);
                store.apply(change);
                LOG.info("Registered schema id {} as {} version {}", change.id(), subject, change.version());
            });
            return store.find(subject, schema).orElseThrow().id();
        }
    }

    private Map<String, Object> setCompatibility(String subject, Context ctx) throws IOException {
        String level = JSON.readTree(body(ctx)).path("compatibility").asText();
        CompatibilityLevel parsed;
        try {
            parsed = CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level: " + level);
        }
        SchemaStore.CompatibilitySet change = new SchemaStore.CompatibilitySet(subject, parsed);
        synchronized (store) {
            log.append(change);
            store.apply(change);
        }
        return Map.of("compatibility", parsed.name());
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        synchronized (store) {
            return query.get();
        }
    }

    /**
     * The request body, read up to {@link #MAX_BODY_BYTES} and no further, chunked bodies too (Javalin's own limit
     * checks a declared length, then reads a chunked body whole): the registry shares the JVM with Parley.
     */
    private static byte[] body(Context ctx) throws IOException {
        byte[] body = ctx.req().getContentLengthLong() > MAX_BODY_BYTES ? null
                : ctx.req().getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body == null || body.length > MAX_BODY_BYTES) {
            ctx.header("Connection", "close");
            throw new SchemaRegistryException(BODY_TOO_LARGE, "Request body over " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private static Schema schemaFrom(Context ctx) throws IOException {
        JsonNode body = JSON.readTree(body(ctx));
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Only AVRO schemas are supported by the embedded registry, not " + type);
        }
        if (!body.hasNonNull("schema")) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA, "Request has no \"schema\" field");
        }
        return SchemaStore.parse(body.get("schema").asText());
    }

    private static Map<String, Object> describe(RegisteredSchema registered) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subject", registered.subject());
        answer.put("version", registered.version());
        answer.put("id", registered.id());
        answer.put("schema", registered.schema().toString());
        return answer;
    }

    private static void json(Context ctx, Object body) throws IOException {
        ctx.contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
    }

    private static void error(Context ctx, int status, int code, String message) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE)
                    .result(JSON.writeValueAsString(Map.of("error_code", code, "message", message)));
        } catch (IOException e) {
            ctx.status(status).result(message);
        }
    }

    @Override
    public void close() {
        int port = server.port();
        server.stop();
        log.close();
        SchemaRegistryClients.forgetLoopback(port);
    }
}
