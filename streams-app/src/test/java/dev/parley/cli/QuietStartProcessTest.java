package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user sees: {@code parley run samples/} on a fresh data directory, in its own JVM, logs no ERROR line
 * from the start through the samples' processing by every stage to the stop. (Under transactions v2 the embedded
 * broker logged {@code ReplicaManager … OutOfOrderSequenceException} ERROR lines here: README "A quiet start".)
 */
@Tag("integration")
class QuietStartProcessTest {

    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir", "../samples"));
    private static final List<String> STAGES = List.of("parley.catalog", "parley.dedup", "parley.engagement",
            "parley.views");
    /** A log line at ERROR in the layout of logback-test.xml / logback.xml ({@code HH:mm:ss.SSS LEVEL logger - …}). */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR .*");

    @TempDir
    Path dir;

    @Test
    void aCleanRunOfTheSamplesLogsNoErrorLine() throws Exception {
        int httpPort = ParleyNode.freePort();
        int kafkaPort = ParleyNode.freePort();
        try (ParleyProcess parley = ParleyProcess.start(dir.resolve("run.log"), httpPort, "run",
                "--data-dir", dir.resolve("data").toString(), "--http-port", String.valueOf(httpPort),
                "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(ParleyNode.freePort()),
                SAMPLES.toString())) {
            Await.until("the samples to be ingested", Duration.ofMinutes(3), Duration.ofMillis(200), () -> {
                if (!parley.process().isAlive()) {
                    throw new AssertionError("parley exited with " + parley.process().exitValue() + ":\n"
                            + parley.output());
                }
                return parley.output();
            }, out -> out.contains("Serving;"));
            assertThat(parley.output()).contains("Ingested: 18 accepted, 0 rejected");
            // Every stage has written its outputs and changelogs (the first batches to fresh partitions).
            TopicSnapshots.awaitCaughtUp("127.0.0.1:" + kafkaPort, STAGES, Duration.ofMinutes(3));
            assertThat(parley.terminate(Duration.ofSeconds(60))).isIn(0, 143);

            String log = parley.output();
            List<String> errors = log.lines().filter(l -> ERROR_LINE.matcher(l).matches()).toList();
            assertThat(errors).as("ERROR lines of a clean start").isEmpty();
            assertThat(log).contains("Stopped EmbeddedKafkaBroker").doesNotContain("Exception in thread");
        }
    }
}
