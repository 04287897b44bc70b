package dev.parley.cli;

import dev.parley.config.ParleyConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The configuration flags every command shares; each overrides the key named in its description. */
final class ConfigOptions {

    @Option(names = "--config", description = "Properties file (also PARLEY_CONFIG).")
    Path configFile;

    @Option(names = "--data-dir", description = "parley.data.dir (PARLEY_DATA_DIR).")
    String dataDir;

    @Option(names = "--http-port", description = "parley.http.port (PARLEY_HTTP_PORT).")
    Integer httpPort;

    @Option(names = "--kafka-port", description = "parley.kafka.port: the embedded broker's port (PARLEY_KAFKA_PORT).")
    Integer kafkaPort;

    @Option(names = "--registry-port", description = "parley.registry.port: the embedded registry's port (PARLEY_REGISTRY_PORT).")
    Integer registryPort;

    @Option(names = "--bootstrap-servers", description = "bootstrap.servers of an external cluster (KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "schema.registry.url of an external registry (SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    ParleyConfig load() {
        Map<String, String> flags = new HashMap<>();
        put(flags, ParleyConfig.DATA_DIR, dataDir);
        put(flags, ParleyConfig.HTTP_PORT, httpPort);
        put(flags, ParleyConfig.KAFKA_PORT, kafkaPort);
        put(flags, ParleyConfig.REGISTRY_PORT, registryPort);
        put(flags, ParleyConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        put(flags, ParleyConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        return ParleyConfig.load(Optional.ofNullable(configFile), System.getenv(), flags);
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, value.toString());
        }
    }
}
