package dev.parley.dedup.stream;

import org.apache.avro.specific.SpecificRecord;

/** One record the dedup stage writes: to which output, under which key; a null value is a tombstone. */
record DedupOutput(Target target, String key, SpecificRecord value) {

    enum Target { UNIQUE, DUPLICATES, CLUSTERS, STATEMENTS, DECISIONS }
}
