package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.Article;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation end to end on the real in-process broker and the embedded registry: seeds in, Article records out
 * through the Confluent wire format; bad input to the dead-letter topic; the HTTP API.
 */
@Tag("integration")
class FoundationIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static ParleyNode node;
    static ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(dataDir, new PrintStream(stderr, true, StandardCharsets.UTF_8), Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void seedsBecomeFiveArticlesInTheConfluentWireFormatWithTheirPublicationDates() throws Exception {
        ArticlePublisher.Summary summary = Ingestion.ingest(List.of(SEEDS.toString()), node.reader(), node.publisher());
        assertThat(summary.failed()).isZero();
        assertThat(summary.rejected()).isZero();

        List<ConsumerRecord<byte[], byte[]>> raw = consume(ParleyTopics.ARTICLES_RAW,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("seeds/"), 5);
        assertThat(raw).hasSize(5);
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(node.registryUrl().orElseThrow());
        Deserializer<Article> articles = new AvroDeserializer<>(Article.class, registry);
        Map<String, Article> byFile = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : raw) {
            assertThat(record.value()[0]).isEqualTo((byte) 0);
            int schemaId = ByteBuffer.wrap(record.value(), 1, 4).getInt();
            assertThat(registry.schemaById(schemaId)).isEqualTo(Article.getClassSchema());
            assertThat(record.key()[0]).isEqualTo((byte) 0);
            Article article = articles.deserialize(record.topic(), record.value());
            assertThat(record.timestamp()).isEqualTo(article.getPublishedAt().toEpochMilli());
            byFile.put(Path.of(article.getSource().getOrigin()).getFileName().toString().substring(0, 3), article);
        }
        assertThat(byFile.keySet()).containsExactlyInAnyOrder("000", "001", "002", "003", "004");
        assertPublished(byFile.get("000"), "2026-01-11", DateSource.METADATA);
        assertPublished(byFile.get("001"), "2026-01-15", DateSource.DATELINE);
        assertPublished(byFile.get("002"), "2026-01-16", DateSource.EMBEDDED_POST);
        assertPublished(byFile.get("003"), "2026-01-12", DateSource.EMBEDDED_POST);
        assertPublished(byFile.get("004"), "2026-01-16", DateSource.EMBEDDED_POST);
        byFile.values().forEach(a -> assertThat(a.getLanguage()).isEqualTo("es"));

        // The catalog stage materialises them; the API serves them by id.
        Article first = byFile.get("001");
        JsonNode served = awaitJson("/api/articles/" + first.getId(), 200);
        assertThat(served.path("publishedAt").asText()).isEqualTo("2026-01-15T00:00:00Z");
        assertThat(served.path("source").path("origin").asText()).endsWith("001_976870d5a58268f5.txt");
    }

    private static void assertPublished(Article article, String day, DateSource source) {
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse(day + "T00:00:00Z"));
        assertThat(article.getPublishedAtSource()).isEqualTo(source);
    }

    @Test
    void aBadFileIsRejectedWithAReasonAndADeadLetterWhileTheOthersAreIngested(@TempDir Path folder) throws Exception {
        Path batch = Files.createDirectories(folder.resolve("batch"));
        Files.writeString(batch.resolve("good.txt"), "---\ntitle: Llamada\ndate: 2026-03-02\n---\n"
                + "La canciller conversó por teléfono con su homólogo sobre la cooperación fronteriza y migratoria.");
        Files.write(batch.resolve("garbage.txt"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x41, 0x42});
        Files.writeString(batch.resolve("empty.txt"), "   \n\n  ");

        ArticlePublisher.Summary summary = Ingestion.ingest(List.of(batch.toString()), node.reader(), node.publisher());
        assertThat(Ingestion.exitCode(summary)).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("REJECTED batch/garbage.txt: INVALID_ENCODING")
                .contains("REJECTED batch/empty.txt: EMPTY_TEXT");

        List<ConsumerRecord<byte[], byte[]>> good = consume(ParleyTopics.ARTICLES_RAW,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains("batch/good.txt"), 1);
        assertThat(good).hasSize(1);
        Map<String, RejectedInput> letters = deadLetters(r -> r.getOrigin().startsWith("batch/"), 2);
        assertThat(letters.get("batch/garbage.txt").getReason()).isEqualTo(RejectReason.INVALID_ENCODING);
        assertThat(letters.get("batch/garbage.txt").getOriginalSize()).isEqualTo(6);
        assertThat(letters.get("batch/garbage.txt").getOriginalBytes().remaining()).isEqualTo(6);
        assertThat(letters.get("batch/empty.txt").getReason()).isEqualTo(RejectReason.EMPTY_TEXT);
        assertThat(letters.get("batch/empty.txt").getStage()).isEqualTo("ingest.file");
    }

    @Test
    void postedArticlesAreAcceptedAndBadOnesAnswer400WithAReason() throws Exception {
        String body = "{\"title\":\"Reunión bilateral\",\"outlet\":\"Prueba\",\"publishedAt\":\"2026-03-05\","
                + "\"body\":\"Los cancilleres se reunieron en Ottawa para revisar la agenda de movilidad laboral.\"}";
        HttpResponse<String> accepted = post("/api/articles", body);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).path("id").asText();
        assertThat(awaitJson("/api/articles/" + id, 200).path("title").asText()).isEqualTo("Reunión bilateral");

        HttpResponse<String> rejected = post("/api/articles", "{\"title\": 3, \"body\": ");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rejected.body()).path("reason").asText()).isEqualTo("INVALID_JSON");
        assertThat(deadLetters(r -> r.getStage().equals("ingest.http"), 1)).isNotEmpty();

        assertThat(get("/api/articles/does-not-exist").statusCode()).isEqualTo(404);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aPoisonRecordOnTheRawLogGoesToTheDeadLetterTopicAndTheStageGoesOn() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", node.config().require(ParleyConfig.BOOTSTRAP_SERVERS)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, "poison".getBytes(StandardCharsets.UTF_8),
                    new byte[] {7, 1, 2, 3})).get();
        }
        Map<String, RejectedInput> letters = deadLetters(r -> r.getStage().startsWith("streams.deserialize"), 1);
        RejectedInput letter = letters.values().iterator().next();
        assertThat(letter.getReason()).isEqualTo(RejectReason.BAD_MAGIC_BYTE);
        assertThat(letter.getOrigin()).startsWith(ParleyTopics.ARTICLES_RAW + "/");
        assertThat(letter.getOriginalSize()).isEqualTo(4);
        assertThat(node.streams().allRunning()).isTrue();
    }

    private static Map<String, RejectedInput> deadLetters(Predicate<RejectedInput> wanted, int atLeast) {
        RestSchemaRegistryClient registry = new RestSchemaRegistryClient(node.registryUrl().orElseThrow());
        Deserializer<RejectedInput> letters = new AvroDeserializer<>(RejectedInput.class, registry);
        Map<String, RejectedInput> byOrigin = new HashMap<>();
        consume(ParleyTopics.DEAD_LETTER, r -> {
            RejectedInput letter = letters.deserialize(r.topic(), r.value());
            if (wanted.test(letter)) {
                byOrigin.put(letter.getOrigin(), letter);
                return true;
            }
            return false;
        }, atLeast);
        return byOrigin;
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted,
                                                               int expected) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Await.until(expected + " wanted records on " + topic, Duration.ofSeconds(30), Duration.ZERO, () -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
                return found.size();
            }, n -> n >= expected);
        }
        return found;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + node.ingestToken().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitJson(String path, int status) throws Exception {
        HttpResponse<String> response = Await.until(path + " to answer " + status, Duration.ofSeconds(30),
                Duration.ofMillis(200), () -> get(path), r -> r.statusCode() == status);
        return JSON.readTree(response.body());
    }
}
