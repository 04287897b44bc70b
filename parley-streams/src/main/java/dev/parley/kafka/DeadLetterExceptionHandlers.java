package dev.parley.kafka;

import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.ingest.Rejections;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.AvroSerializer;
import dev.parley.kafka.serde.ConfluentWireFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poison records never stop a stream stage: they go to {@code parley.dead-letter} as {@link RejectedInput} with the
 * reason and the original bytes, and processing resumes. Written in the same transaction as the stage's output
 * (Kafka Streams' dead-letter records, KIP-1034), so nothing is lost or doubled under exactly-once.
 */
public final class DeadLetterExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandlers.class);

    /** Comma-separated processor node names that hold state; set by {@link StreamsRuntime} from the topology. */
    static final String STATEFUL_PROCESSORS_CONFIG = "parley.streams.stateful.processors";

    private DeadLetterExceptionHandlers() {
    }

    static RejectReason reasonFor(Exception e) {
        if (e instanceof ConfluentWireFormat.UnknownMagicByteException) {
            return RejectReason.BAD_MAGIC_BYTE;
        }
        if (e instanceof AvroDeserializer.UnknownSchemaIdException) {
            return RejectReason.UNKNOWN_SCHEMA;
        }
        return RejectReason.CORRUPT_PAYLOAD;
    }

    static ProducerRecord<byte[], byte[]> deadLetter(Serializer<Object> keys, Serializer<Object> values, String stage,
                                                     RejectReason reason, String message, ErrorHandlerContext context,
                                                     byte[] original) {
        String origin = context.topic() + "/" + context.partition() + "@" + context.offset();
        RejectedInput rejected = Rejections.of(stage, origin, reason, message, original,
                Rejections.DEFAULT_MAX_BYTES, Instant.now());
        LOG.warn("Dead letter from {}: {} {} ({})", stage, reason, rejected.getMessage(), origin);
        return new ProducerRecord<>(ParleyTopics.DEAD_LETTER, null, context.timestamp() < 0 ? null : context.timestamp(),
                keys.serialize(ParleyTopics.DEAD_LETTER, rejected.getId()),
                values.serialize(ParleyTopics.DEAD_LETTER, rejected));
    }

    /** The stage name in dead letters: what failed, and in which application (each stage reads the raw log). */
    static String stageName(String what, Map<String, ?> configs) {
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        return applicationId == null ? what : what + "@" + applicationId;
    }

    /** What both handlers share: the stage's registry settings, to write RejectedInput in the wire format. */
    private abstract static class DeadLetterWriter {
        Serializer<Object> keys;
        Serializer<Object> values;
        Map<String, ?> configs;

        public void configure(Map<String, ?> configs) {
            this.keys = serializer(configs, true);
            this.values = serializer(configs, false);
            this.configs = configs;
        }

        private static Serializer<Object> serializer(Map<String, ?> configs, boolean isKey) {
            AvroSerializer<Object> serializer = new AvroSerializer<>();
            serializer.configure(configs, isKey);
            return serializer;
        }
    }

    /** For records whose bytes cannot be read: bad magic byte, unknown schema id, truncated payload. */
    public static final class Deserialization extends DeadLetterWriter implements DeserializationExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
            if (e instanceof AvroDeserializer.RegistryUnavailableException) {
                // A good record we cannot read *yet*: fail the thread (it is replaced and resumes from the last
                // commit) instead of dead-lettering it, or a registry outage would lose articles.
                LOG.warn("Registry unavailable while reading {}/{}@{}; retrying: {}", context.topic(),
                        context.partition(), context.offset(), e.getMessage());
                return Response.fail();
            }
            return Response.resume(List.of(deadLetter(keys, values, stageName("streams.deserialize", configs), reasonFor(e),
                    e.getMessage(), context, record.value())));
        }
    }

    /**
     * For records a processor threw on: dead-lettered, and the stage goes on with the next record, unless the
     * processor holds state and cannot vouch that it changed none. Resuming then would commit a half-applied record
     * (stores written, outputs not forwarded) and a retry would find it "already seen"; failing instead makes the
     * thread restart from the last commit, and under exactly-once the stores are restored to it.
     */
    public static final class Processing extends DeadLetterWriter implements ProcessingExceptionHandler {

        private Set<String> stateful = Set.of();

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            Object names = configs.get(STATEFUL_PROCESSORS_CONFIG);
            stateful = names == null ? Set.of() : Arrays.stream(names.toString().split(","))
                    .map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
            if (stateful.contains(context.processorNodeId()) && !(e instanceof DiscardedPlanException)) {
                LOG.error("Stateful processor {} failed on {}/{}@{} possibly after writing state; failing the task so "
                                + "it restarts from the last commit", context.processorNodeId(), context.topic(),
                        context.partition(), context.offset(), e);
                return Response.fail();
            }
            return Response.resume(List.of(deadLetter(keys, values,
                    stageName("streams.process:" + context.processorNodeId(), configs),
                    RejectReason.PROCESSING_ERROR, e.toString(), context, context.sourceRawValue())));
        }
    }
}
