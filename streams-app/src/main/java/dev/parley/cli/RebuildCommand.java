package dev.parley.cli;

import dev.parley.config.ParleyConfig;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.Rebuild;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley rebuild}: with Parley stopped, resets every stage and deletes the derived topics, so the next
 * {@code parley run} rebuilds every view from the raw article log under the current rules (see {@link Rebuild}).
 * With the embedded default, the broker is started from the data directory for the time of the reset.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Reset every stage and derived topic so the next 'parley run' rebuilds all views from the raw log.")
final class RebuildCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--dry-run", description = "Only print what would be deleted.")
    boolean dryRun;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        ParleyConfig config = options.load();
        EmbeddedKafkaBroker broker = null;
        try {
            if (config.embeddedKafka()) {
                broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), "127.0.0.1",
                        config.getInt(ParleyConfig.KAFKA_PORT), Map.of(),
                        config.getInt(ParleyConfig.KAFKA_TRANSACTION_VERSION));
                config = config.with(Map.of(ParleyConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
            }
            config = IngestCommand.withEmbeddedDefaults(config);
            String prefix = config.getString(ParleyConfig.APPLICATION_ID);
            ParleyConfig finalConfig = config;
            List<String> applicationIds = ParleyNode.stages(config).stream().map(s -> prefix + "." + s.name()).toList();
            try (Admin admin = Admin.create(config.clientConfig())) {
                Rebuild.Plan plan = Rebuild.plan(admin, applicationIds, finalConfig.dataDir().resolve("streams"));
                out.println("Stages to reset:   " + String.join(", ", plan.applicationIds()));
                out.println("Internal topics:   " + String.join(", ", plan.internalTopics()));
                out.println("Derived topics:    " + String.join(", ", plan.derivedTopics()));
                out.println("Local state:       " + plan.stateDirectories());
                out.println("Kept:              " + ParleyTopics.ARTICLES_RAW + ", " + ParleyTopics.DEAD_LETTER + ", "
                        + ParleyTopics.REGISTRY_SCHEMAS);
                if (dryRun) {
                    return 0;
                }
                Rebuild.execute(admin, plan, Duration.ofMinutes(2),
                        Duration.ofMillis(config.getInt(ParleyConfig.STREAMS_SESSION_TIMEOUT_MS) + 5_000L));
                ParleyTopics.ensure(admin, config.getInt(ParleyConfig.TOPIC_PARTITIONS),
                        (short) config.getInt(ParleyConfig.TOPIC_REPLICATION_FACTOR));
                out.println("Reset done: the next 'parley run' rebuilds every view from " + ParleyTopics.ARTICLES_RAW + ".");
                return 0;
            } catch (IllegalStateException e) {
                out.println("Rebuild refused: " + e.getMessage());
                return 1;
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
