package dev.parley.kafka.serde;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes for Parley's topics. By default Parley's own Confluent-wire-format serde; a user who has Confluent's jars
 * can name another serde class (e.g. {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}) in
 * {@code parley.serde.value.class} / {@code parley.serde.key.class}: the bytes on the topics are the same.
 */
public final class AvroSerdes {

    public static final String VALUE_SERDE_CLASS = "parley.serde.value.class";
    public static final String KEY_SERDE_CLASS = "parley.serde.key.class";

    private AvroSerdes() {
    }

    /** A configured serde for Avro values of the given generated class. */
    public static <T> Serde<T> value(Class<T> type, Map<String, ?> configs) {
        return configured(type, configs, false, VALUE_SERDE_CLASS);
    }

    /** A configured serde for keys: Avro primitives (String ids) or records. */
    public static <T> Serde<T> key(Class<T> type, Map<String, ?> configs) {
        return configured(type, configs, true, KEY_SERDE_CLASS);
    }

    private static <T> Serde<T> configured(Class<T> type, Map<String, ?> configs, boolean isKey, String property) {
        Object custom = configs.get(property);
        Serde<T> serde = custom == null || custom.toString().isBlank()
                ? Serdes.serdeFrom(new AvroSerializer<>(), new AvroDeserializer<>(type))
                : instantiate(custom.toString());
        serde.configure(configs, isKey);
        return serde;
    }

    @SuppressWarnings("unchecked")
    private static <T> Serde<T> instantiate(String className) {
        try {
            return (Serde<T>) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException("Cannot use serde class " + className + ": " + e, e);
        }
    }
}
