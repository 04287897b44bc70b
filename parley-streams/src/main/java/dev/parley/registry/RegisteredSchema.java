package dev.parley.registry;

import org.apache.avro.Schema;

/** One version of a subject, as the registry answers {@code GET /subjects/{subject}/versions/{version}}. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
