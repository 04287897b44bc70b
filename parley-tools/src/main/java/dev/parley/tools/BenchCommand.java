package dev.parley.tools;

import dev.parley.avro.Article;
import dev.parley.avro.DecisionEvent;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.SourceFormat;
import dev.parley.bench.BenchArticles;
import dev.parley.bench.BenchEnvironment;
import dev.parley.bench.CorpusGenerator;
import dev.parley.bench.LatencyBench;
import dev.parley.bench.Machine;
import dev.parley.bench.NlpBench;
import dev.parley.bench.PipelineBench;
import dev.parley.bench.ScalingBench;
import dev.parley.cli.CommandGroup;
import dev.parley.cli.ParleyNode;
import dev.parley.config.ParleyConfig;
import dev.parley.dedup.eval.BenchCorpus;
import dev.parley.dedup.stream.DedupTopology;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestOutcome;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamStage;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.nlp.corenlp.CoreNlpSentenceParser;
import dev.parley.registry.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code parley bench …}: throughput measurements on a real embedded broker in a temporary directory. Printed, not
 * asserted: numbers depend on the machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput of Parley's stages on an embedded broker in a temporary directory.",
        subcommands = {BenchCommand.Dedup.class, BenchCommand.Corpus.class, BenchCommand.Pipeline.class,
                BenchCommand.Scaling.class, BenchCommand.Latency.class, BenchCommand.Nlp.class})
final class BenchCommand extends CommandGroup {

    /** Options every corpus-based benchmark shares. */
    static final class CorpusOptions {
        @Option(names = "--seed", description = "Random seed of the generated corpus (default ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--exact-share", description = "Share of exact copies (default ${DEFAULT-VALUE}).")
        double exact = CorpusGenerator.Shares.DEFAULT.exactCopy();

        @Option(names = "--near-share", description = "Share of near-identical copies (default ${DEFAULT-VALUE}).")
        double near = CorpusGenerator.Shares.DEFAULT.nearCopy();

        @Option(names = "--reprint-share", description = "Share of articles reprinting a passage of an earlier one "
                + "(default ${DEFAULT-VALUE}).")
        double reprint = CorpusGenerator.Shares.DEFAULT.reprint();

        @Option(names = "--days", description = "Days of event time the articles spread over (default ${DEFAULT-VALUE}).")
        int days = 20;

        @Option(names = "--bases", split = ",", description = "Folders of real text to build from "
                + "(default: ../shared/seeds and samples).")
        List<Path> bases = List.of(Path.of("../shared/seeds"), Path.of("samples"));

        CorpusGenerator.Shares shares() {
            return new CorpusGenerator.Shares(exact, near, reprint);
        }

        List<CorpusGenerator.Generated> generate(int count) {
            List<CorpusGenerator.Generated> corpus = BenchArticles.generate(bases, count, shares(), days, seed);
            System.out.println("# corpus (seed " + seed + "): " + CorpusGenerator.Summary.of(corpus).describe());
            return corpus;
        }
    }

    /** {@code parley bench corpus}: the generated corpus as JSON Lines, ready for {@code parley replay}. */
    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Write a generated corpus (JSON Lines) with known shares of copies and reprints.")
    static final class Corpus implements Callable<Integer> {
        @Option(names = "--count", description = "Number of articles (default ${DEFAULT-VALUE}).")
        int count = 10_000;

        @Option(names = "--out", required = true, description = "Output file (.jsonl).")
        Path out;

        @CommandLine.Mixin
        CorpusOptions corpus;

        @Override
        public Integer call() throws IOException {
            List<CorpusGenerator.Generated> generated = corpus.generate(count);
            try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (CorpusGenerator.Generated g : generated) {
                    writer.write(g.toJsonLine());
                    writer.newLine();
                }
            }
            System.out.println("RESULT corpus written to " + out + ": "
                    + CorpusGenerator.Summary.of(generated).describe());
            return 0;
        }
    }

    /** {@code parley bench pipeline}: full pipeline vs a pass-through topology, same broker, same records. */
    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "End-to-end articles/s of the full pipeline against a pass-through topology.")
    static final class Pipeline implements Callable<Integer> {
        @Option(names = "--articles", description = "Number of articles (default ${DEFAULT-VALUE}).")
        int articles = 2000;

        @Option(names = "--repetitions", description = "Repetitions (default ${DEFAULT-VALUE}).")
        int repetitions = 3;

        @Option(names = "--set", split = ",", description = "Parley settings, e.g. parley.commit.interval.ms=100.")
        Map<String, String> settings = Map.of();

        @Option(names = "--keep", description = "Keep the temporary data directory.")
        boolean keep;

        @CommandLine.Mixin
        CorpusOptions corpus;

        @Override
        public Integer call() throws Exception {
            List<Article> input = BenchArticles.ingested(corpus.generate(articles));
            try (BenchEnvironment env = BenchEnvironment.start(settings, keep)) {
                System.out.printf(Locale.ROOT, "# parley bench pipeline: %d articles, %d repetitions, %s, commit "
                                + "interval %s ms, %d partition(s), load average %.2f%n", input.size(), repetitions,
                        env.config().getString(ParleyConfig.PROCESSING_GUARANTEE),
                        env.config().require(ParleyConfig.COMMIT_INTERVAL_MS), env.config().getInt(ParleyConfig.TOPIC_PARTITIONS),
                        Machine.loadAverage());
                PipelineBench.Report report = PipelineBench.run(env, input, repetitions, ParleyNode::stages,
                        System.out);
                report.print(System.out);
                if (keep) {
                    System.out.println("data kept in " + env.dataDir());
                }
            }
            return 0;
        }
    }

    /** {@code parley bench scaling}: per-article dedup cost with a small and a large RocksDB index. */
    @Command(name = "scaling", mixinStandardHelpOptions = true,
            description = "Per-article dedup cost with a small and a large index (bulk-loaded, RocksDB), and memory.")
    static final class Scaling implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", description = "Indexed articles (default ${DEFAULT-VALUE}).")
        List<Integer> sizes = List.of(10_000, 1_000_000);

        @Option(names = "--probes", description = "Articles timed per size, after as many warm-up ones "
                + "(default ${DEFAULT-VALUE}).")
        int probes = 1000;

        @Option(names = "--dir", description = "Where the RocksDB index goes (default: a temporary directory).")
        Path dir;

        @CommandLine.Mixin
        CorpusOptions corpus;

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("parley-bench-scaling-");
            try {
                System.out.printf(Locale.ROOT, "# parley bench scaling: sizes %s, %d probes, max heap %s, load "
                                + "average %.2f%n", sizes, probes, Machine.mib(Runtime.getRuntime().maxMemory()),
                        Machine.loadAverage());
                ScalingBench bench = new ScalingBench(new CorpusGenerator(BenchArticles.bases(corpus.bases)));
                bench.run(sizes, probes, corpus.seed, work, System.out).print(System.out);
            } finally {
                if (dir == null) {
                    BenchEnvironment.deleteRecursively(work);
                }
            }
            return 0;
        }
    }

    /** {@code parley bench latency}: produce → visible through the API at a steady rate, exactly-once. */
    @Command(name = "latency", mixinStandardHelpOptions = true,
            description = "Produce-to-API latency (p50/p99/max) at a steady rate on a whole node.")
    static final class Latency implements Callable<Integer> {
        @Option(names = "--rate", description = "Articles per second (default ${DEFAULT-VALUE}).")
        double rate = 100;

        @Option(names = "--seconds", description = "Measured seconds, after the warm-up (default ${DEFAULT-VALUE}).")
        int seconds = 30;

        @Option(names = "--warm-up-seconds", description = "Seconds not measured at the start "
                + "(default ${DEFAULT-VALUE}).")
        int warmUpSeconds = 5;

        @Option(names = "--set", split = ",", description = "Parley settings, e.g. parley.commit.interval.ms=100.")
        Map<String, String> settings = Map.of();

        @Option(names = "--keep", description = "Keep the temporary data directory.")
        boolean keep;

        @CommandLine.Mixin
        CorpusOptions corpus;

        @Override
        public Integer call() throws Exception {
            int warmUp = (int) Math.round(rate * warmUpSeconds);
            int total = warmUp + (int) Math.round(rate * seconds);
            List<Article> input = BenchArticles.ingested(corpus.generate(total));
            System.out.printf(Locale.ROOT, "# parley bench latency: %.0f articles/s for %d s after %d s warm-up, "
                    + "load average %.2f%n", rate, seconds, warmUpSeconds, Machine.loadAverage());
            LatencyBench.run(input, warmUp, rate, settings, keep, System.out).print(System.out);
            return 0;
        }
    }


    /** {@code parley bench nlp}: pipeline load time, heap and parse time per sentence for each language. */
    @Command(name = "nlp", mixinStandardHelpOptions = true,
            description = "CoreNLP pipeline load time, heap after load and parse time per sentence (mean, p99).")
    static final class Nlp implements Callable<Integer> {
        @Option(names = "--languages", split = ",", description = "Languages, loaded in this order "
                + "(default ${DEFAULT-VALUE}).")
        List<String> languages = List.of("es", "en");

        @Option(names = "--repetitions", description = "Timed passes over the sentences (default ${DEFAULT-VALUE}).")
        int repetitions = 3;

        @Override
        public Integer call() {
            System.out.printf(Locale.ROOT, "# parley bench nlp: %s, %d repetitions, max heap %s, %d processors, "
                            + "load average %.2f%n", languages, repetitions, Machine.mib(Runtime.getRuntime().maxMemory()),
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
            NlpBench.run(new CoreNlpSentenceParser(), languages, repetitions, System.out);
            return 0;
        }
    }

    /**
     * The dedup stage alone, with the configured processing guarantee (exactly-once by default): articles/s from
     * the first record produced until a decision for every article is committed on {@code parley.dedup.decisions},
     * and the stage's RocksDB bytes per article.
     */
    @Command(name = "dedup", mixinStandardHelpOptions = true,
            description = "Articles/s of the dedup stage and its state size per article.")
    static final class Dedup implements Callable<Integer> {

        @Option(names = "--articles", description = "Number of articles (default ${DEFAULT-VALUE}).")
        int articles = 2000;

        @Option(names = "--seed", description = "Random seed of the generated corpus (default ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--copy-share", description = "Share of articles that are edited copies of an earlier "
                + "story (default ${DEFAULT-VALUE}).")
        double copyShare = 0.3;

        @Option(names = "--days", description = "Days of event time the stories spread over (default ${DEFAULT-VALUE}).")
        int days = 20;

        @Option(names = "--bases", split = ",", description = "Folders of real text to start from "
                + "(default: ../shared/seeds and samples).")
        List<Path> bases = List.of(Path.of("../shared/seeds"), Path.of("samples"));

        @Option(names = "--max-words", description = "Cut every article to its leading paragraphs, at most this many "
                + "words (at least one paragraph; default ${DEFAULT-VALUE}: whole articles).")
        int maxWords = 0;

        @Option(names = "--shared-dateline", description = "Open every article with the same 19-word wire dateline "
                + "and agency credit (syndicated boilerplate; with --copy-share 0 --max-words 120: issue 13's case).")
        boolean sharedDateline;

        @Option(names = "--keep", description = "Keep the temporary data directory.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            Path dataDir = Files.createTempDirectory("parley-bench-");
            try {
                return bench(dataDir);
            } finally {
                if (!keep) {
                    deleteRecursively(dataDir);
                } else {
                    System.out.println("data kept in " + dataDir);
                }
            }
        }

        private int bench(Path dataDir) throws Exception {
            ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.DATA_DIR, dataDir.toString()));
            ArticleReader reader = new ArticleReader(ParleyNode.limits(config), Clock.systemUTC());
            List<Article> corpus = corpus(reader);
            System.out.printf(Locale.ROOT, "# parley bench dedup: %d articles (seed %d, copy share %.2f, %d days, "
                    + "max words %d, shared dateline %s), %s, %d partition(s) on the raw log, %d processors, load "
                    + "average %.2f%n", corpus.size(), seed, copyShare, days, maxWords, sharedDateline,
                    config.getString(ParleyConfig.PROCESSING_GUARANTEE), config.getInt(ParleyConfig.TOPIC_PARTITIONS),
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage());

            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", 0,
                    Map.of(), config.getInt(ParleyConfig.KAFKA_TRANSACTION_VERSION))) {
                config = config.with(Map.of(ParleyConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
                try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(ParleyTopics.REGISTRY_SCHEMAS,
                        config.clientConfig(), "127.0.0.1", 0)) {
                    config = config.with(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, registry.url()));
                    try (Admin admin = Admin.create(config.clientConfig())) {
                        ParleyTopics.ensure(admin, config.getInt(ParleyConfig.TOPIC_PARTITIONS),
                                (short) config.getInt(ParleyConfig.TOPIC_REPLICATION_FACTOR));
                    }
                    return measure(config, corpus, dataDir);
                }
            }
        }

        private int measure(ParleyConfig config, List<Article> corpus, Path dataDir) throws Exception {
            StreamStage dedup = ParleyNode.stages(config).stream()
                    .filter(s -> s.name().equals(DedupTopology.STAGE)).findFirst().orElseThrow();
            StreamsRuntime streams = StreamsRuntime.start(config, List.of(dedup), null);
            try {
                if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                    System.out.println("the dedup stage did not reach RUNNING");
                    return 1;
                }
                Set<String> waiting = new HashSet<>();
                corpus.forEach(a -> waiting.add(a.getId()));
                Map<String, Integer> kinds = new TreeMap<>();
                long start;
                long produced;
                try (ArticlePublisher publisher = new ArticlePublisher(config.clientConfig(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                     KafkaConsumer<String, DedupDecision> decisions = decisionConsumer(config)) {
                    decisions.subscribe(List.of(ParleyTopics.DEDUP_DECISIONS));
                    decisions.poll(Duration.ofMillis(500));
                    start = System.nanoTime();
                    for (Article a : corpus) {
                        publisher.publish(new IngestOutcome.Accepted(a));
                    }
                    ArticlePublisher.Summary summary = publisher.flush(Duration.ofMinutes(2));
                    produced = System.nanoTime();
                    if (summary.failed() > 0) {
                        System.out.println("producing failed for " + summary.failed() + " articles");
                        return 1;
                    }
                    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                    long lastReport = System.nanoTime();
                    while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, DedupDecision> r : decisions.poll(Duration.ofMillis(200))) {
                            DedupDecision d = r.value();
                            if (d.getEvent() == DecisionEvent.DECIDED && waiting.remove(d.getArticleId())) {
                                kinds.merge(d.getKind().name() + " " + d.getMethod(), 1, Integer::sum);
                            }
                        }
                        if (System.nanoTime() - lastReport > 10_000_000_000L) {
                            lastReport = System.nanoTime();
                            System.out.printf(Locale.ROOT, "  ... %d/%d decided after %.0f s%n",
                                    corpus.size() - waiting.size(), corpus.size(), (lastReport - start) / 1e9);
                        }
                    }
                }
                long done = System.nanoTime();
                int decided = corpus.size() - waiting.size();
                double seconds = (done - start) / 1e9;
                System.out.printf(Locale.ROOT, "produced in %.2f s; decided %d/%d in %.2f s: %.1f articles/s%n",
                        (produced - start) / 1e9, decided, corpus.size(), seconds, decided / seconds);
                System.out.println("first decisions by kind and method: " + kinds);
                System.out.printf(Locale.ROOT, "records on %s: %d (tombstones included)%n", ParleyTopics.STATEMENTS,
                        countRecords(config, ParleyTopics.STATEMENTS));

                streams.close();
                Path stateDir = dataDir.resolve("streams").resolve(config.getString(ParleyConfig.APPLICATION_ID) + "."
                        + DedupTopology.STAGE);
                long stateBytes = bytesUnder(stateDir, p -> true);
                long changelogBytes = bytesUnder(dataDir.resolve("kafka"),
                        p -> p.toString().contains("-changelog-") && p.toString().endsWith(".log"));
                System.out.printf(Locale.ROOT, "state: RocksDB %.1f MB = %.0f bytes/article (after close, flushed); "
                                + "changelog topics %.1f MB = %.0f bytes/article (uncompacted)%n",
                        stateBytes / 1e6, (double) stateBytes / corpus.size(), changelogBytes / 1e6,
                        (double) changelogBytes / corpus.size());
                return waiting.isEmpty() ? 0 : 1;
            } finally {
                streams.close();
            }
        }

        private List<Article> corpus(ArticleReader reader) {
            List<String> texts = new ArrayList<>();
            reader.readPaths(bases, outcome -> {
                if (outcome instanceof IngestOutcome.Accepted accepted) {
                    texts.add(accepted.article().getBody());
                }
            });
            List<BenchCorpus.Item> items = BenchCorpus.small(BenchCorpus.generate(texts, articles, copyShare,
                    Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(days), seed), maxWords,
                    sharedDateline ? BenchCorpus.SHARED_DATELINE : null);
            List<Article> corpus = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                BenchCorpus.Item item = items.get(i);
                // The header names the language, so ingest does not run detection on pseudo-words.
                String file = "---\ntitle: " + item.title() + "\noutlet: bench " + (i % 50) + "\nlanguage: es\ndate: "
                        + item.publishedAt() + "\n---\n" + item.body();
                for (IngestOutcome o : reader.readBytes(String.format(Locale.ROOT, "bench/%06d.txt", i),
                        file.getBytes(StandardCharsets.UTF_8), SourceFormat.TEXT)) {
                    if (o instanceof IngestOutcome.Accepted accepted) {
                        corpus.add(accepted.article());
                    }
                }
            }
            return corpus;
        }

        private static KafkaConsumer<String, DedupDecision> decisionConsumer(ParleyConfig config) {
            Map<String, Object> clientConfig = config.clientConfig();
            Deserializer<String> keys = AvroSerdes.key(String.class, clientConfig).deserializer();
            Deserializer<DedupDecision> values = AvroSerdes.value(DedupDecision.class, clientConfig).deserializer();
            Map<String, Object> consumer = new TreeMap<>(clientConfig);
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "parley-bench-" + System.nanoTime());
            consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            return new KafkaConsumer<>(consumer, keys, values);
        }

        /** Committed records on a topic, read from the beginning to the end offsets of the moment. */
        private static long countRecords(ParleyConfig config, String topic) {
            Map<String, Object> consumer = new TreeMap<>(config.clientConfig());
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "parley-bench-count-" + System.nanoTime());
            consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions);
                long count = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                    count += c.poll(Duration.ofMillis(500)).count();
                }
                return count;
            }
        }

        private static long bytesUnder(Path dir, java.util.function.Predicate<Path> wanted) throws IOException {
            if (!Files.isDirectory(dir)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).filter(wanted).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
