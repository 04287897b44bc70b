package dev.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.avro.Article;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.AvroSerdeConfig;
import dev.parley.kafka.serde.AvroSerializer;
import dev.parley.kafka.serde.ConfluentWireFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedSchemaRegistryTest {

    private static final String TOPIC = "parley.registry.schemas";

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", 0, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Map<String, Object> client() {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    @Test
    void idsSurviveARestartBecauseTheyAreKeptInAKafkaTopic() {
        int articleId;
        int otherId;
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(TOPIC, client(), "127.0.0.1", 0)) {
            RestSchemaRegistryClient rest = new RestSchemaRegistryClient(registry.url());
            articleId = rest.register("parley.articles.raw-value", Article.getClassSchema());
            otherId = rest.register("parley.x-value", SchemaBuilder.record("X").fields().requiredLong("n").endRecord());
            assertThat(otherId).isNotEqualTo(articleId);
        }
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(TOPIC, client(), "127.0.0.1", 0)) {
            RestSchemaRegistryClient rest = new RestSchemaRegistryClient(registry.url());
            assertThat(rest.schemaById(articleId)).isEqualTo(Article.getClassSchema());
            assertThat(rest.latest("parley.articles.raw-value").id()).isEqualTo(articleId);
            assertThat(rest.register("parley.articles.raw-value", Article.getClassSchema())).isEqualTo(articleId);
            int third = rest.register("parley.y-value", SchemaBuilder.record("Y").fields().requiredInt("m").endRecord());
            assertThat(third).isGreaterThan(Math.max(articleId, otherId));
        }
    }

    @Test
    void answersConfluentErrorsOverHttp() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(TOPIC, client(), "127.0.0.1", 0)) {
            RestSchemaRegistryClient rest = new RestSchemaRegistryClient(registry.url());
            Schema v1 = SchemaBuilder.record("Z").fields().requiredString("a").endRecord();
            Schema incompatible = SchemaBuilder.record("Z").fields().requiredLong("a").endRecord();
            rest.register("parley.z-value", v1);
            assertThat(rest.isCompatible("parley.z-value", incompatible)).isFalse();
            assertThatThrownBy(() -> rest.register("parley.z-value", incompatible))
                    .isInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(409));
            assertThatThrownBy(() -> rest.schemaById(987654))
                    .isInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode()).isEqualTo(40403));

            HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(subjects.statusCode()).isEqualTo(200);
            assertThat(subjects.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/vnd.schemaregistry.v1+json"));
            assertThat(subjects.body()).contains("parley.z-value");

            HttpResponse<String> invalid = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/s/versions"))
                            .header("Content-Type", "application/vnd.schemaregistry.v1+json").POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{not avro\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(invalid.body()).contains("42201");
        }
    }

    @Test
    void aWebPageCanNeitherRegisterNorReconfigureNorReadThroughAReboundName() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(TOPIC, client(), "127.0.0.1", 0)) {
            String self = "127.0.0.1:" + registry.port();
            String schema = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"W\\\",\\\"fields\\\":[]}\"}";
            // A <form enctype="text/plain"> or a no-cors fetch from another site: no registry media type, or its Origin.
            assertThat(raw(registry, "POST /subjects/parley.w-value/versions", self, "text/plain", null, schema))
                    .startsWith("HTTP/1.1 415");
            assertThat(raw(registry, "POST /subjects/parley.w-value/versions", self, null, null, schema))
                    .startsWith("HTTP/1.1 415");
            assertThat(raw(registry, "PUT /config", self, "text/plain", null, "{\"compatibility\":\"NONE\"}"))
                    .startsWith("HTTP/1.1 415");
            assertThat(raw(registry, "POST /subjects/parley.w-value/versions", self, "application/json",
                    "http://evil.example", schema)).startsWith("HTTP/1.1 403").contains("40301");
            // DNS rebinding: a foreign name reads nothing.
            assertThat(raw(registry, "GET /subjects", "rebound.example:" + registry.port(), null, null, ""))
                    .startsWith("HTTP/1.1 403").contains("40301");
            RestSchemaRegistryClient rest = new RestSchemaRegistryClient(registry.url());
            assertThatThrownBy(() -> rest.latest("parley.w-value")).isInstanceOf(SchemaRegistryException.class);
            assertThat(raw(registry, "GET /config", self, null, null, "")).contains("BACKWARD");
            // The serdes' own requests (the registry media type, a loopback Host, no Origin) still register.
            assertThat(raw(registry, "POST /subjects/parley.w-value/versions", self,
                    "application/vnd.schemaregistry.v1+json", null, schema)).startsWith("HTTP/1.1 200");
            assertThat(rest.latest("parley.w-value").schema().getName()).isEqualTo("W");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileRead() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(TOPIC, client(), "127.0.0.1", 0);
             java.net.Socket socket = new java.net.Socket("127.0.0.1", registry.port())) {
            java.util.concurrent.CompletableFuture<String> answer = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
                        try {
                            socket.getInputStream().transferTo(read);
                        } catch (java.io.IOException reset) {
                            // a reset after the answer: what was read is the answer
                        }
                        return read.toString(java.nio.charset.StandardCharsets.UTF_8);
                    });
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/parley.big-value/versions HTTP/1.1\r\nHost: 127.0.0.1:" + registry.port()
                    + "\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                // Twice the limit, then nothing more: the answer must come without the end of the body.
                for (long sent = 0; sent <= 2L * EmbeddedSchemaRegistry.MAX_BODY_BYTES; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (java.io.IOException closedByTheRegistry) {
                // it answered and closed
            }
            assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).startsWith("HTTP/1.1 413").contains("41301");
        }
    }

    @Test
    void aRegistryOnTheSamePortAfterAnotherStopsIsAskedAfreshBySerdesOfThisProcess() {
        String url;
        int port;
        try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(TOPIC + ".first", client(), "127.0.0.1", 0)) {
            url = first.url();
            port = first.port();
            assertThat(serializer(url).serialize("parley.reuse", "k")).isNotEmpty();
        }
        try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(TOPIC + ".second", client(), "127.0.0.1", port)) {
            // Registered first here, so this record takes the id the string schema had in the first registry.
            int recordId = new RestSchemaRegistryClient(second.url())
                    .register("parley.other-value", SchemaBuilder.record("Other").fields().requiredLong("n").endRecord());
            byte[] written = serializer(url).serialize("parley.reuse", "k");
            AvroDeserializer<String> reader = new AvroDeserializer<>(String.class, new RestSchemaRegistryClient(second.url()));
            assertThat(ConfluentWireFormat.schemaId(written)).isNotEqualTo(recordId);
            assertThat(reader.deserialize("parley.reuse", written)).isEqualTo("k");
        }
    }

    private static AvroSerializer<String> serializer(String url) {
        AvroSerializer<String> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), true);
        return serializer;
    }

    /** One request with exactly these headers (raw, because Host is the point); the whole answer. */
    private static String raw(EmbeddedSchemaRegistry registry, String methodAndPath, String host, String type,
                              String origin, String body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", registry.port())) {
            byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(methodAndPath + " HTTP/1.1\r\nHost: " + host + "\r\n");
            if (type != null) {
                request.append("Content-Type: ").append(type).append("\r\n");
            }
            if (origin != null) {
                request.append("Origin: ").append(origin).append("\r\n");
            }
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
