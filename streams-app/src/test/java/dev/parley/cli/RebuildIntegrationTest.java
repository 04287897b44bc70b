package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ParleyConfig;
import dev.parley.kafka.EmbeddedKafkaBroker;
import dev.parley.kafka.ParleyTopics;
import dev.parley.registry.EmbeddedSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code parley rebuild} on the real broker: every derived topic and the article store after a rebuild from the raw
 * log equal what they were before it; a rebuild is refused while the stages run.
 */
@Tag("integration")
class RebuildIntegrationTest {

    private static final List<String> STAGES = List.of("parley.catalog", "parley.dedup", "parley.engagement", "parley.views");

    @TempDir
    Path dir;

    @Test
    void viewsAfterARebuildEqualViewsBeforeIt() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), "127.0.0.1", 0, Map.of());
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(ParleyTopics.REGISTRY_SCHEMAS,
                     Map.of("bootstrap.servers", broker.bootstrapServers()), "127.0.0.1", 0)) {
            String bootstrap = broker.bootstrapServers();
            Map<String, String> settings = Map.of("parley.data.dir", dir.resolve("data").toString(),
                    "parley.http.port", "0", ParleyConfig.BOOTSTRAP_SERVERS, bootstrap,
                    ParleyNode.INTERNAL_SECRET, "rebuild-test-internal-secret",
                    ParleyConfig.SCHEMA_REGISTRY_URL, registry.url());
            Path archive = dir.resolve("archive.jsonl");
            ArchiveGenerator.write(archive, 400, 11);

            Map<String, Map<String, String>> before;
            try (ParleyNode node = ParleyNode.start(ParleyConfig.of(settings), new PrintStream(new ByteArrayOutputStream()))) {
                assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
                // Seeds and an archive around them: all within the dedup stage's lateness, where its result does not
                // depend on the order it reads the raw log's partitions in (README "Operations", rebuild).
                Ingestion.ingest(List.of(System.getProperty("parley.seeds.dir"), archive.toString()), node.reader(),
                        node.publisher());
                TopicSnapshots.awaitCaughtUp(bootstrap, STAGES, Duration.ofMinutes(3));
                before = TopicSnapshots.snapshot(bootstrap, registry.url());

                String refused = rebuild(bootstrap, registry.url());
                assertThat(refused).contains("Rebuild refused").contains("stop Parley");
            }
            assertThat(before.get(ParleyTopics.ARTICLES_CLUSTERS)).hasSizeGreaterThan(400);
            assertThat(before.get("parley.catalog-parley-articles-changelog")).hasSameSizeAs(before.get(ParleyTopics.ARTICLES_CLUSTERS));
            assertThat(before.get(ParleyTopics.ARTICLES_DUPLICATES)).isNotEmpty();
            assertThat(before.get(ParleyTopics.STATEMENTS)).isNotEmpty();

            String output = rebuild(bootstrap, registry.url());
            assertThat(output).contains("Reset done").contains("parley.dedup-");
            assertThat(TopicSnapshots.compacted(bootstrap, registry.url(), ParleyTopics.ARTICLES_CLUSTERS)).isEmpty();

            try (ParleyNode node = ParleyNode.start(ParleyConfig.of(settings), new PrintStream(new ByteArrayOutputStream()))) {
                assertThat(node.streams().awaitRunning(Duration.ofSeconds(60))).isTrue();
                TopicSnapshots.awaitCaughtUp(bootstrap, STAGES, Duration.ofMinutes(3));
                Map<String, Map<String, String>> after = TopicSnapshots.snapshot(bootstrap, registry.url());
                assertThat(TopicSnapshots.differences(before, after)).isEmpty();
            }
        }
    }

    private String rebuild(String bootstrap, String registryUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RebuildCommand command = new RebuildCommand();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        new CommandLine(command).execute("--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl,
                "--data-dir", dir.resolve("data").toString());
        return out.toString(StandardCharsets.UTF_8);
    }
}
