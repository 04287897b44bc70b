package dev.parley.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's state: subjects with their versions, global schema ids, compatibility levels. Ids are global
 * (the same schema under two subjects has one id), as in Confluent's registry. Schemas are identified by their
 * full JSON form, not the parsing canonical form, because defaults and docs matter to readers.
 * Not thread-safe: callers synchronise.
 */
public final class SchemaStore {

    /** A change to replay into another store: what the embedded registry writes to its Kafka topic. */
    public sealed interface Change permits SchemaVersionAdded, CompatibilitySet {
    }

    public record SchemaVersionAdded(String subject, int version, int id, String schema) implements Change {
    }

    /** {@code subject} null sets the global level. */
    public record CompatibilitySet(String subject, CompatibilityLevel level) implements Change {
    }

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = 1;

    public static Schema parse(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException e) {
            throw new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
                    "Invalid Avro schema: " + e.getMessage(), e);
        }
    }

    /**
     * What registering the schema would change: empty when it is already registered under the subject, else the
     * new version; throws 409 when the subject's compatibility level forbids it. Nothing is applied yet.
     */
    public Optional<SchemaVersionAdded> planRegistration(String subject, Schema schema) {
        String text = schema.toString();
        List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
        for (RegisteredSchema v : versions) {
            if (v.schema().toString().equals(text)) {
                return Optional.empty();
            }
        }
        CompatibilityLevel level = compatibility(subject);
        if (!level.allows(schema, versions.stream().map(RegisteredSchema::schema).toList())) {
            throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\" (compatibility " + level + ")");
        }
        int id = idsBySchemaText.getOrDefault(text, nextId);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        return Optional.of(new SchemaVersionAdded(subject, version, id, text));
    }

    public void apply(Change change) {
        if (change instanceof SchemaVersionAdded added) {
            Schema schema = parse(added.schema());
            schemasById.putIfAbsent(added.id(), schema);
            idsBySchemaText.putIfAbsent(schema.toString(), added.id());
            nextId = Math.max(nextId, added.id() + 1);
            subjects.computeIfAbsent(added.subject(), s -> new ArrayList<>())
                    .add(new RegisteredSchema(added.subject(), added.version(), added.id(), schema));
        } else if (change instanceof CompatibilitySet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        }
    }

    public Optional<RegisteredSchema> find(String subject, Schema schema) {
        String text = schema.toString();
        return subjects.getOrDefault(subject, List.of()).stream()
                .filter(v -> v.schema().toString().equals(text)).findFirst();
    }

    public Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    public List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    public List<RegisteredSchema> versions(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.");
        }
        return List.copyOf(versions);
    }

    /** {@code version} is a number or "latest". */
    public RegisteredSchema version(String subject, String version) {
        List<RegisteredSchema> versions = versions(subject);
        if ("latest".equals(version) || "-1".equals(version)) {
            return versions.get(versions.size() - 1);
        }
        try {
            int wanted = Integer.parseInt(version);
            return versions.stream().filter(v -> v.version() == wanted).findFirst()
                    .orElseThrow(() -> new SchemaRegistryException(SchemaRegistryException.VERSION_NOT_FOUND,
                            "Version " + version + " not found."));
        } catch (NumberFormatException e) {
            throw new SchemaRegistryException(42202, "The specified version '" + version + "' is not a valid version");
        }
    }

    public CompatibilityLevel compatibility(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    public boolean isCompatible(String subject, Schema schema) {
        List<Schema> previous = subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::schema).toList();
        return compatibility(subject).allows(schema, previous);
    }
}
