package dev.parley.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics Parley owns, with their configurations. Every name starts with {@code parley.}; README.md lists them
 * with their Avro contracts.
 */
public final class ParleyTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ParleyTopics.class);

    /** The raw article log: the event store and source of truth. Kept forever. Key: article id. Value: Article. */
    public static final String ARTICLES_RAW = "parley.articles.raw";
    /** Everything rejected, from ingest or from a stream stage. Kept forever. Value: RejectedInput. */
    public static final String DEAD_LETTER = "parley.dead-letter";
    /** Articles that are not copies (compacted; tombstone when one turns out to be a copy). Value: UniqueArticle. */
    public static final String ARTICLES_UNIQUE = "parley.articles.unique";
    /** Copies: copy id → its decision (canonical, level, similarity, method). Compacted. Value: DedupDecision. */
    public static final String ARTICLES_DUPLICATES = "parley.articles.duplicates";
    /** Every article's current cluster and canonical (compacted changelog). Value: DedupDecision. */
    public static final String ARTICLES_CLUSTERS = "parley.articles.clusters";
    /** Every dedup decision as it was made, with thresholds and algorithm version. Value: DedupDecision. */
    public static final String DEDUP_DECISIONS = "parley.dedup.decisions";
    /** Reprinted passages grouped into statements (compacted). Value: ReprintedStatement. */
    public static final String STATEMENTS = "parley.statements";
    /** One record per real-world engagement event, updated as sources accumulate (compacted). Value: EngagementEvent. */
    public static final String ENGAGEMENT_EVENTS = "parley.engagement.events";
    /** Agreed meetings and actions with their status (compacted). Value: EngagementCommitment. */
    public static final String ENGAGEMENT_COMMITMENTS = "parley.engagement.commitments";
    /** The current state of each dyad (key: 'MX-US'), for downstream consumers to materialise (compacted). Value: DyadState. */
    public static final String DYAD_STATE = "parley.engagement.dyad-state";
    /** The embedded registry's schemas (compacted, one partition), like Confluent's {@code _schemas}. */
    public static final String REGISTRY_SCHEMAS = "parley.registry.schemas";

    /** Records carry their publication time; old coverage is fine, more than two days ahead is not. */
    static final long MAX_FUTURE_TIMESTAMP_MS = 2L * 24 * 60 * 60 * 1000;
    static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    public record TopicSpec(String name, Map<String, String> configs, String purpose) {
    }

    private ParleyTopics() {
    }

    public static List<TopicSpec> all() {
        Map<String, String> forever = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime",
                TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, String.valueOf(MAX_FUTURE_TIMESTAMP_MS));
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(new TopicSpec(ARTICLES_RAW, forever, "raw article log (event store), Article"));
        specs.add(new TopicSpec(DEAD_LETTER, forever, "rejected inputs and poison records, RejectedInput"));
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_MESSAGE_BYTES),
                TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, String.valueOf(MAX_FUTURE_TIMESTAMP_MS));
        specs.add(new TopicSpec(ARTICLES_UNIQUE, compacted, "articles that are not copies, UniqueArticle"));
        specs.add(new TopicSpec(ARTICLES_DUPLICATES, compacted, "copy → canonical, level, similarity, DedupDecision"));
        specs.add(new TopicSpec(ARTICLES_CLUSTERS, compacted, "article → current cluster and canonical, DedupDecision"));
        specs.add(new TopicSpec(DEDUP_DECISIONS, forever, "every dedup decision as made (decision log), DedupDecision"));
        specs.add(new TopicSpec(STATEMENTS, compacted, "reprinted passages grouped as statements, ReprintedStatement"));
        specs.add(new TopicSpec(ENGAGEMENT_EVENTS, compacted, "engagement events with their sources, EngagementEvent"));
        specs.add(new TopicSpec(ENGAGEMENT_COMMITMENTS, compacted, "commitments with status, EngagementCommitment"));
        specs.add(new TopicSpec(DYAD_STATE, compacted, "current state of each dyad (views stage), DyadState"));
        return specs;
    }

    /** Creates the missing topics; existing ones are left as they are. */
    public static void ensure(Admin admin, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = all().stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), partitions, replicationFactor).configs(spec.configs()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get();
                    LOG.info("Created topic {} ({} partitions)", name, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause().getMessage(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted creating topics", e);
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted listing topics", e);
        }
    }
}
