package dev.parley.kafka.serde;

import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per registry URL in a process, so every serde shares its id cache. {@code mock://scope} URLs give
 * in-memory registries (as Confluent's serdes do) for topology tests.
 */
public final class SchemaRegistryClients {

    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient forUrl(String url) {
        return CLIENTS.computeIfAbsent(url, u -> u.startsWith("mock://")
                ? new InMemorySchemaRegistryClient()
                : new RestSchemaRegistryClient(u));
    }

    /** Forgets a mock registry, so a test starts from an empty one. */
    public static void dropMock(String url) {
        if (url.startsWith("mock://")) {
            CLIENTS.remove(url);
        }
    }
}
