package dev.parley.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.avro.Article;
import dev.parley.kafka.EmbeddedKafkaBroker;
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
                            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"{not avro\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(invalid.statusCode()).isEqualTo(422);
            assertThat(invalid.body()).contains("42201");
        }
    }
}
