package dev.parley.kafka.serde;

import dev.parley.registry.SchemaRegistryClient;
import dev.parley.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format. The writer's schema comes from the registry by the id in the record; the reader's
 * schema is the generated class's when one is given (so a newer reader reads records written with an older schema,
 * by Avro's schema resolution), else the writer's. Errors name the cause: bad magic byte, unknown schema id,
 * truncated or corrupt payload.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> readerClass;
    private final Schema readerSchema;
    private SchemaRegistryClient registry;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** Reads into {@code readerClass}: a generated SpecificRecord class, or String/Long/Integer/... for primitives. */
    public AvroDeserializer(Class<T> readerClass) {
        this(readerClass, null);
    }

    public AvroDeserializer(Class<T> readerClass, SchemaRegistryClient registry) {
        AvroTrust.trustParleyContracts();
        this.readerClass = readerClass;
        this.readerSchema = SpecificRecord.class.isAssignableFrom(readerClass)
                ? SpecificData.get().getSchema(readerClass) : null;
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistryClients.forUrl(AvroSerdeConfig.registryUrl(configs));
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = ConfluentWireFormat.schemaId(data);
        DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
                data.length - ConfluentWireFormat.HEADER_SIZE, null);
        Object value;
        try {
            value = reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            throw new SerializationException("Corrupt or truncated Avro payload with schema id " + id + " on topic "
                    + topic + " (" + data.length + " bytes): " + e, e);
        }
        if (hasTrailingBytes(decoder)) {
            // not an error in Avro itself, but a sign the record was written with another schema than its id says
            throw new SerializationException("Avro payload with schema id " + id + " on topic " + topic
                    + " has trailing bytes: it does not match its schema");
        }
        return readerClass.cast(convertPrimitive(value));
    }

    private static boolean hasTrailingBytes(BinaryDecoder decoder) {
        try {
            return !decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new UnknownSchemaIdException("Unknown schema id " + id + ": the registry has no such schema", e);
            }
            throw new RegistryUnavailableException("Cannot fetch schema id " + id + ": " + e.getMessage(), e);
        }
        if (readerSchema != null) {
            return new SpecificDatumReader<>(writer, readerSchema);
        }
        return new GenericDatumReader<>(writer);
    }

    private Object convertPrimitive(Object value) {
        if (value instanceof Utf8 utf8 && readerClass == String.class) {
            return utf8.toString();
        }
        if (value instanceof ByteBuffer buffer && readerClass == byte[].class) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        return value;
    }

    /**
     * The registry could not answer (down, unreachable, store error): the record may be perfectly good, so it must
     * be retried, never dead-lettered.
     */
    public static final class RegistryUnavailableException extends SerializationException {
        public RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The record names a schema id the registry does not know. */
    public static final class UnknownSchemaIdException extends SerializationException {
        public UnknownSchemaIdException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
