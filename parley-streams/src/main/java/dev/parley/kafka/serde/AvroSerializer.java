package dev.parley.kafka.serde;

import dev.parley.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (and primitives: string, long, int, double, float, boolean, bytes) in the Confluent wire
 * format, registering the writer's schema under {@code <topic>-key} or {@code <topic>-value} (the topic-name
 * subject strategy). Null stays null, so tombstones pass through.
 *
 * <p>The hot path does no schema printing and allocates no writer: schema ids and writers are cached with the
 * {@link Schema} object as key (its hash is cached and its {@code equals} answers identity first, so a record of a
 * generated class costs two hash lookups; an equal schema in another instance still finds the same entry). One
 * writer per schema is shared by all threads: a {@link GenericDatumWriter} keeps no per-write state (its fields are
 * the schema and the data model, both set once). The output buffer and encoder, which do hold state, are per
 * thread.
 */
public class AvroSerializer<T> implements Serializer<T> {

    /** Output buffers above this size are not kept for the next record (one huge article must not pin memory). */
    private static final int MAX_RETAINED_BUFFER = 1 << 20;
    private static final Map<Schema.Type, Schema> PRIMITIVES = primitiveSchemas();
    private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private final Map<String, Map<Schema, Integer>> idsByTopic = new ConcurrentHashMap<>();
    // by kind too: a GenericRecord may carry a schema equal to a generated class's
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        AvroTrust.trustParleyContracts(); // as the deserializer does: this constructor skips configure()
        this.registry = registry;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroTrust.trustParleyContracts();
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.autoRegister(configs);
        if (registry == null) {
            this.registry = SchemaRegistryClients.forUrl(AvroSerdeConfig.registryUrl(configs));
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema schema = schemaOf(data);
        int id = idsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> schemaId(topic + (isKey ? "-key" : "-value"), s));
        DatumWriter<Object> writer = data instanceof SpecificRecord
                ? specificWriters.computeIfAbsent(schema, SpecificDatumWriter::new)
                : genericWriters.computeIfAbsent(schema, GenericDatumWriter::new);
        return encode(id, schema, writer, data);
    }

    private int schemaId(String subject, Schema schema) {
        if (autoRegister) {
            return registry.register(subject, schema);
        }
        var latest = registry.latest(subject);
        if (!latest.schema().equals(schema)) {
            throw new SerializationException("auto.register.schemas is off and the latest schema of " + subject
                    + " is not the writer's schema " + schema.getFullName());
        }
        return latest.id();
    }

    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (data instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (data instanceof Long) {
            type = Schema.Type.LONG;
        } else if (data instanceof Integer) {
            type = Schema.Type.INT;
        } else if (data instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else if (data instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (data instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (data instanceof byte[] || data instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else {
            throw new SerializationException("Cannot write " + data.getClass().getName()
                    + " as Avro: not a record nor a primitive");
        }
        return PRIMITIVES.get(type);
    }

    /** The Confluent frame (magic byte, big-endian id) and the datum, written into one buffer and copied once. */
    private static byte[] encode(int id, Schema schema, DatumWriter<Object> writer, Object data) {
        Output output = OUTPUT.get();
        output.reset();
        output.write(ConfluentWireFormat.MAGIC_BYTE);
        output.write(id >>> 24);
        output.write(id >>> 16);
        output.write(id >>> 8);
        output.write(id);
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        try {
            writer.write(datum, output.encoder);
            output.encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
        byte[] framed = output.toByteArray();
        if (output.capacity() > MAX_RETAINED_BUFFER) {
            OUTPUT.remove();
        }
        return framed;
    }

    private static Map<Schema.Type, Schema> primitiveSchemas() {
        Map<Schema.Type, Schema> schemas = new EnumMap<>(Schema.Type.class);
        for (Schema.Type type : new Schema.Type[] {Schema.Type.STRING, Schema.Type.LONG, Schema.Type.INT,
                Schema.Type.DOUBLE, Schema.Type.FLOAT, Schema.Type.BOOLEAN, Schema.Type.BYTES}) {
            schemas.put(type, Schema.create(type));
        }
        return schemas;
    }

    /** A thread's reusable output: the buffer and the (unbuffered) encoder writing into it. */
    private static final class Output extends ByteArrayOutputStream {
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(this, null);

        Output() {
            super(1024);
        }

        int capacity() {
            return buf.length;
        }
    }
}
