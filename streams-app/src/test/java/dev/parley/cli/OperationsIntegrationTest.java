package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics and /health/ready of a running node, on the real in-process broker. */
@Tag("integration")
class OperationsIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir"));
    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static ParleyNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNodes.start(dataDir, new PrintStream(new ByteArrayOutputStream()), Map.of());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void readinessNamesEveryStageAndMetricsCountWhatReachedTheTopics() throws Exception {
        HttpResponse<String> ready = await("/health/ready", r -> r.statusCode() == 200);
        JsonNode stages = new ObjectMapper().readTree(ready.body()).path("stages");
        assertThat(stages.path("catalog").asText()).isEqualTo("READY");
        assertThat(stages.path("dedup").asText()).isEqualTo("READY");

        Files.write(dataDir.resolve("bad.txt"), new byte[] {(byte) 0xC3, 0x28});
        ArticlePublisher.Summary summary = Ingestion.ingest(List.of(SEEDS.toString(), SAMPLES.toString(),
                dataDir.resolve("bad.txt").toString()), node.reader(), node.publisher());
        long accepted = summary.accepted();
        assertThat(accepted).isGreaterThan(15);

        HttpResponse<String> metrics = await("/metrics", r -> value(r.body(), "parley_articles_accepted_total", "") >= accepted
                && value(r.body(), "parley_end_to_end_lag_seconds_count", "") >= accepted
                && value(r.body(), "parley_duplicates_total", "") >= 1);
        String body = metrics.body();
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(value(body, "parley_articles_accepted_total", "")).isEqualTo(accepted);
        assertThat(value(body, "parley_articles_rejected_total", "reason=\"INVALID_ENCODING\",stage=\"ingest.file\""))
                .isEqualTo(1);
        assertThat(value(body, "parley_statements_updates_total", "")).isPositive();
        assertThat(body).contains("jvm_memory_used_bytes").contains("process_cpu_usage")
                // Kafka Streams metrics of both stages, through Micrometer's binder
                .containsPattern("kafka_stream_thread_process_total\\{[^}]*stage=\"catalog\"")
                .containsPattern("kafka_stream_thread_process_total\\{[^}]*stage=\"dedup\"")
                .contains("parley_topic_records_total{topic=\"parley.articles.clusters\"}")
                .contains("parley_end_to_end_lag_seconds_bucket{le=\"300.0\"}");
        assertThat(value(body, "parley_end_to_end_lag_seconds_bucket", "le=\"1800.0\"")).isEqualTo(accepted);
    }

    /** Sum of the samples of a metric whose labels contain {@code labels}. */
    static double value(String scrape, String metric, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    private static HttpResponse<String> await(String path, java.util.function.Predicate<HttpResponse<String>> ok)
            throws Exception {
        return Await.until(path + " to satisfy the condition", Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()), ok);
    }
}
