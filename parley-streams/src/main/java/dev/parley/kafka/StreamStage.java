package dev.parley.kafka;

import org.apache.kafka.streams.Topology;

/** One Kafka Streams application of Parley's pipeline: its own application id suffix, its own topology. */
public record StreamStage(String name, Topology topology) {
}
