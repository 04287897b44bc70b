package dev.parley.cli;

import dev.parley.api.ApiServer;
import dev.parley.api.IngestToken;
import dev.parley.api.StatusPage;
import dev.parley.api.ViewsApi;
import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.engagement.stream.EngagementTopology;
import dev.parley.engagement.stream.RulesVersion;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.Gazetteer;
import java.nio.file.Path;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.UniqueArticle;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.stream.DedupTopology;
import dev.parley.config.ConfigException;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.ingest.LanguageGuesser;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.PipelineTap;
import dev.parley.ops.ParleyMetrics;
import dev.parley.kafka.StreamStage;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroSerdes;
import dev.parley.registry.EmbeddedSchemaRegistry;
import dev.parley.views.stream.ArticleCatalogTopology;
import dev.parley.views.stream.ReadSide;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Parley instance: the embedded broker and registry when none is configured, Parley's topics, the
 * stream stages, and the HTTP API. Closing stops them in reverse order, the embedded broker last.
 */
public final class ParleyNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParleyNode.class);
    static final String INTERNAL_SECRET = ParleyConfig.HTTP_INTERNAL_SECRET;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> whereIsWhat = new LinkedHashMap<>();
    private ParleyConfig config;
    private StreamsRuntime streams;
    private ArticlePublisher publisher;
    private ArticleReader reader;
    private ApiServer api;
    private ParleyMetrics metrics;
    private Duration startupTime;
    private String ingestToken;

    private ParleyNode(ParleyConfig config) {
        this.config = config;
    }

    public static ParleyNode start(ParleyConfig config, PrintStream errors) {
        ParleyNode node = new ParleyNode(config);
        try {
            node.startAll(errors);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void startAll(PrintStream errors) {
        Instant begin = Instant.now();
        LOG.info("Configuration (secrets masked):\n{}", config);
        config.unknownKeys().forEach(key -> LOG.warn("Unknown setting {} (no such parley.* key; a typo?)", key));
        // Before anything starts (and before an embedded broker makes the cluster look external).
        String internalSecret = internalSecret(config, config.getString(ParleyConfig.HTTP_HOST));
        // The language models take seconds to load: load them while Kafka starts, not on the first article.
        Thread warmUp = new Thread(() -> LanguageGuesser.shared().warmUp(), "parley-language-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        if (config.embeddedKafka()) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), "127.0.0.1",
                    config.getInt(ParleyConfig.KAFKA_PORT), Map.of(), config.getInt(ParleyConfig.KAFKA_TRANSACTION_VERSION));
            started.add(broker);
            config = config.with(Map.of(ParleyConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
            whereIsWhat.put("Kafka broker", broker.bootstrapServers() + " (embedded KRaft, log " + broker.logDir() + ")");
        } else {
            whereIsWhat.put("Kafka broker", config.require(ParleyConfig.BOOTSTRAP_SERVERS) + " (external)");
        }
        if (config.embeddedRegistry()) {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(ParleyTopics.REGISTRY_SCHEMAS,
                    config.clientConfig(), "127.0.0.1", config.getInt(ParleyConfig.REGISTRY_PORT));
            started.add(registry);
            config = config.with(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, registry.url()));
            whereIsWhat.put("Schema registry", registry.url() + " (embedded, schemas in " + ParleyTopics.REGISTRY_SCHEMAS + ")");
        } else {
            whereIsWhat.put("Schema registry", config.require(ParleyConfig.SCHEMA_REGISTRY_URL) + " (external)");
        }

        try (Admin admin = Admin.create(config.clientConfig())) {
            ParleyTopics.ensure(admin, config.getInt(ParleyConfig.TOPIC_PARTITIONS),
                    (short) config.getInt(ParleyConfig.TOPIC_REPLICATION_FACTOR));
        }

        String httpHost = config.getString(ParleyConfig.HTTP_HOST);
        int httpPort = config.getInt(ParleyConfig.HTTP_PORT) == 0 ? freePort() : config.getInt(ParleyConfig.HTTP_PORT);
        metrics = new ParleyMetrics();
        started.add(metrics);
        String applicationServer = advertisedHost(httpHost) + ":" + httpPort;
        streams = StreamsRuntime.start(config, stages(config), applicationServer);
        started.add(streams);
        streams.bindMetrics(metrics.registry());
        started.add(PipelineTap.start(config.clientConfig(), metrics));
        String applicationId = config.getString(ParleyConfig.APPLICATION_ID);
        ReadSide readSide = ReadSide.start(config.clientConfig(), streams, applicationServer,
                stage -> applicationId + "." + stage, internalSecret);
        started.add(readSide);

        publisher = new ArticlePublisher(config.clientConfig(), errors);
        started.add(publisher);
        reader = new ArticleReader(limits(config), Clock.systemUTC());

        List<String> topicLines = ParleyTopics.all().stream().map(t -> t.name() + " — " + t.purpose()).toList();
        ApiServer.Settings http = new ApiServer.Settings(httpHost, httpPort, config.getPassword(ParleyConfig.HTTP_INGEST_TOKEN),
                config.getLong(ParleyConfig.HTTP_MAX_BODY_BYTES), config.getList(ParleyConfig.HTTP_ALLOWED_HOSTS));
        if (http.ingestToken().isEmpty() && http.loopbackOnly()) {
            // No configured token on the embedded default: writes are closed to anyone who cannot read the data dir.
            ingestToken = IngestToken.perStart(config.dataDir());
            http = new ApiServer.Settings(httpHost, httpPort, Optional.of(ingestToken), http.maxBodyBytes(),
                    http.allowedHosts());
            whereIsWhat.put("Ingest token", IngestToken.file(config.dataDir()).toAbsolutePath()
                    + " (new each start; send it as Authorization: Bearer …)");
        } else {
            ingestToken = http.ingestToken().orElse(null);
        }
        api = new ApiServer(http, streams, reader, publisher,
                new StatusPage(whereIsWhat, topicLines), new ViewsApi(readSide.router(), readSide.feed(), internalSecret), metrics).start();
        started.add(api);
        whereIsWhat.put("HTTP API", "http://" + httpHost + ":" + api.port()
                + " (dashboard /, status /status, readiness /health/ready, API /openapi.json, /metrics)");
        whereIsWhat.put("Data directory", config.dataDir().toAbsolutePath().toString());
        startupTime = Duration.between(begin, Instant.now());
    }

    public static List<StreamStage> stages(ParleyConfig config) {
        Map<String, Object> clientConfig = config.clientConfig();
        Serde<String> keys = AvroSerdes.key(String.class, clientConfig);
        Serde<Article> articles = AvroSerdes.value(Article.class, clientConfig);
        DedupTopology dedup = new DedupTopology(dedupConfig(config),
                Duration.ofDays(config.getLong(ParleyConfig.DEDUP_LATENESS_DAYS)), keys, articles,
                AvroSerdes.value(UniqueArticle.class, clientConfig), AvroSerdes.value(DedupDecision.class, clientConfig),
                AvroSerdes.value(ReprintedStatement.class, clientConfig));
        List<Path> gazetteerFiles = gazetteerFiles(config);
        EngagementTopology engagement = new EngagementTopology(extractor(gazetteerFiles), RulesVersion.of(gazetteerFiles),
                Duration.ofMillis(config.getLong(ParleyConfig.ENGAGEMENT_MERGE_INTERVAL_MS)), keys,
                AvroSerdes.value(UniqueArticle.class, clientConfig), AvroSerdes.value(EngagementEvent.class, clientConfig),
                AvroSerdes.value(EngagementCommitment.class, clientConfig),
                AvroSerdes.value(ReprintedStatement.class, clientConfig));
        return List.of(
                new StreamStage(ArticleCatalogTopology.STAGE, new ArticleCatalogTopology(keys, articles).buildTopology()),
                new StreamStage(DedupTopology.STAGE, dedup.buildTopology()),
                new StreamStage(EngagementTopology.STAGE, engagement.buildTopology()),
                ReadSide.stage(clientConfig, Duration.ofDays(config.getLong(ParleyConfig.VIEWS_DYAD_HISTORY_DAYS))));
    }

    /** The shipped rules, with the gazetteer extended by the user's files (parley.extract.gazetteer.files). */
    public static ArticleExtractor extractor(List<Path> extra) {
        if (extra.isEmpty()) {
            return ArticleExtractor.withDefaults();
        }
        return ArticleExtractor.withTextActors(Gazetteer.load(extra));
    }

    static List<Path> gazetteerFiles(ParleyConfig config) {
        return config.getList(ParleyConfig.EXTRACT_GAZETTEER_FILES).stream().map(Path::of).toList();
    }

    static DedupConfig dedupConfig(ParleyConfig config) {
        return DedupConfig.defaults()
                .withJaccardThreshold(config.getDouble(ParleyConfig.DEDUP_JACCARD_THRESHOLD))
                .withContainmentThreshold(config.getDouble(ParleyConfig.DEDUP_CONTAINMENT_THRESHOLD))
                .withHorizon(Duration.ofDays(config.getLong(ParleyConfig.DEDUP_HORIZON_DAYS)))
                .withCommonPhrases(config.getInt(ParleyConfig.DEDUP_COMMON_PHRASE_ARTICLES),
                        config.getInt(ParleyConfig.DEDUP_BOILERPLATE_MAX_WORDS))
                .withMaxPassagePartners(config.getInt(ParleyConfig.DEDUP_MAX_PASSAGE_PARTNERS));
    }

    public static IngestLimits limits(ParleyConfig config) {
        return new IngestLimits(config.getInt(ParleyConfig.INGEST_MAX_ARTICLE_BYTES),
                config.getInt(ParleyConfig.INGEST_MAX_DEADLETTER_BYTES), config.getLong(ParleyConfig.INGEST_MAX_FILE_BYTES),
                config.getDate(ParleyConfig.INGEST_EARLIEST_DATE));
    }

    /**
     * The secret instances prove themselves with on internal reads. Required where other instances may exist (an
     * external cluster) or others can connect (a non-loopback bind); otherwise a random one no one else knows.
     */
    static String internalSecret(ParleyConfig config, String httpHost) {
        Optional<String> configured = config.getPassword(INTERNAL_SECRET);
        if (configured.isPresent()) {
            return configured.get();
        }
        boolean loopback = new ApiServer.Settings(httpHost, 0, Optional.empty(), 0).loopbackOnly();
        if (!config.embeddedKafka() || !loopback) {
            throw new ConfigException("Set " + INTERNAL_SECRET + " (PARLEY_HTTP_INTERNAL_SECRET), the same on "
                    + "every instance: with " + (loopback ? "an external Kafka cluster other instances may share the "
                    + "stages" : "parley.http.host=" + httpHost + " others can reach") + " and ask the internal endpoints");
        }
        return IngestToken.random();
    }

    private static String advertisedHost(String bindHost) {
        return bindHost.equals("0.0.0.0") ? "localhost" : bindHost;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ParleyConfig config() {
        return config;
    }

    public StreamsRuntime streams() {
        return streams;
    }

    public ArticlePublisher publisher() {
        return publisher;
    }

    public ArticleReader reader() {
        return reader;
    }

    public int httpPort() {
        return api.port();
    }

    /** The bearer token writes need (configured, or this start's); empty when writes are refused. */
    public Optional<String> ingestToken() {
        return Optional.ofNullable(ingestToken);
    }

    public ParleyMetrics metrics() {
        return metrics;
    }

    public Map<String, String> whereIsWhat() {
        return whereIsWhat;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Optional<String> registryUrl() {
        return config.get(ParleyConfig.SCHEMA_REGISTRY_URL);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
                LOG.info("Stopped {}", started.get(i).getClass().getSimpleName());
            } catch (Exception e) {
                LOG.warn("Error stopping {}", started.get(i).getClass().getSimpleName(), e);
            }
        }
        started.clear();
    }
}
