package dev.parley.registry;

import org.apache.avro.Schema;

/** A registry that lives in the client: for topology tests and tools that need no shared ids. */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaStore store = new SchemaStore();

    @Override
    public synchronized int register(String subject, Schema schema) {
        store.planRegistration(subject, schema).ifPresent(store::apply);
        return store.find(subject, schema).orElseThrow().id();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return store.schemaById(id);
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        return store.version(subject, "latest");
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return store.isCompatible(subject, schema);
    }
}
