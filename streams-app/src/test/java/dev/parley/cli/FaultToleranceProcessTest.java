package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.registry.EmbeddedSchemaRegistry;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exactly-once under faults, on the real broker, with {@code parley run} and {@code parley replay} as separate
 * processes: a replay of 2,000 generated articles during which the app is killed with SIGKILL and restarted, and the
 * broker is stopped and restarted. Afterwards every derived topic (as a compacted map) and the article store equal
 * those of an uninterrupted run over the same raw log (a rebuild), the decision log holds exactly one first decision
 * per article (nothing doubled), and every article is there (nothing lost).
 */
@Tag("integration")
class FaultToleranceProcessTest {

    // 2,000, not 20,000: every article goes through the real CoreNLP parser, which is the floor of the engagement stage.
    private static final int ARTICLES = 2_000;
    private static final List<String> STAGES = List.of("parley.catalog", "parley.dedup", "parley.engagement", "parley.views");

    @TempDir
    Path dir;

    @Test
    void killMinus9AndABrokerRestartDuringAReplayLoseNothingAndDoubleNothing() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        for (int part = 0; part < 4; part++) {
            ArchiveGenerator.write(archive.resolve("part" + part + ".jsonl"), ARTICLES / 4, 100 + part);
        }
        int kafkaPort = ParleyNode.freePort();
        int httpPort = ParleyNode.freePort();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, Map.of());
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(ParleyTopics.REGISTRY_SCHEMAS,
                Map.of("bootstrap.servers", broker.bootstrapServers()), "127.0.0.1", 0)) {
            String bootstrap = broker.bootstrapServers();
            // An external cluster: the instances' internal reads need a shared secret.
            Path settings = Files.writeString(dir.resolve("parley.properties"),
                    "parley.http.internal.secret=fault-test-internal-secret\n");
            String[] connection = {"--bootstrap-servers", bootstrap, "--schema-registry-url", registry.url(),
                    "--data-dir", dir.resolve("data").toString(), "--config", settings.toString()};
            String[] run = concat(new String[] {"run", "--http-port", String.valueOf(httpPort)}, connection);

            ParleyProcess app = ParleyProcess.start(dir.resolve("app-1.log"), httpPort, run);
            ParleyProcess replay = null;
            try {
                app.awaitReady(Duration.ofMinutes(2));
                replay = ParleyProcess.start(dir.resolve("replay.log"), 0, concat(new String[] {"replay", "--progress",
                        "LINES", "--progress-interval", "5", "--dedup-wait", "0"}, concat(connection, new String[] {archive.toString()})));

                awaitEndOffsets(bootstrap, ParleyTopics.ARTICLES_CLUSTERS, ARTICLES * 3 / 20, Duration.ofMinutes(4));
                app.kill();
                long restart = System.nanoTime();
                app = ParleyProcess.start(dir.resolve("app-2.log"), httpPort, run);
                Duration recovery = app.awaitReady(Duration.ofMinutes(2));
                long toReady = (System.nanoTime() - restart) / 1_000_000;
                System.out.printf("RECOVERY after kill -9: ready %d ms after the restart (JVM start included)%n", toReady);
                assertThat(recovery).isLessThan(Duration.ofMinutes(2));

                awaitEndOffsets(bootstrap, ParleyTopics.ARTICLES_CLUSTERS, ARTICLES * 2 / 5, Duration.ofMinutes(4));
                broker.close();
                Thread.sleep(5_000); // the outage itself: clients must ride out 5 s without a broker
                broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", kafkaPort, Map.of());

                assertThat(replay.process().waitFor(8, TimeUnit.MINUTES)).as(replay.output()).isTrue();
                assertThat(replay.process().exitValue()).as(replay.output()).isZero();
                Matcher summary = Pattern.compile("Replayed 4 files in ([0-9.]+) s: (\\d+) accepted, 0 rejected \\((\\d+) articles/s\\)")
                        .matcher(replay.output());
                assertThat(summary.find()).as(replay.output()).isTrue();
                assertThat(Integer.parseInt(summary.group(2))).isEqualTo(ARTICLES);
                System.out.println("REPLAY with exactly-once stages running: " + summary.group());

                long caughtUpStart = System.nanoTime();
                TopicSnapshots.awaitCaughtUp(bootstrap, STAGES, Duration.ofMinutes(12));
                System.out.printf("Stages caught up %d s after the replay ended%n", (System.nanoTime() - caughtUpStart) / 1_000_000_000);
                assertThat(app.process().isAlive()).as("the app recovers from the broker restart by itself").isTrue();
            } finally {
                if (replay != null) {
                    replay.close();
                }
                app.terminate(Duration.ofSeconds(90));
            }
            Map<String, Map<String, String>> faulted = TopicSnapshots.snapshot(bootstrap, registry.url());
            assertNothingLostNothingDoubled(bootstrap, registry.url(), faulted);

            // The uninterrupted run over the same raw log: reset and rebuild everything, with no fault.
            RebuildCommand rebuild = new RebuildCommand();
            rebuild.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThat(new CommandLine(rebuild).execute(connection)).isZero();
            long rebuildStart = System.nanoTime();
            try (ParleyProcess clean = ParleyProcess.start(dir.resolve("app-3.log"), httpPort, run)) {
                clean.awaitReady(Duration.ofMinutes(2));
                TopicSnapshots.awaitCaughtUp(bootstrap, STAGES, Duration.ofMinutes(12));
                System.out.printf("REBUILD of %d articles: %d s%n", ARTICLES, (System.nanoTime() - rebuildStart) / 1_000_000_000);
                clean.terminate(Duration.ofSeconds(90));
            }
            Map<String, Map<String, String>> uninterrupted = TopicSnapshots.snapshot(bootstrap, registry.url());
            assertThat(uninterrupted.keySet()).containsAll(TopicSnapshots.derivedTopics());
            assertThat(TopicSnapshots.differences(uninterrupted, faulted)).isEmpty();
        } finally {
            broker.close();
        }
    }

    private static void assertNothingLostNothingDoubled(String bootstrap, String registryUrl,
                                                        Map<String, Map<String, String>> views) {
        assertThat(views.get("parley.catalog-parley-articles-changelog")).hasSize(ARTICLES);
        assertThat(views.get(ParleyTopics.ARTICLES_CLUSTERS)).hasSize(ARTICLES);
        assertThat(views.get(ParleyTopics.ARTICLES_UNIQUE).size() + views.get(ParleyTopics.ARTICLES_DUPLICATES).size())
                .isEqualTo(ARTICLES);
        assertThat(views.get(ParleyTopics.ARTICLES_DUPLICATES)).hasSizeGreaterThan(ARTICLES / 20);
        // Under exactly-once a reprocessed article is invisible: one first decision per article, no "seen again".
        Map<String, Integer> firstDecisions = new HashMap<>();
        int reingested = 0;
        AvroDeserializer<DedupDecision> decisions = new AvroDeserializer<>(DedupDecision.class,
                new RestSchemaRegistryClient(registryUrl));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ParleyTopics.DEDUP_DECISIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    DedupDecision d = decisions.deserialize(r.topic(), r.value());
                    if (d.getEvent() == DecisionEvent.DECIDED) {
                        firstDecisions.merge(d.getArticleId(), 1, Integer::sum);
                    } else if (d.getEvent() == DecisionEvent.REINGESTED) {
                        reingested++;
                    }
                }
            }
        }
        assertThat(firstDecisions).hasSize(ARTICLES);
        assertThat(firstDecisions.values()).allMatch(n -> n == 1);
        assertThat(reingested).isZero();
    }

    private static void awaitEndOffsets(String bootstrap, String topic, long atLeast, Duration timeout) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Await.until(topic + " to reach " + atLeast + " records", timeout, Duration.ofMillis(500), () -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            }, sum -> sum >= atLeast);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
