package dev.parley.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a stage (a Kafka Streams application id) is behind its inputs: the raw article log and its own repartition
 * topics, by committed offsets against the partitions' ends. Zero means everything written so far is processed.
 */
public final class StageProgress {

    private StageProgress() {
    }

    /** Records not yet processed by the application; partitions it never committed count from 0. */
    public static long lag(Admin admin, String applicationId) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String topic : topics) {
            boolean input = topic.equals(ParleyTopics.ARTICLES_RAW)
                    || (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"));
            if (!input) {
                continue;
            }
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
            description.partitions().forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }
}
