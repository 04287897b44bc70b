package dev.parley.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.streams.TopologyTestDriver;
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
}
