package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jar users run (built by `package`, so this runs in failsafe): the application with the embedded broker for the
 * default run, and none of the tools.
 */
@Tag("integration")
class AppJarTest {

    @Test
    void theAppJarHoldsTheEmbeddedBrokerButNoBenchEvalOrReportClass() throws IOException {
        Path jar = Path.of("target/parley.jar");
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("dev/parley/cli/ParleyCommand.class", "dev/parley/dedup/DedupEngine.class",
                    "dev/parley/kafka/EmbeddedKafkaBroker.class", "kafka/server/KafkaRaftServer.class");
            assertThat(names).noneMatch(name -> name.startsWith("dev/parley/tools/")
                    || name.startsWith("dev/parley/bench/") || name.startsWith("dev/parley/eval/")
                    || name.startsWith("dev/parley/dedup/eval/")
                    || name.startsWith("dev/parley/extract/report/"));
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.parley.cli.ParleyCommand");
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
