package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ParleyConfig;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parley replay} against a running node on the real in-process broker. */
@Tag("integration")
class ReplayIntegrationTest {

    @TempDir
    static Path dir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        node = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dir.resolve("data").toString(),
                "parley.kafka.port", "0", "parley.registry.port", "0", "parley.http.port", "0")),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void replaysAnArchiveAsFastAsPossibleWithProgressLinesAndASummaryOfDuplicates() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("archive"));
        ArchiveGenerator.Stats stats = ArchiveGenerator.write(archive.resolve("part1.jsonl"), 1500, 7);
        Files.write(archive.resolve("broken.txt"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0});

        Result r = replay("--progress", "LINES", "--progress-interval", "0.2", archive.toString());
        assertThat(r.exit).as(r.err).isEqualTo(2);
        Matcher summary = Pattern.compile("Replayed 2 files in [0-9.]+ s: (\\d+) accepted, (\\d+) rejected \\(([0-9]+) articles/s\\)")
                .matcher(r.out);
        assertThat(summary.find()).as(r.out).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isEqualTo(1500);
        assertThat(Long.parseLong(summary.group(2))).isEqualTo(1);
        Matcher duplicates = Pattern.compile("Duplicates: (\\d+) of (\\d+) decided articles\\n").matcher(r.out);
        assertThat(duplicates.find()).as(r.out).isTrue();
        assertThat(Long.parseLong(duplicates.group(2))).isEqualTo(1500);
        // The stage finds the copies the dedup core finds reading the archive in order: every exact copy, and the
        // near copies (one sentence of ~10 changed) that pass the thresholds.
        long expected = ArchiveGenerator.copiesFoundByTheCore(archive.resolve("part1.jsonl"));
        assertThat(expected).isBetween((long) stats.exactCopies(), (long) stats.exactCopies() + stats.nearCopies());
        assertThat(Long.parseLong(duplicates.group(1))).isEqualTo(expected);
        assertThat(r.err).contains("replay: 100% 1,500 accepted, 1 rejected").contains("REJECTED archive/broken.txt");
        System.out.println("replay of 1500 articles: " + r.out.strip());
    }

    @Test
    void liveSpeedPacesArticlesByPublicationTimeAndRecordTimestampsArePublicationTimes() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("live"));
        // Written out of order: replayed in publication order, 2 hours of coverage at 3600x ≈ 2 s.
        Files.writeString(archive.resolve("live.jsonl"), String.join("\n",
                "{\"publishedAt\":\"2026-03-01T12:00:00Z\",\"language\":\"es\",\"body\":\"Tercera nota: los cancilleres cerraron la reunión con un comunicado.\"}",
                "{\"publishedAt\":\"2026-03-01T10:00:00Z\",\"language\":\"es\",\"body\":\"Primera nota: los cancilleres llegaron a la reunión de la mañana.\"}",
                "{\"publishedAt\":\"2026-03-01T11:00:00Z\",\"language\":\"es\",\"body\":\"Segunda nota: los cancilleres revisaron la agenda migratoria.\"}"));
        long endBefore = rawEndOffsets();
        long start = System.nanoTime();
        Result r = replay("--speed", "3600", "--progress", "NONE", "--dedup-wait", "0", archive.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exit).as(r.out + r.err).isZero();
        assertThat(seconds).isGreaterThanOrEqualTo(1.9);
        assertThat(r.out).contains("3 accepted, 0 rejected");

        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition p = new TopicPartition("parley.articles.raw", 0);
            var partitions = consumer.partitionsFor("parley.articles.raw").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.List<Long> timestamps = new java.util.ArrayList<>();
            Await.until("the 3 replayed articles on the raw topic", Duration.ofSeconds(20), Duration.ZERO, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(rec -> {
                    if (new String(rec.value(), StandardCharsets.UTF_8).contains(" nota: los cancilleres")) {
                        timestamps.add(rec.timestamp());
                    }
                });
                return timestamps.size();
            }, n -> n >= 3);
            assertThat(timestamps).containsExactlyInAnyOrder(
                    java.time.Instant.parse("2026-03-01T10:00:00Z").toEpochMilli(),
                    java.time.Instant.parse("2026-03-01T11:00:00Z").toEpochMilli(),
                    java.time.Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());
            assertThat(p.topic()).isEqualTo("parley.articles.raw");
        }
        assertThat(rawEndOffsets()).isEqualTo(endBefore + 3);
    }

    record Result(int exit, String out, String err) {
    }

    private static Result replay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReplayCommand command = new ReplayCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 4];
        all[0] = "--bootstrap-servers";
        all[1] = node.config().require(ParleyConfig.BOOTSTRAP_SERVERS);
        all[2] = "--schema-registry-url";
        all[3] = node.registryUrl().orElseThrow();
        System.arraycopy(args, 0, all, 4, args.length);
        int exit = new CommandLine(command).execute(all);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                node.config().require(ParleyConfig.BOOTSTRAP_SERVERS)), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static long rawEndOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            var partitions = consumer.partitionsFor("parley.articles.raw").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
