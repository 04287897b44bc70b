package dev.parley.engagement.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.cli.ParleyNode;
import dev.parley.cli.TestNodes;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.testing.Await;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real in-process broker: seeds in, engagement events and commitments out. */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngagementIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));

    @TempDir
    static Path dataDir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(dataDir, new PrintStream(System.err, true, StandardCharsets.UTF_8), Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    @Order(1)
    void seedsIngestedTwiceGiveTheSixUsMexicoEventsAndTwoScheduledCommitmentsOnTheTopics() {
        ArticleReader reader = node.reader();
        ArticlePublisher publisher = node.publisher();
        reader.readPaths(List.of(SEEDS), publisher::publish);
        reader.readPaths(List.of(SEEDS), publisher::publish);
        publisher.flush(Duration.ofSeconds(30));

        Map<String, EngagementEvent> events = materialise(ParleyTopics.ENGAGEMENT_EVENTS, EngagementEvent.class,
                m -> m.values().stream().filter(e -> e.getDyads().contains("MX-US")).count() >= 6);
        Map<String, EngagementCommitment> commitments = materialise(ParleyTopics.ENGAGEMENT_COMMITMENTS,
                EngagementCommitment.class, m -> m.size() >= 2);

        assertThat(events.values()).filteredOn(e -> e.getDyads().contains("MX-US")).hasSize(6)
                .allSatisfy(e -> assertThat(e.getSources()).isNotEmpty()
                        .allSatisfy(s -> assertThat(s.getOrigin()).startsWith("seeds/")));
        assertThat(commitments.values()).hasSize(2)
                .allSatisfy(c -> assertThat(c.getStatus().name()).isEqualTo("SCHEDULED"));
    }

    /**
     * Issue 5's acceptance, through the HTTP API of the running node: a later report that the Security Implementation
     * Group met on 23 January makes that commitment HELD (from that day on, in the versioned dyad store too), and an
     * article from March — stream time past February with no report of the ministerial — makes it OVERDUE.
     */
    @Test
    @Order(2)
    void aReportThatTheGroupMetMakesItHeldAndMarchMakesTheMinisterialOverdueThroughTheApi() throws Exception {
        node.reader().readPaths(List.of(SEEDS), node.publisher()::publish);
        node.publisher().flush(Duration.ofSeconds(30));
        awaitJson("/api/commitments", c -> c.path("commitments").size() == 2);

        post("{\"title\":\"Se reúne el grupo de seguridad\",\"outlet\":\"Diario de Prueba\",\"publishedAt\":\"2026-01-24\","
                + "\"body\":\"Ciudad de México, a 24 de enero de 2026.- El Grupo de Implementación de Seguridad se reunió "
                + "este viernes 23 de enero en la Ciudad de México, con delegaciones de México y Estados Unidos, para "
                + "revisar las acciones contra el tráfico de fentanilo.\"}");
        JsonNode held = awaitJson("/api/commitments?status=held", c -> c.path("commitments").size() == 1);
        assertThat(held.path("commitments").get(0).path("dueDate").asText()).isEqualTo("2026-01-23");
        JsonNode before = awaitJson("/api/dyads/MX-US?asOf=2026-01-22", d -> d.path("openCommitments").size() > 0);
        assertThat(before.path("openCommitments").findValuesAsText("status")).doesNotContain("HELD");
        JsonNode after = awaitJson("/api/dyads/MX-US?asOf=2026-01-24",
                d -> d.path("pastCommitments").findValuesAsText("status").contains("HELD"));
        assertThat(after.path("openCommitments").findValuesAsText("status")).doesNotContain("OVERDUE");

        post("{\"title\":\"Sigue el trabajo técnico\",\"outlet\":\"Diario de Prueba\",\"publishedAt\":\"2026-03-05\","
                + "\"body\":\"Ciudad de México, a 5 de marzo de 2026.- La Secretaría de Relaciones Exteriores informó "
                + "que continúan los trabajos técnicos sobre seguridad fronteriza.\"}");
        JsonNode overdue = awaitJson("/api/commitments?status=overdue", c -> c.path("commitments").size() == 1);
        assertThat(overdue.path("commitments").get(0).path("duePrecision").asText()).isEqualTo("MONTH");
        assertThat(awaitJson("/api/commitments?status=held", c -> true).path("commitments")).hasSize(1);
    }

    private static void post(String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api("/api/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node.ingestToken().orElseThrow()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> done) throws Exception {
        return Await.until(path + " to satisfy the condition", Duration.ofSeconds(90), Duration.ofMillis(250), () -> {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }, done);
    }

    private static URI api(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    /** Reads a compacted topic from the start until the condition holds and two seconds pass with nothing new. */
    private static <V> Map<String, V> materialise(String topic, Class<V> type, Predicate<Map<String, V>> enough) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(node.registryUrl().orElseThrow());
        Deserializer<String> keys = new AvroDeserializer<>(String.class, registry);
        Deserializer<V> values = new AvroDeserializer<>(type, registry);
        Map<String, V> map = new TreeMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), keys, values)) {
            consumer.subscribe(List.of(topic));
            long[] quietSince = {System.nanoTime()};
            Await.until(topic + " to hold enough and stay quiet for 2 s", Duration.ofSeconds(90), Duration.ZERO, () -> {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    quietSince[0] = System.nanoTime();
                    if (record.value() == null) {
                        map.remove(record.key());
                    } else {
                        map.put(record.key(), record.value());
                    }
                }
                return map;
            }, m -> enough.test(m) && System.nanoTime() - quietSince[0] > 2_000_000_000L);
        }
        return map;
    }
}
