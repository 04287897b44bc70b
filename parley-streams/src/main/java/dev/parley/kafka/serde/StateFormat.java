package dev.parley.kafka.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * How one Java type of a stage's private working data (state store values, repartition payloads) is stored:
 * JSON in a small versioned envelope. These are not topic contracts (no registry), but they outlive a build: a
 * changelog or a local state directory written by the previous build is read by the next one. So every change
 * to a stored type's shape bumps its version by adding an upgrade (the previous version's JSON tree to the next
 * one's), and the current version is read strictly: an unknown property, a missing component or a null
 * primitive fails instead of silently becoming null.
 *
 * <p>Envelope: byte 0 is {@link #MAGIC}, bytes 1–2 the format version (unsigned, big-endian), then UTF-8 JSON.
 * Bytes without the envelope are version 0: what builds before the envelope wrote (plain Jackson JSON, which
 * never starts with byte 0x01). A version newer than this build knows fails loudly: downgrades are not supported.
 */
public final class StateFormat<T> {

    /** Not a byte any JSON text starts with, so enveloped values and version-0 values cannot be confused. */
    public static final byte MAGIC = 0x01;
    static final int HEADER_BYTES = 3;

    /** Writes record components only: accessor-like methods ({@code isEmpty()}) are not state. */
    private static final ObjectMapper WRITER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("record-components-only").setSerializerModifier(new BeanSerializerModifier() {
                @Override
                public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                                 List<BeanPropertyWriter> properties) {
                    Class<?> type = bean.getBeanClass();
                    if (!type.isRecord()) {
                        return properties;
                    }
                    Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                            .collect(Collectors.toSet());
                    return properties.stream().filter(p -> components.contains(p.getName())).toList();
                }
            }));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private final String name;
    private final JavaType type;
    /** upgrades.get(v) turns version v's tree into version v+1's; the current version is their count. */
    private final List<UnaryOperator<JsonNode>> upgrades;

    private StateFormat(String name, JavaType type, List<UnaryOperator<JsonNode>> upgrades) {
        this.name = name;
        this.type = type;
        this.upgrades = List.copyOf(upgrades);
    }

    public static <T> Builder<T> of(String name, Class<T> type) {
        return new Builder<>(name, STRICT.constructType(type));
    }

    public static <T> Builder<T> of(String name, TypeReference<T> type) {
        return new Builder<>(name, STRICT.constructType(type));
    }

    /** The stable name of the stored type (error messages, the golden files' folder). */
    public String name() {
        return name;
    }

    public int version() {
        return upgrades.size();
    }

    public Serde<T> serde() {
        return Serdes.serdeFrom(serializer(), deserializer());
    }

    private Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : write(data);
    }

    private Deserializer<T> deserializer() {
        return (topic, data) -> data == null ? null : read(data);
    }

    public byte[] write(T value) {
        // The header goes into the same buffer as the JSON: one copy out, as writeValueAsBytes makes (and, like it,
        // the pooled recycler goes back to the pool).
        BufferRecycler recycler = WRITER.getFactory()._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            out.write(MAGIC);
            out.write(version() >>> 8);
            out.write(version());
            WRITER.writeValue(out, value);
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new SerializationException("Cannot write state " + name + " (" + type + ") as JSON", e);
        } finally {
            recycler.releaseToPool();
        }
    }

    public T read(byte[] data) {
        int version = versionOf(data);
        int offset = version == 0 ? 0 : HEADER_BYTES;
        try {
            if (version == version()) {
                return STRICT.readValue(data, offset, data.length - offset, type);
            }
            JsonNode tree = STRICT.readTree(data, offset, data.length - offset);
            for (int v = version; v < version(); v++) {
                tree = upgrades.get(v).apply(tree);
            }
            return STRICT.treeToValue(tree, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Cannot read state " + name + " version " + version
                    + " as version " + version() + " (" + type + "): " + e.getMessage(), e);
        }
    }

    /** The format version of stored bytes: 0 for bytes without the envelope. */
    public int versionOf(byte[] data) {
        if (data.length == 0) {
            throw new SerializationException("Empty state value for " + name);
        }
        if (data[0] != MAGIC) {
            return 0;
        }
        if (data.length < HEADER_BYTES) {
            throw new SerializationException("Truncated state envelope for " + name + " (" + data.length + " bytes)");
        }
        int version = ((data[1] & 0xff) << 8) | (data[2] & 0xff);
        if (version == 0 || version > version()) {
            throw new SerializationException("State " + name + " is format version " + version + " but this build"
                    + " reads versions 0 to " + version() + (version > version()
                    ? ": it was written by a newer build (downgrades are not supported)" : ": not a valid version"));
        }
        return version;
    }

    @Override
    public String toString() {
        return name + " v" + version();
    }

    /** Declares the upgrades in version order: the first turns version 0 (no envelope) into version 1. */
    public static final class Builder<T> {

        private final String name;
        private final JavaType type;
        private final List<UnaryOperator<JsonNode>> upgrades = new ArrayList<>();

        private Builder(String name, JavaType type) {
            this.name = Objects.requireNonNull(name);
            this.type = type;
        }

        /** @param step turns the JSON of version {@code from} into the JSON of version {@code from + 1} */
        public Builder<T> upgradeFrom(int from, UnaryOperator<JsonNode> step) {
            if (from != upgrades.size()) {
                throw new IllegalArgumentException(name + ": upgrades are declared in order; expected one from version "
                        + upgrades.size() + ", got " + from);
            }
            upgrades.add(Objects.requireNonNull(step));
            return this;
        }

        public StateFormat<T> build() {
            if (upgrades.isEmpty()) {
                throw new IllegalArgumentException(name + ": declare at least the upgrade from version 0 (no envelope)");
            }
            return new StateFormat<>(name, type, upgrades);
        }
    }

    /** Upgrade helpers over JSON trees. */
    public static final class Upgrades {

        private Upgrades() {
        }

        /** No change of shape: the version only records that the envelope was added. */
        public static JsonNode unchanged(JsonNode tree) {
            return tree;
        }

        /**
         * Removes properties that were never state: version 0 was written with Jackson's default getter detection,
         * so {@code isEmpty()}-like methods were stored as properties ({@code "empty": true}).
         *
         * @param path property names from the root to the object to edit; "*" walks every element of an array
         */
        public static UnaryOperator<JsonNode> dropDerived(String property, String... path) {
            return tree -> {
                drop(tree, path, 0, property);
                return tree;
            };
        }

        private static void drop(JsonNode node, String[] path, int depth, String property) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return;
            }
            if (depth == path.length) {
                if (node instanceof ObjectNode object) {
                    object.remove(property);
                }
                return;
            }
            if (path[depth].equals("*")) {
                node.forEach(child -> drop(child, path, depth + 1, property));
            } else {
                drop(node.get(path[depth]), path, depth + 1, property);
            }
        }

        /** Several steps applied in order, as one version step. */
        @SafeVarargs
        public static UnaryOperator<JsonNode> all(UnaryOperator<JsonNode>... steps) {
            return tree -> {
                JsonNode out = tree;
                for (UnaryOperator<JsonNode> step : steps) {
                    out = step.apply(out);
                }
                return out;
            };
        }
    }
}
