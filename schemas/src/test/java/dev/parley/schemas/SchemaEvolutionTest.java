package dev.parley.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/**
 * Guards the topic contracts. Every top-level record schema in src/main/avro must be able to read every version of
 * it kept in history/ (BACKWARD_TRANSITIVE, Avro's own SchemaCompatibility), and the newest kept version must be
 * the current one, so that each change on main is recorded. To record a deliberate, compatible change:
 * {@code mvn -pl schemas test -Dparley.schemas.record=true}, then commit the new history file.
 */
class SchemaEvolutionTest {

    private static final Path SOURCES = Path.of(System.getProperty("parley.schemas.dir", "src/main/avro"));
    private static final Path HISTORY = Path.of(System.getProperty("parley.schemas.history.dir", "history"));

    @Test
    void everyContractReadsAllItsEarlierVersionsAndTheLatestIsRecorded() throws IOException {
        Map<String, Schema> current = currentRecordSchemas();
        assertFalse(current.isEmpty(), "no schemas found in " + SOURCES.toAbsolutePath());
        boolean record = Boolean.getBoolean("parley.schemas.record");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : current.entrySet()) {
            String name = entry.getKey();
            Schema schema = entry.getValue();
            List<Path> versions = history(name);
            for (Path version : versions) {
                Schema old = new Schema.Parser().parse(Files.readString(version));
                var result = SchemaCompatibility.checkReaderWriterCompatibility(schema, old);
                if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(name + " cannot read " + HISTORY.relativize(version) + ": " + result.getResult().getIncompatibilities());
                }
            }
            boolean recorded = !versions.isEmpty() && new Schema.Parser()
                    .parse(Files.readString(versions.get(versions.size() - 1))).equals(schema)
                    && Files.readString(versions.get(versions.size() - 1)).strip().equals(schema.toString(true).strip());
            if (!recorded) {
                if (record) {
                    Path next = HISTORY.resolve(name).resolve("v" + (versions.size() + 1) + ".avsc");
                    Files.createDirectories(next.getParent());
                    Files.writeString(next, schema.toString(true) + "\n", StandardCharsets.UTF_8);
                } else {
                    problems.add(name + " changed but its new version is not in " + HISTORY.resolve(name)
                            + " (run mvn -pl schemas test -Dparley.schemas.record=true once it is compatible)");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void anIncompatibleChangeIsDetected() {
        Schema v1 = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
        Schema v2 = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                        + "{\"name\":\"b\",\"type\":\"long\"}]}");
        assertEquals(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(v2, v1).getType());
    }

    @Test
    void everyFieldOfEveryContractIsDocumented() throws IOException {
        for (Schema schema : currentRecordSchemas().values()) {
            assertDocumented(schema, new ArrayList<>());
        }
    }

    private static void assertDocumented(Schema schema, List<String> seen) {
        if (schema.getType() == Schema.Type.UNION) {
            schema.getTypes().forEach(t -> assertDocumented(t, seen));
            return;
        }
        if (schema.getType() == Schema.Type.ARRAY) {
            assertDocumented(schema.getElementType(), seen);
            return;
        }
        if (schema.getType() == Schema.Type.MAP) {
            assertDocumented(schema.getValueType(), seen);
            return;
        }
        if (schema.getType() != Schema.Type.RECORD || seen.contains(schema.getFullName())) {
            return;
        }
        seen.add(schema.getFullName());
        assertTrue(schema.getDoc() != null && !schema.getDoc().isBlank(), schema.getFullName() + " has no doc");
        for (Schema.Field field : schema.getFields()) {
            assertTrue(field.doc() != null && !field.doc().isBlank(),
                    schema.getFullName() + "." + field.name() + " has no doc");
            assertDocumented(field.schema(), seen);
        }
    }

    /**
     * Parses every .avsc, shared types (common/) included, in an order where each file's named types are known
     * before it: files that refer to types not parsed yet wait for a later round.
     */
    static Map<String, Schema> currentRecordSchemas() throws IOException {
        List<Path> pending;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            pending = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        }
        List<Path> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Path parsed = null;
            for (Path candidate : pending) {
                if (parsesAfter(ordered, candidate)) {
                    parsed = candidate;
                    break;
                }
            }
            if (parsed == null) {
                fail("cannot parse " + pending + ": unknown or circular type references");
            }
            ordered.add(parsed);
            pending.remove(parsed);
        }
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> topLevel = new LinkedHashMap<>();
        for (Path file : ordered) {
            Schema schema = parser.parse(Files.readString(file));
            boolean shared = file.getParent().getFileName().toString().equals("common");
            if (!shared && schema.getType() == Schema.Type.RECORD) {
                topLevel.put(schema.getName(), schema);
            }
        }
        return topLevel;
    }

    private static boolean parsesAfter(List<Path> known, Path candidate) throws IOException {
        Schema.Parser parser = new Schema.Parser();
        for (Path file : known) {
            parser.parse(Files.readString(file));
        }
        try {
            parser.parse(Files.readString(candidate));
            return true;
        } catch (org.apache.avro.AvroRuntimeException e) {
            return false;
        }
    }

    private static List<Path> history(String name) throws IOException {
        Path dir = HISTORY.resolve(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }
}
