package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Functional core, Kafka shell: dev.parley.views is plain Java; Kafka lives in dev.parley.views.stream. */
class ViewsArchitectureTest {

    @Test
    void theViewsCoreImportsNoKafka() throws IOException {
        Path core = Path.of("src/main/java/dev/parley/views");
        List<Path> sources;
        try (Stream<Path> files = Files.list(core)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("import org.apache.kafka");
        }
    }
}
