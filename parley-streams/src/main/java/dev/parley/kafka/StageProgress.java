package dev.parley.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
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
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        // A stage's inputs: what it has committed on, what its members are assigned, and its repartition topics
        // (each stage reads other topics: the raw log, the unique articles, the outputs for the views).
        Set<String> inputs = new java.util.TreeSet<>();
        committed.keySet().forEach(tp -> inputs.add(tp.topic()));
        admin.describeConsumerGroups(Set.of(applicationId)).all().get().values().forEach(group ->
                group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> inputs.add(tp.topic()))));
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition")) {
                inputs.add(topic);
            }
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        if (!inputs.isEmpty()) {
            admin.describeTopics(inputs).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        }
        long lag = 0;
        for (var end : admin.listOffsets(ends).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }
}
