package dev.parley.kafka;

import dev.parley.config.ParleyConfig;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Parley's stream stages, one {@link KafkaStreams} per stage with application id
 * {@code <parley.application.id>.<stage>} (so its internal topics, too, start with {@code parley.}), all in this process. Ready when every stage is RUNNING.
 */
public final class StreamsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);

    private final Map<String, KafkaStreams> streamsByStage = new LinkedHashMap<>();
    private final Map<String, List<String>> storesByStage = new LinkedHashMap<>();
    private final List<KafkaStreamsMetrics> metricBinders = new ArrayList<>();

    private StreamsRuntime() {
    }

    public static StreamsRuntime start(ParleyConfig config, List<StreamStage> stages, String applicationServer) {
        StreamsRuntime runtime = new StreamsRuntime();
        for (StreamStage stage : stages) {
            KafkaStreams streams = new KafkaStreams(stage.topology(),
                    properties(config, stage.name(), applicationServer, stage.topology()));
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("Stage {} failed; replacing its stream thread", stage.name(), e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            streams.setStateListener((now, before) -> LOG.info("Stage {}: {} -> {}", stage.name(), before, now));
            runtime.streamsByStage.put(stage.name(), streams);
            runtime.storesByStage.put(stage.name(), storeNames(stage.topology()));
            streams.start();
        }
        return runtime;
    }

    /**
     * As {@link #properties(ParleyConfig, String, String)}, also telling the processing-exception handler which of
     * the topology's processors hold state (see {@link DeadLetterExceptionHandlers.Processing}).
     */
    public static Properties properties(ParleyConfig config, String stage, String applicationServer,
                                        Topology topology) {
        Properties props = properties(config, stage, applicationServer);
        props.put(DeadLetterExceptionHandlers.STATEFUL_PROCESSORS_CONFIG,
                String.join(",", statefulProcessors(topology)));
        return props;
    }

    static Properties properties(ParleyConfig config, String stage, String applicationServer) {
        Properties props = new Properties();
        props.putAll(config.clientConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(ParleyConfig.APPLICATION_ID) + "." + stage);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.getString(ParleyConfig.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(ParleyConfig.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(ParleyConfig.NUM_STREAM_THREADS));
        // After a crash (kill -9) the dead instance's tasks stay assigned until its session times out: Kafka's 45 s
        // default is most of the recovery time, so stages use a shorter one.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                config.getInt(ParleyConfig.STREAMS_SESSION_TIMEOUT_MS));
        // Streams' 10 s default is shorter than extracting one long article on a loaded machine (p99 above 10 s):
        // the broker then aborts the transaction and fences the stage (InvalidProducerEpochException at ERROR).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                config.getInt(ParleyConfig.STREAMS_TRANSACTION_TIMEOUT_MS));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(ParleyConfig.TOPIC_REPLICATION_FACTOR));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.dataDir().resolve("streams").toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Deserialization.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Processing.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }

    /** Names of the processor nodes that use a state store. */
    static List<String> statefulProcessors(Topology topology) {
        Set<String> names = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor && !processor.stores().isEmpty()) {
                    names.add(processor.name());
                }
            }
        }
        return List.copyOf(names);
    }

    static List<String> storeNames(Topology topology) {
        Set<String> names = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    names.addAll(processor.stores());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Binds every stage's Kafka Streams metrics (Micrometer's binder), tagged with the stage name. */
    public void bindMetrics(MeterRegistry registry) {
        streamsByStage.forEach((name, streams) -> {
            KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams, Tags.of("stage", name));
            binder.bindTo(registry);
            metricBinders.add(binder);
        });
    }

    /** Per stage: null when RUNNING with every state store queryable, else what is missing. */
    public Map<String, String> readiness() {
        Map<String, String> problems = new LinkedHashMap<>();
        streamsByStage.forEach((name, streams) -> {
            KafkaStreams.State state = streams.state();
            if (state != KafkaStreams.State.RUNNING) {
                problems.put(name, state.name());
                return;
            }
            for (String store : storesByStage.get(name)) {
                try {
                    streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
                            .approximateNumEntries();
                } catch (InvalidStateStoreException e) {
                    try {
                        // A versioned store has no interactive-query (IQv1) type: it only has to be open here.
                        streams.store(StoreQueryParameters.fromNameAndType(store, new OpenStores()));
                    } catch (InvalidStateStoreException notOpen) {
                        problems.put(name, "store " + store + " not queryable: " + e.getMessage());
                        return;
                    }
                }
            }
            problems.put(name, null);
        });
        return problems;
    }

    /** Ready: at least one stage, and every stage RUNNING with its stores queryable. */
    public boolean ready() {
        Map<String, String> readiness = readiness();
        return !readiness.isEmpty() && readiness.values().stream().allMatch(java.util.Objects::isNull);
    }

    public boolean allRunning() {
        return !streamsByStage.isEmpty()
                && streamsByStage.values().stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    public Map<String, KafkaStreams.State> states() {
        Map<String, KafkaStreams.State> states = new LinkedHashMap<>();
        streamsByStage.forEach((name, streams) -> states.put(name, streams.state()));
        return states;
    }

    public KafkaStreams stage(String name) {
        KafkaStreams streams = streamsByStage.get(name);
        if (streams == null) {
            throw new IllegalArgumentException("No stage " + name);
        }
        return streams;
    }

    public <T> T store(String stage, String storeName, QueryableStoreType<T> type) {
        return stage(stage).store(StoreQueryParameters.fromNameAndType(storeName, type));
    }

    /** Waits until every stage is RUNNING; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allRunning()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public void close() {
        metricBinders.forEach(KafkaStreamsMetrics::close);
        streamsByStage.forEach((name, streams) -> {
            // Leaving the group lets a restarted instance take its tasks at once instead of after the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            LOG.info("Stage {} closed", name);
        });
    }

    /**
     * Any state store, whatever its type: the provider throws {@link InvalidStateStoreException} unless every
     * local copy is open and queryable, which is all readiness needs to know.
     */
    private static final class OpenStores implements org.apache.kafka.streams.state.QueryableStoreType<List<Object>> {
        @Override
        public boolean accepts(org.apache.kafka.streams.processor.StateStore stateStore) {
            return true;
        }

        @Override
        public List<Object> create(org.apache.kafka.streams.state.internals.StateStoreProvider provider, String storeName) {
            return provider.stores(storeName, new org.apache.kafka.streams.state.QueryableStoreType<Object>() {
                @Override
                public boolean accepts(org.apache.kafka.streams.processor.StateStore stateStore) {
                    return true;
                }

                @Override
                public Object create(org.apache.kafka.streams.state.internals.StateStoreProvider p, String n) {
                    throw new UnsupportedOperationException();
                }
            });
        }
    }
}
