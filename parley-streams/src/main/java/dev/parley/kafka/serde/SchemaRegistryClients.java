package dev.parley.kafka.serde;

import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.RestSchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * Forgets the clients of a registry on this machine's loopback at {@code port}, by any of its names. An embedded
     * registry that stops may be followed in the same process by another one on the same port with other ids (a
     * fresh data directory, a test after a test): a client kept from the first would write ids the second gives to
     * other schemas, and skip registering the schemas it thinks it knows.
     */
    public static void forgetLoopback(int port) {
        CLIENTS.keySet().removeIf(url -> isLoopback(url, port));
    }

    private static boolean isLoopback(String url, int port) {
        try {
            URI uri = URI.create(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() == port && LOOPBACK_HOSTS.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Forgets a mock registry, so a test starts from an empty one. */
    public static void dropMock(String url) {
        if (url.startsWith("mock://")) {
            CLIENTS.remove(url);
        }
    }
}
