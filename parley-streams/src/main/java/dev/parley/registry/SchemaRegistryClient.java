package dev.parley.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API that Parley's serde needs. Implementations cache: ids and schemas
 * never change once assigned, so a serde asks the registry once per schema and subject.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; {@link SchemaRegistryException} with code 40403 when there is none. */
    Schema schemaById(int id);

    /** The newest version registered under the subject. */
    RegisteredSchema latest(String subject);

    /** Whether the schema could be registered under the subject given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);
}
