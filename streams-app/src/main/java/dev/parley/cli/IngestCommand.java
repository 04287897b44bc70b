package dev.parley.cli;

import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.kafka.ArticlePublisher;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code parley ingest PATH…}: reads files, folders (recursively) and feed URLs and writes them to the raw article
 * log of a running Parley — the configured cluster, or the embedded one of {@code parley run} on this machine.
 * Exit code 0 when everything was accepted, 2 when something was rejected, 1 on failure.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files, folders or feed URLs into a running Parley's raw article log.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders or RSS/Atom feed URLs.")
    List<String> inputs;

    @Override
    public Integer call() {
        ParleyConfig config = withEmbeddedDefaults(options.load());
        try (ArticlePublisher publisher = new ArticlePublisher(config.clientConfig(), System.err)) {
            ArticleReader reader = new ArticleReader(ParleyNode.limits(config), Clock.systemUTC());
            ArticlePublisher.Summary summary = Ingestion.ingest(inputs, reader, publisher);
            System.out.println(Ingestion.describe(summary));
            return Ingestion.exitCode(summary);
        }
    }

    /** With nothing configured, talk to the embedded broker and registry that {@code parley run} starts here. */
    static ParleyConfig withEmbeddedDefaults(ParleyConfig config) {
        ParleyConfig result = config;
        if (config.embeddedKafka()) {
            result = result.with(Map.of(ParleyConfig.BOOTSTRAP_SERVERS, "localhost:" + config.getInt(ParleyConfig.KAFKA_PORT)));
        }
        if (config.embeddedRegistry()) {
            result = result.with(Map.of(ParleyConfig.SCHEMA_REGISTRY_URL,
                    "http://localhost:" + config.getInt(ParleyConfig.REGISTRY_PORT)));
        }
        return result;
    }
}
