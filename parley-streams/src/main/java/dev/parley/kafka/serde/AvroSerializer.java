package dev.parley.kafka.serde;

import dev.parley.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (and primitives: string, long, int, double, float, boolean, bytes) in the Confluent wire
 * format, registering the writer's schema under {@code <topic>-key} or {@code <topic>-value} (the topic-name
 * subject strategy). Null stays null, so tombstones pass through.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean autoRegister = true;
    private final Map<String, Integer> idCache = new ConcurrentHashMap<>();

    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
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
        String subject = topic + (isKey ? "-key" : "-value");
        int id = idCache.computeIfAbsent(subject + '\u0000' + schema, k -> schemaId(subject, schema));
        return ConfluentWireFormat.frame(id, encode(schema, data));
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
        return Schema.create(type);
    }

    private static byte[] encode(Schema schema, Object data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        Object datum = data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
        try {
            if (data instanceof SpecificRecord) {
                new SpecificDatumWriter<>(schema).write(datum, encoder);
            } else {
                new GenericDatumWriter<>(schema).write(datum, encoder);
            }
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + " as Avro: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
