package dev.parley.registry;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
public enum CompatibilityLevel {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /**
     * Whether {@code candidate} may follow {@code previous} (oldest first). BACKWARD: a reader with the candidate
     * reads data written with the latest; FORWARD: a reader with the latest reads data written with the candidate.
     */
    public boolean allows(Schema candidate, List<Schema> previous) {
        if (this == NONE || previous.isEmpty()) {
            return true;
        }
        List<Schema> checked = name().endsWith("_TRANSITIVE") ? previous : List.of(previous.get(previous.size() - 1));
        boolean backward = this != FORWARD && this != FORWARD_TRANSITIVE;
        boolean forward = this != BACKWARD && this != BACKWARD_TRANSITIVE;
        for (Schema old : checked) {
            if (backward && !canRead(candidate, old)) {
                return false;
            }
            if (forward && !canRead(old, candidate)) {
                return false;
            }
        }
        return true;
    }

    public static boolean canRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
