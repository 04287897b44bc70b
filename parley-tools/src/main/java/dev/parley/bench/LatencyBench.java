package dev.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.avro.Article;
import dev.parley.cli.ParleyNode;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.IngestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Produce → visible latency of the whole node (ParleyNode: broker, registry, every stage, the HTTP API) under its
 * processing guarantee. Articles are published at a steady rate through the node's own publisher; pollers ask
 * {@code GET /api/articles/{id}} for every article not yet seen until its dedup view is there (status no longer
 * PENDING: raw topic → dedup stage → clusters topic → views stage → store → API). The time from the publish call
 * to the first such answer is the latency; the pollers' pass time bounds its resolution and is reported.
 */
public final class LatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Report(double rate, String commitIntervalMs, String guarantee, int warmUp, int measured,
                         int visible, double p50, double p99, double max, double meanPassMs, double loadAverage) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "RESULT latency at %.0f articles/s, commit interval %s ms, %s: %d/%d visible; "
                            + "p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 <= 250 ms: %s); poll pass %.1f ms; "
                            + "load average %.2f%n", rate, commitIntervalMs, guarantee, visible, measured, p50, p99,
                    max, visible == measured && p99 <= 250 ? "met" : "NOT met", meanPassMs, loadAverage);
        }
    }

    private LatencyBench() {
    }

    public static Report run(List<Article> articles, int warmUp, double rate, Map<String, String> overrides,
                             boolean keep, PrintStream log) throws Exception {
        Path dataDir = Files.createTempDirectory("parley-bench-latency-");
        Map<String, String> settings = new java.util.HashMap<>(Map.of(ParleyConfig.DATA_DIR, dataDir.toString(),
                ParleyConfig.KAFKA_PORT, "0", ParleyConfig.REGISTRY_PORT, "0", ParleyConfig.HTTP_PORT, "0"));
        settings.putAll(overrides);
        ParleyConfig config = ParleyConfig.of(settings);
        try (ParleyNode node = ParleyNode.start(config, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            long readyBy = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!node.streams().ready()) {
                if (System.nanoTime() > readyBy) {
                    throw new IllegalStateException("node not ready: " + node.streams().readiness());
                }
                Thread.sleep(100);
            }
            return measure(node, articles, warmUp, rate, log);
        } finally {
            if (!keep) {
                BenchEnvironment.deleteRecursively(dataDir);
            }
        }
    }

    private static Report measure(ParleyNode node, List<Article> articles, int warmUp, double rate, PrintStream log)
            throws Exception {
        String base = "http://127.0.0.1:" + node.httpPort() + "/api/articles/";
        ConcurrentSkipListMap<Integer, Long> outstanding = new ConcurrentSkipListMap<>();
        long[] sent = new long[articles.size()];
        long[] seen = new long[articles.size()];
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Double> passMs = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int pollers = 2;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < pollers; t++) {
            int lane = t;
            Thread poller = new Thread(() -> {
                while (producing.get() || !outstanding.isEmpty()) {
                    long passStart = System.nanoTime();
                    int asked = 0;
                    for (Map.Entry<Integer, Long> e : outstanding.entrySet()) {
                        int i = e.getKey();
                        if (i % pollers != lane) {
                            continue;
                        }
                        asked++;
                        if (visible(http, base + articles.get(i).getId())) {
                            seen[i] = System.nanoTime();
                            outstanding.remove(i);
                        }
                    }
                    if (asked > 0) {
                        passMs.add((System.nanoTime() - passStart) / 1e6);
                    }
                    LockSupport.parkNanos(2_000_000);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }, "bench-poller-" + t);
            poller.setDaemon(true);
            poller.start();
            threads.add(poller);
        }
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        double loadDuring = 0;
        for (int i = 0; i < articles.size(); i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sent[i] = System.nanoTime();
            outstanding.put(i, sent[i]);
            node.publisher().publish(new IngestOutcome.Accepted(articles.get(i)));
            if (i == articles.size() / 2) {
                loadDuring = Machine.loadAverage();
            }
            if (i > 0 && i % (int) Math.max(1, rate * 10) == 0) {
                log.printf(Locale.ROOT, "    ... %d published, %d not yet visible%n", i, outstanding.size());
            }
        }
        node.publisher().flush(Duration.ofMinutes(1));
        producing.set(false);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        threads.forEach(Thread::interrupt);
        outstanding.clear();
        for (Thread t : threads) {
            t.join(10_000);
        }
        List<Double> latencies = new ArrayList<>();
        int measured = 0;
        for (int i = warmUp; i < articles.size(); i++) {
            measured++;
            if (seen[i] > 0) {
                latencies.add((seen[i] - sent[i]) / 1e6);
            }
        }
        double meanPass = passMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        ParleyConfig config = node.config();
        return new Report(rate, config.require(ParleyConfig.COMMIT_INTERVAL_MS), config.getString(ParleyConfig.PROCESSING_GUARANTEE),
                warmUp, measured, latencies.size(), Stats.percentile(latencies, 50), Stats.percentile(latencies, 99),
                latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), meanPass, loadDuring);
    }

    private static boolean visible(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode json = JSON.readTree(response.body());
            String status = json.path("dedup").path("status").asText("");
            return !status.isEmpty() && !status.equals("PENDING");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
