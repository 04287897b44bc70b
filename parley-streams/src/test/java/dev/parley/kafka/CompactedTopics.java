package dev.parley.kafka;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;

/** Test support for compacted output topics. */
public final class CompactedTopics {

    private CompactedTopics() {
    }

    /** What a consumer materialising a compacted topic ends with: the last value per key, tombstones removing. */
    public static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        Map<String, V> map = new TreeMap<>();
        for (KeyValue<String, V> kv : topic.readKeyValuesToList()) {
            if (kv.value == null) {
                map.remove(kv.key);
            } else {
                map.put(kv.key, kv.value);
            }
        }
        return map;
    }
}
