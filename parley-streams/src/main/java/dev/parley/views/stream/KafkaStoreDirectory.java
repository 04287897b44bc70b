package dev.parley.views.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.views.NotQueryableException;
import dev.parley.views.Owner;
import dev.parley.views.Placement;
import dev.parley.views.StoreDirectory;
import dev.parley.views.ViewJson;
import dev.parley.views.ViewStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * The stores as Kafka Streams sees them: ownership from {@link KafkaStreams#queryMetadataForKey}, placements from
 * {@link KafkaStreams#streamsMetadataForStore}, reads pinned to one partition of the local active tasks (never
 * standbys), so a key is read only where it lives.
 */
public final class KafkaStoreDirectory implements StoreDirectory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KafkaStoreDirectory.class);

    private final StreamsRuntime runtime;
    private final HostInfo self;
    private final Map<String, StoreBinding> bindings;
    private final Function<String, String> applicationIdOfStage;
    private final Function<String, Optional<Integer>> partitionCount;

    /**
     * @param self                 this instance's {@code application.server}
     * @param applicationIdOfStage a stage's Kafka Streams application id
     * @param partitionCount       a topic's number of partitions, when known: a list is complete only when every
     *                             partition has an active owner
     */
    public KafkaStoreDirectory(StreamsRuntime runtime, HostInfo self, List<StoreBinding> bindings,
                               Function<String, String> applicationIdOfStage,
                               Function<String, Optional<Integer>> partitionCount) {
        this.runtime = runtime;
        this.self = self;
        this.bindings = bindings.stream().collect(Collectors.toMap(b -> b.store().name(), b -> b));
        this.applicationIdOfStage = applicationIdOfStage;
        this.partitionCount = partitionCount;
    }

    @Override
    public Owner ownerOf(ViewStore store, String key) {
        try {
            KafkaStreams streams = running(store);
            KeyQueryMetadata metadata = streams.queryMetadataForKey(store.name(), key, binding(store).keySerializer());
            if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                return new Owner.Unknown("no owner of this key in " + store.name() + " yet (rebalancing)");
            }
            HostInfo active = metadata.activeHost();
            return active.equals(self) ? new Owner.Local(metadata.partition())
                    : new Owner.Remote(active.host() + ":" + active.port(), metadata.partition());
        } catch (NotQueryableException e) {
            return new Owner.Unknown(e.getMessage());
        } catch (RuntimeException e) {
            return new Owner.Unknown("ownership of " + store.name() + " unknown: " + e.getMessage());
        }
    }

    @Override
    public Optional<JsonNode> getLocal(ViewStore store, String key, int partition) throws NotQueryableException {
        Object value;
        try {
            value = local(store, partition).get(key);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, partition, e);
        }
        return Optional.ofNullable(value).map(v -> ViewJson.tree(binding(store).toJson().apply(v)));
    }

    @Override
    public List<Placement> placements(ViewStore store) throws NotQueryableException {
        KafkaStreams streams = running(store);
        String topic = binding(store).sourceTopic().apply(applicationIdOfStage.apply(store.stage()));
        List<Placement> placements = new ArrayList<>();
        Set<Integer> covered = new TreeSet<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(store.name())) {
            Set<Integer> partitions = new TreeSet<>();
            for (TopicPartition tp : metadata.topicPartitions()) {
                if (tp.topic().equals(topic)) {
                    partitions.add(tp.partition());
                }
            }
            covered.addAll(partitions);
            if (!partitions.isEmpty()) {
                placements.add(new Placement(metadata.hostInfo().host() + ":" + metadata.hostInfo().port(),
                        metadata.hostInfo().equals(self), partitions));
            }
        }
        if (placements.isEmpty()) {
            throw new NotQueryableException("no instance hosts " + store.name() + " yet (rebalancing)");
        }
        Optional<Integer> expected = partitionCount.apply(topic);
        if (expected.isPresent() && covered.size() < expected.get()) {
            Set<Integer> orphans = new TreeSet<>();
            for (int p = 0; p < expected.get(); p++) {
                if (!covered.contains(p)) {
                    orphans.add(p);
                }
            }
            throw new NotQueryableException("partitions " + orphans + " of " + store.name()
                    + " have no active owner yet (rebalancing)");
        }
        return placements;
    }

    @Override
    public List<JsonNode> allLocal(ViewStore store, Set<Integer> partitions) throws NotQueryableException {
        List<JsonNode> values = new ArrayList<>();
        Function<Object, Object> toJson = binding(store).toJson();
        for (int partition : new TreeSet<>(partitions)) {
            try (KeyValueIterator<String, Object> all = local(store, partition).all()) {
                all.forEachRemaining(kv -> {
                    if (kv.value != null) {
                        values.add(ViewJson.tree(toJson.apply(kv.value)));
                    }
                });
            } catch (InvalidStateStoreException e) {
                throw notQueryable(store, partition, e);
            }
        }
        return values;
    }

    @Override
    public List<JsonNode> groupLocal(ViewStore store, String group, int partition) throws NotQueryableException {
        StoreBinding binding = binding(store);
        if (!binding.grouped()) {
            throw new NotQueryableException(store.name() + " is not keyed by group");
        }
        List<JsonNode> values = new ArrayList<>();
        try (KeyValueIterator<String, Object> members = local(store, partition)
                .prefixScan(GroupPartitioner.key(group, ""), new StringSerializer())) {
            members.forEachRemaining(kv -> {
                if (kv.value != null) {
                    values.add(ViewJson.tree(binding.toJson().apply(kv.value)));
                }
            });
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, partition, e);
        }
        return values;
    }

    @Override
    public Optional<JsonNode> getLocalAsOf(ViewStore store, String key, int partition, LocalDate day)
            throws NotQueryableException {
        running(store);
        StoreBinding binding = binding(store);
        if (!binding.versioned()) {
            throw new NotQueryableException(store.name() + " keeps no versions");
        }
        return versionAsOf(store, key, partition, day).map(v -> ViewJson.tree(binding.asOfJson().apply(v, day)));
    }

    /**
     * Kafka Streams has no range query over versioned stores (KIP-969): the keys come from the plain store that the
     * same tasks keep for them, then one {@link VersionedKeyQuery} per key. A dyad store holds one key per pair of
     * countries that ever met (hundreds at most), so a point lookup each is cheap and every answer is exact; per-day
     * snapshots would instead copy every dyad into every day and all be rewritten by a late article.
     */
    @Override
    public List<JsonNode> allLocalAsOf(ViewStore store, Set<Integer> partitions, LocalDate day)
            throws NotQueryableException {
        running(store);
        StoreBinding binding = binding(store);
        if (!binding.versioned()) {
            throw new NotQueryableException(store.name() + " keeps no versions");
        }
        List<JsonNode> values = new ArrayList<>();
        for (int partition : new TreeSet<>(partitions)) {
            List<String> keys = new ArrayList<>();
            try (KeyValueIterator<String, Object> all = local(binding.keyIndex(), partition).all()) {
                all.forEachRemaining(kv -> keys.add(kv.key));
            } catch (InvalidStateStoreException e) {
                throw notQueryable(binding.keyIndex(), partition, e);
            }
            for (String key : keys) {
                Optional<Object> version = versionAsOf(store, key, partition, day);
                if (version.isPresent()) {
                    values.add(ViewJson.tree(binding.asOfJson().apply(version.get(), day)));
                }
            }
        }
        return values;
    }

    /** IQv2 against one partition's active task: the version valid at the end of {@code day}, if any. */
    private Optional<Object> versionAsOf(ViewStore store, String key, int partition, LocalDate day)
            throws NotQueryableException {
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
        StateQueryRequest<VersionedRecord<Object>> request = StateQueryRequest.inStore(store.name())
                .withQuery(VersionedKeyQuery.<String, Object>withKey(key).asOf(endOfDay))
                .withPartitions(Set.of(partition)).requireActive();
        StateQueryResult<VersionedRecord<Object>> result;
        try {
            result = running(store).query(request);
        } catch (RuntimeException e) {
            throw new NotQueryableException(store.name() + " partition " + partition + " is not queryable here: "
                    + e.getMessage());
        }
        QueryResult<VersionedRecord<Object>> answer = result.getPartitionResults().get(partition);
        if (answer == null || answer.isFailure()) {
            // The failure message carries a stack trace: the log gets it, the client only the reason.
            if (answer != null) {
                LOG.debug("{} partition {}: {}", store.name(), partition, answer.getFailureMessage());
            }
            throw new NotQueryableException(store.name() + " partition " + partition + " is not queryable here"
                    + (answer == null ? "" : " (" + answer.getFailureReason() + ")"));
        }
        VersionedRecord<Object> version = answer.getResult();
        return version == null ? Optional.empty() : Optional.ofNullable(version.value());
    }

    private ReadOnlyKeyValueStore<String, Object> local(ViewStore store, int partition) throws NotQueryableException {
        return running(store).store(StoreQueryParameters
                .fromNameAndType(store.name(), QueryableStoreTypes.<String, Object>keyValueStore())
                .withPartition(partition));
    }

    private KafkaStreams running(ViewStore store) throws NotQueryableException {
        KafkaStreams streams;
        try {
            streams = runtime.stage(store.stage());
        } catch (IllegalArgumentException e) {
            throw new NotQueryableException("stage " + store.stage() + " does not run here");
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new NotQueryableException("stage " + store.stage() + " is " + streams.state());
        }
        return streams;
    }

    private StoreBinding binding(ViewStore store) {
        StoreBinding binding = bindings.get(store.name());
        if (binding == null) {
            throw new IllegalArgumentException("No binding for store " + store.name());
        }
        return binding;
    }

    private static NotQueryableException notQueryable(ViewStore store, int partition, InvalidStateStoreException e) {
        return new NotQueryableException(store.name() + " partition " + partition + " is not queryable here: "
                + e.getMessage());
    }
}
