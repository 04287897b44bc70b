package dev.parley.kafka.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for state stores that hold a stage's private working data (Java records), which are not topic contracts
 * and so need no registry. Topics that other programs read use Avro.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(JSON.constructType(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(JSON.constructType(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(data);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return JSON.readValue(data, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type + " from JSON", e);
            }
        };
    }
}
