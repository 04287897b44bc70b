package dev.parley.bench;

import dev.parley.avro.Article;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.IngestOutcome;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.registry.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One embedded broker and schema registry in a temporary directory, shared by every measurement of a run, with
 * Parley's topics. {@link #freshTopics} deletes and recreates them so repetitions start from nothing.
 */
public final class BenchEnvironment implements AutoCloseable {

    private final Path dataDir;
    private final boolean keep;
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedSchemaRegistry registry;
    private final ParleyConfig config;

    private BenchEnvironment(Path dataDir, boolean keep, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
                             ParleyConfig config) {
        this.dataDir = dataDir;
        this.keep = keep;
        this.broker = broker;
        this.registry = registry;
        this.config = config;
    }

    /** Starts a broker and registry; {@code overrides} are Parley settings (e.g. the commit interval). */
    public static BenchEnvironment start(Map<String, String> overrides, boolean keep) throws IOException {
        Path dataDir = Files.createTempDirectory("parley-bench-");
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.DATA_DIR, dataDir.toString())).with(overrides);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), "127.0.0.1", 0, Map.of(),
                config.getInt(ParleyConfig.KAFKA_TRANSACTION_VERSION));
        config = config.with(Map.of(ParleyConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
        EmbeddedSchemaRegistry registry;
        try {
            registry = EmbeddedSchemaRegistry.start(ParleyTopics.REGISTRY_SCHEMAS, config.clientConfig(), "127.0.0.1", 0);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        config = config.with(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, registry.url()));
        return new BenchEnvironment(dataDir, keep, broker, registry, config);
    }

    public ParleyConfig config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Admin admin() {
        return Admin.create(config.clientConfig());
    }

    /** Deletes every topic but the registry's and Kafka's own, then creates Parley's topics and {@code extra}. */
    public void freshTopics(List<String> extra) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Set<String> doomed = admin.listTopics().names().get().stream()
                    .filter(t -> !t.equals(ParleyTopics.REGISTRY_SCHEMAS) && !t.startsWith("__"))
                    .collect(Collectors.toSet());
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (admin.listTopics().names().get().stream().anyMatch(doomed::contains)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics not deleted within 60 s");
                    }
                    Thread.sleep(100);
                }
            }
            int partitions = config.getInt(ParleyConfig.TOPIC_PARTITIONS);
            short replication = (short) config.getInt(ParleyConfig.TOPIC_REPLICATION_FACTOR);
            // Deleted topics may linger in the controller a moment: retry creation until it is accepted.
            for (int attempt = 0; ; attempt++) {
                try {
                    ParleyTopics.ensure(admin, partitions, replication);
                    Set<String> existing = admin.listTopics().names().get();
                    List<NewTopic> missing = extra.stream().filter(t -> !existing.contains(t))
                            .map(t -> new NewTopic(t, partitions, replication)).toList();
                    if (!missing.isEmpty()) {
                        admin.createTopics(missing).all().get();
                    }
                    awaitLeaders(admin);
                    return;
                } catch (RuntimeException | ExecutionException e) {
                    if (attempt >= 50) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    /**
     * Waits until every partition has a leader, then a moment more: producing at once to topics recreated under
     * the same names sometimes stalled until the delivery timeout (records expired unsent, two minutes lost).
     */
    private static void awaitLeaders(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (admin.describeTopics(topics).allTopicNames().get().values().stream()
                .anyMatch(d -> d.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions without a leader after 60 s");
            }
            Thread.sleep(100);
        }
        Thread.sleep(2000);
    }

    /** Produces the articles on the raw topic (as {@code parley ingest} does) and waits for the acknowledgements. */
    public void produce(List<Article> articles) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientConfig(),
                new PrintStream(errors, true, StandardCharsets.UTF_8))) {
            for (Article a : articles) {
                publisher.publish(new IngestOutcome.Accepted(a));
            }
            ArticlePublisher.Summary summary = publisher.flush(Duration.ofMinutes(5));
            if (summary.failed() > 0) {
                throw new IllegalStateException("producing failed for " + summary.failed() + " articles: "
                        + errors.toString(StandardCharsets.UTF_8).lines().limit(3).toList());
            }
        }
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
            if (!keep) {
                deleteRecursively(dataDir);
            }
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
