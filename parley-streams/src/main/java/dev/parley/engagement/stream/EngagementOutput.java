package dev.parley.engagement.stream;

import org.apache.avro.specific.SpecificRecord;

/** One record the engagement stage writes; a null value is a tombstone. */
record EngagementOutput(Target target, String key, SpecificRecord value) {

    enum Target { EVENTS, COMMITMENTS }
}
