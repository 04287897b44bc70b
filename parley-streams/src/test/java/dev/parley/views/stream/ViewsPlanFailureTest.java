package dev.parley.views.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.SchemaRegistryClients;
import dev.parley.kafka.serde.StateFormats;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A views processor that fails while planning has written nothing, says so (DiscardedPlanException), and so the
 * record is dead-lettered and the stage goes on, where any other failure of a stateful processor fails the task.
 */
class ViewsPlanFailureTest {

    private static final String REGISTRY = "mock://views-plan-failure-test";

    @TempDir
    java.nio.file.Path dataDir;

    @AfterEach
    void dropRegistry() {
        SchemaRegistryClients.dropMock(REGISTRY);
    }

    @Test
    void aFanOutWhoseGroupsCannotBeComputedIsDeadLetteredAndChangesNothing() {
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, REGISTRY,
                ParleyConfig.BOOTSTRAP_SERVERS, "unused:9092", "parley.data.dir", dataDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("groups"), Serdes.String(),
                StateFormats.STRING_LIST.serde()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new FanOutProcessor<String>("groups", v -> {
                    if (v.contains("poison")) {
                        throw new IllegalStateException("no groups for " + v);
                    }
                    return List.of(v.split(","));
                }), Named.as("fan-out"), "groups")
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Topology topology = builder.build();
        Properties props = StreamsRuntime.properties(config, "probe", null, topology);

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(ParleyTopics.DEAD_LETTER,
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
            KeyValueStore<String, List<String>> groups = driver.getKeyValueStore("groups");

            in.pipeInput("e1", "MX-US,CA-MX");
            in.pipeInput("e1", "poison");
            in.pipeInput("e2", "CA-US");

            assertThat(deadLetters.readRecordsToList()).hasSize(1);
            assertThat(groups.get("e1")).as("the failed record left e1's groups as they were")
                    .containsExactly("CA-MX", "MX-US");
            assertThat(groups.get("e2")).containsExactly("CA-US");
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key)
                    .containsExactly(GroupPartitioner.key("CA-MX", "e1"), GroupPartitioner.key("MX-US", "e1"),
                            GroupPartitioner.key("CA-US", "e2"));
        }
    }
}
