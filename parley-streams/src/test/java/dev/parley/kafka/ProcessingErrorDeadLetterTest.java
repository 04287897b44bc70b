package dev.parley.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.SchemaRegistryClients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record a processor throws on, under the properties every Parley stage runs with: it becomes a PROCESSING_ERROR
 * dead letter carrying the record's original bytes and the failing processor, and the stage goes on.
 */
class ProcessingErrorDeadLetterTest {

    private static final String REGISTRY = "mock://processing-error-dead-letter-test";

    @TempDir
    java.nio.file.Path dataDir;

    @AfterEach
    void dropRegistry() {
        SchemaRegistryClients.dropMock(REGISTRY);
    }

    @Test
    void aRecordAProcessorThrowsOnIsDeadLetteredAndTheNextOnesGoThrough() {
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, REGISTRY,
                ParleyConfig.BOOTSTRAP_SERVERS, "unused:9092", "parley.data.dir", dataDir.toString()));
        Properties props = StreamsRuntime.properties(config, "probe", null);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.contains("poison")) {
                        throw new IllegalStateException("cannot handle " + v);
                    }
                    return v.toUpperCase();
                }, Named.as("shout"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(ParleyTopics.DEAD_LETTER,
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            in.pipeInput("a", "first");
            in.pipeInput("b", "a poison pill");
            in.pipeInput("c", "third");

            assertThat(out.readValuesToList()).containsExactly("FIRST", "THIRD");
            List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
            assertThat(letters).hasSize(1);
            RejectedInput letter = new AvroDeserializer<>(RejectedInput.class, SchemaRegistryClients.forUrl(REGISTRY))
                    .deserialize(ParleyTopics.DEAD_LETTER, letters.get(0).value());
            assertThat(letter.getReason()).isEqualTo(RejectReason.PROCESSING_ERROR);
            assertThat(letter.getStage()).isEqualTo("streams.process:shout@parley.probe");
            assertThat(letter.getMessage()).contains("cannot handle a poison pill");
            assertThat(letter.getOrigin()).isEqualTo("in/0@1");
            assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalBytes()).toString()).isEqualTo("a poison pill");
        }
    }

    /**
     * A stateful processor that throws may have written its stores already: resuming would commit that half. Unless
     * it says its plan was discarded whole, the task fails (and exactly-once restores the stores on restart).
     */
    @Test
    void aStatefulProcessorThatThrowsFailsTheTaskUnlessItDiscardedItsPlan() {
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL, REGISTRY,
                ParleyConfig.BOOTSTRAP_SERVERS, "unused:9092", "parley.data.dir", dataDir.toString()));
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(),
                Serdes.String()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new Processor<String, String, String, String>() {
                    private ProcessorContext<String, String> context;
                    private KeyValueStore<String, String> seen;

                    @Override
                    public void init(ProcessorContext<String, String> context) {
                        this.context = context;
                        this.seen = context.getStateStore("seen");
                    }

                    @Override
                    public void process(org.apache.kafka.streams.processor.api.Record<String, String> record) {
                        if (record.value().equals("discarded")) {
                            throw new DiscardedPlanException("nothing written", new IllegalStateException("plan"));
                        }
                        seen.put(record.key(), record.value());
                        if (record.value().equals("half")) {
                            throw new IllegalStateException("after a write");
                        }
                        context.forward(record);
                    }
                }, Named.as("remember"), "seen")
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Topology topology = builder.build();
        assertThat(StreamsRuntime.statefulProcessors(topology)).containsExactly("remember");
        Properties props = StreamsRuntime.properties(config, "probe", null, topology);

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(ParleyTopics.DEAD_LETTER,
                    Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());

            in.pipeInput("a", "fine");
            in.pipeInput("b", "discarded");
            in.pipeInput("c", "fine too");
            assertThat(out.readValuesToList()).containsExactly("fine", "fine too");
            assertThat(deadLetters.readRecordsToList()).hasSize(1);

            assertThatThrownBy(() -> in.pipeInput("d", "half")).isInstanceOf(StreamsException.class)
                    .hasRootCauseMessage("after a write");
            assertThat(deadLetters.isEmpty()).as("not dead-lettered: the task failed").isTrue();
        }
    }
}
