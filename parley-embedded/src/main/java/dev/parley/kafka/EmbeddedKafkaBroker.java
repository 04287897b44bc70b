package dev.parley.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.TransactionVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (combined KRaft broker and controller) running in this JVM, from Apache Kafka's own
 * server code. Its log lives under {@code logDir}: the first start formats the storage, later starts reuse it, so
 * topics and records survive restarts. Replication factors are 1: this is the single-machine default, not a cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /** Like {@link #start(Path, String, int, Map, int)} with transactions v1, the quiet default. */
    public static EmbeddedKafkaBroker start(Path logDir, String host, int port, Map<String, String> overrides) {
        return start(logDir, host, port, overrides, TransactionVersion.TV_1.featureLevel());
    }

    /**
     * Formats {@code logDir} if it is new (with {@code transaction.version} = {@code transactionVersion}), starts the
     * broker on {@code host:port} (0 picks a free port) and waits until it answers a metadata request. A storage
     * formatted before keeps its own transaction version.
     */
    public static EmbeddedKafkaBroker start(Path logDir, String host, int port, Map<String, String> overrides,
                                            int transactionVersion) {
        Instant started = Instant.now();
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log directory " + logDir, e);
        }
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("message.max.bytes", String.valueOf(8 * 1024 * 1024));
        // The controller logs an ERROR for any event slower than this (Kafka's default 2 s). In this JVM it shares the
        // cores with the stages' text analysis, so a busy machine makes 2 s events without anything being wrong.
        props.put("controller.performance.always.log.threshold.ms", "30000");
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        formatIfNew(logDir, TransactionVersion.fromFeatureLevel((short) transactionVersion));
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, brokerPort, logDir);
        broker.awaitReady(Duration.ofSeconds(60));
        LOG.info("Embedded Kafka broker on {} (log {}), up in {} ms", broker.bootstrapServers(), logDir,
                Duration.between(started, Instant.now()).toMillis());
        return broker;
    }

    private static void formatIfNew(Path logDir, TransactionVersion transactionVersion) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try {
            new Formatter()
                    .setPrintStream(quiet)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    // Transactions v1 by default: under v2 (KIP-890) a producer with no state on a partition may
                    // only append sequence 0, so a second in-flight batch to a fresh partition (the stages'
                    // changelogs and outputs on a first start) is refused, retriably, and logged as an ERROR by
                    // ReplicaManager (KAFKA-18202, apache/kafka#19902). README "A quiet start" has the figures.
                    .setFeatureLevel(TransactionVersion.FEATURE_NAME, transactionVersion.featureLevel())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Embedded Kafka broker did not become ready in " + timeout, e);
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the embedded broker", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka broker stopped");
    }
}
