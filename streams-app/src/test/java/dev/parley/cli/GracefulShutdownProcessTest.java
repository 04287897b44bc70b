package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.testing.Await;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley run} in its own JVM, stopped with SIGTERM: the stages close (leaving their groups), the embedded
 * broker stops last; {@code parley rebuild} resets the stopped instance, and the restart on the same data directory
 * rebuilds the article store from the raw log with every article still there.
 */
@Tag("integration")
class GracefulShutdownProcessTest {

    @TempDir
    Path dir;

    @Test
    void sigtermClosesTheStagesThenTheBrokerAndARebuiltRestartHasEverything() throws Exception {
        Path data = dir.resolve("data");
        int httpPort = ParleyNode.freePort();
        String[] args = {"run", "--data-dir", data.toString(), "--http-port", String.valueOf(httpPort),
                "--kafka-port", String.valueOf(ParleyNode.freePort()), "--registry-port", String.valueOf(ParleyNode.freePort())};
        String id;
        try (ParleyProcess parley = ParleyProcess.start(dir.resolve("first.log"), httpPort, args)) {
            parley.awaitReady(Duration.ofMinutes(2));
            HttpResponse<String> posted = parley.post("/api/articles", dev.parley.api.IngestToken.read(data), "{\"title\":\"Llamada\",\"publishedAt\":\"2026-02-03\","
                    + "\"body\":\"La canciller y su homólogo hablaron por teléfono sobre la frontera y las visas de trabajo.\"}");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            id = new ObjectMapper().readTree(posted.body()).path("id").asText();
            awaitStatus(parley, "/api/articles/" + id, 200);

            int exit = parley.terminate(Duration.ofSeconds(60));
            assertThat(exit).isIn(0, 143);
            List<String> stops = parley.output().lines().filter(l -> l.contains("Stopped ")).toList();
            assertThat(stops).as(parley.output()).isNotEmpty();
            assertThat(stops.get(stops.size() - 1)).contains("Stopped EmbeddedKafkaBroker");
            assertThat(String.join("\n", stops)).contains("Stopped StreamsRuntime");
            assertThat(parley.output()).contains("Stage dedup closed").contains("Stage catalog closed")
                    .doesNotContain("Exception in thread");
        }
        // Embedded mode: rebuild starts the broker from the data directory for the reset, then the restart rebuilds.
        String[] rebuildArgs = args.clone();
        rebuildArgs[0] = "rebuild";
        try (ParleyProcess rebuild = ParleyProcess.start(dir.resolve("rebuild.log"), 0, rebuildArgs)) {
            assertThat(rebuild.process().waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(rebuild.process().exitValue()).as(rebuild.output()).isZero();
            assertThat(rebuild.output()).contains("Reset done").contains("parley.catalog-parley-articles-changelog");
        }
        try (ParleyProcess again = ParleyProcess.start(dir.resolve("second.log"), httpPort, args)) {
            again.awaitReady(Duration.ofMinutes(2));
            awaitStatus(again, "/api/articles/" + id, 200);
            again.terminate(Duration.ofSeconds(60));
        }
    }

    private static void awaitStatus(ParleyProcess parley, String path, int status) throws Exception {
        Await.until(path + " to answer " + status, Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> parley.get(path).statusCode(), code -> code == status);
    }
}
