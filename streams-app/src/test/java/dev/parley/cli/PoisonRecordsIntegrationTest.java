package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.ArticleSource;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.SourceFormat;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.AvroSerializer;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.testing.Await;
import dev.parley.views.stream.ArticleCatalogTopology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that arrive broken on the raw topic, on the real broker with every stage running: each goes to the
 * dead-letter topic from each stage that reads it, with its reason code and original bytes; the stages keep
 * running; the good records written before and after them are all in the views.
 */
@Tag("integration")
class PoisonRecordsIntegrationTest {

    @TempDir
    static Path dataDir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(dataDir, new PrintStream(new ByteArrayOutputStream()), Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndNothingGoodIsLost() throws Exception {
        Map<String, Object> clients = node.config().clientConfig();
        AvroSerializer<Object> keys = new AvroSerializer<>();
        keys.configure(clients, true);
        AvroSerializer<Object> values = new AvroSerializer<>();
        values.configure(clients, false);

        byte[] goodValue = values.serialize(ParleyTopics.ARTICLES_RAW, article("before"));
        byte[] rejectedInputValue = values.serialize(ParleyTopics.ARTICLES_RAW + "-other", RejectedInput.newBuilder()
                .setId("x").setStage("s").setReason(RejectReason.UNKNOWN).setMessage("m").setOrigin("o")
                .setRejectedAt(Instant.EPOCH).build());
        // kind → (value bytes, expected reason); the key is the kind, a valid Avro string.
        Map<String, Map.Entry<byte[], RejectReason>> poison = new LinkedHashMap<>();
        poison.put("wrong-magic-byte", Map.entry(withFirstByte(goodValue, (byte) 1), RejectReason.BAD_MAGIC_BYTE));
        poison.put("plain-json", Map.entry("{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8), RejectReason.BAD_MAGIC_BYTE));
        poison.put("unknown-schema-id", Map.entry(withSchemaId(goodValue, 987_654), RejectReason.UNKNOWN_SCHEMA));
        poison.put("truncated-avro", Map.entry(Arrays.copyOf(goodValue, goodValue.length / 2), RejectReason.CORRUPT_PAYLOAD));
        poison.put("header-only", Map.entry(Arrays.copyOf(goodValue, 5), RejectReason.CORRUPT_PAYLOAD));
        poison.put("too-short-for-header", Map.entry(new byte[] {0, 0}, RejectReason.CORRUPT_PAYLOAD));
        poison.put("trailing-garbage", Map.entry(concat(goodValue, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                RejectReason.CORRUPT_PAYLOAD));
        poison.put("another-contract", Map.entry(rejectedInputValue, RejectReason.CORRUPT_PAYLOAD));

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", node.config().require(ParleyConfig.BOOTSTRAP_SERVERS)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, 0, 1_000L,
                    keys.serialize(ParleyTopics.ARTICLES_RAW, "before"), goodValue)).get();
            for (var e : poison.entrySet()) {
                producer.send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, 0, 1_000L,
                        keys.serialize(ParleyTopics.ARTICLES_RAW, e.getKey()), e.getValue().getKey())).get();
            }
            // A bad key with a good value.
            producer.send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, 0, 1_000L,
                    "not-avro-key".getBytes(StandardCharsets.UTF_8), values.serialize(ParleyTopics.ARTICLES_RAW,
                            article("bad-key")))).get();
            producer.send(new ProducerRecord<>(ParleyTopics.ARTICLES_RAW, 0, 1_000L,
                    keys.serialize(ParleyTopics.ARTICLES_RAW, "after"),
                    values.serialize(ParleyTopics.ARTICLES_RAW, article("after")))).get();
        }

        // Two stages read the raw log: each dead-letters every poison record once.
        int expected = 2 * (poison.size() + 1);
        List<RejectedInput> letters = deadLetters(expected);
        assertThat(letters).hasSize(expected);
        Set<String> stages = letters.stream().map(RejectedInput::getStage).collect(Collectors.toSet());
        assertThat(stages).containsExactlyInAnyOrder("streams.deserialize@parley.catalog", "streams.deserialize@parley.dedup");

        Map<Long, RejectedInput> catalogLetters = letters.stream()
                .filter(l -> l.getStage().endsWith("catalog"))
                .collect(Collectors.toMap(l -> Long.parseLong(l.getOrigin().substring(l.getOrigin().indexOf('@') + 1)),
                        l -> l));
        // Offsets: 0 is the good "before" record, then the poison kinds in order, then the bad key.
        int offset = 1;
        for (var e : poison.entrySet()) {
            RejectedInput letter = catalogLetters.get((long) offset++);
            assertThat(letter).as(e.getKey()).isNotNull();
            assertThat(letter.getReason()).as(e.getKey()).isEqualTo(e.getValue().getValue());
            assertThat(letter.getOrigin()).isEqualTo(ParleyTopics.ARTICLES_RAW + "/0@" + (offset - 1));
            assertThat(toBytes(letter.getOriginalBytes())).as(e.getKey()).isEqualTo(e.getValue().getKey());
            assertThat(letter.getMessage()).as(e.getKey()).isNotBlank();
        }
        assertThat(catalogLetters.get((long) offset).getReason()).isEqualTo(RejectReason.BAD_MAGIC_BYTE);

        assertThat(node.streams().allRunning()).isTrue();
        ReadOnlyKeyValueStore<String, Article> catalog = node.streams().store(ArticleCatalogTopology.STAGE,
                ArticleCatalogTopology.ARTICLES_STORE, QueryableStoreTypes.keyValueStore());
        Await.until("the article after the poison records in the catalog", Duration.ofSeconds(30),
                () -> catalog.get("after") != null);
        assertThat(catalog.get("before")).isNotNull();
        assertThat(catalog.get("after")).isNotNull();
        assertThat(catalog.approximateNumEntries()).isEqualTo(2);
    }

    private static Article article(String id) {
        return Article.newBuilder().setId(id)
                .setSource(ArticleSource.newBuilder().setOrigin("test/" + id).setFormat(SourceFormat.TEXT).build())
                .setBody("Texto de prueba número " + id + " sobre una llamada entre cancilleres.")
                .setLanguage("es").setPublishedAt(Instant.ofEpochMilli(1_000L)).setPublishedPrecision(DatePrecision.DAY)
                .setPublishedAtSource(DateSource.METADATA).setIngestedAt(Instant.ofEpochMilli(2_000L))
                .setContentHash(id).build();
    }

    private static List<RejectedInput> deadLetters(int expected) {
        AvroDeserializer<RejectedInput> letters = new AvroDeserializer<>(RejectedInput.class,
                new RestSchemaRegistryClient(node.registryUrl().orElseThrow()));
        Map<String, RejectedInput> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, node.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(ParleyTopics.DEAD_LETTER));
            Await.until(expected + " dead letters", Duration.ofSeconds(60), Duration.ZERO, () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    RejectedInput letter = letters.deserialize(r.topic(), r.value());
                    found.put(letter.getStage() + " " + letter.getOrigin(), letter);
                }
                return found.size();
            }, n -> n >= expected);
            // Anything more than expected would be a doubled letter: poll a little longer to see it.
            consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                RejectedInput letter = letters.deserialize(r.topic(), r.value());
                found.put(letter.getStage() + " " + letter.getOrigin() + " again", letter);
            });
        }
        return List.copyOf(found.values());
    }

    private static byte[] withFirstByte(byte[] bytes, byte first) {
        byte[] copy = bytes.clone();
        copy[0] = first;
        return copy;
    }

    private static byte[] withSchemaId(byte[] bytes, int id) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(id);
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
