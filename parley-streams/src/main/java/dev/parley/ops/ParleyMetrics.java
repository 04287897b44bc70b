package dev.parley.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * Parley's metrics, scraped at {@code GET /metrics} in the Prometheus text format: JVM and process metrics, the
 * Kafka Streams metrics of every stage (bound by the Kafka layer), and Parley's own pipeline counters. The counters
 * count what reached the topics (read back from them), so they include articles ingested by other processes.
 */
public final class ParleyMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter accepted;
    private final Counter statements;
    private final DistributionSummary lag;

    public ParleyMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        accepted = Counter.builder("parley.articles.accepted")
                .description("Articles written to the raw article log").register(registry);
        statements = Counter.builder("parley.statements.updates")
                .description("Statement records written (a new statement or a new reprint of one)").register(registry);
        lag = DistributionSummary.builder("parley.end.to.end.lag")
                .description("Seconds from an article's ingest to its first dedup decision on the output topics")
                .baseUnit("seconds").serviceLevelObjectives(0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void articleAccepted() {
        accepted.increment();
    }

    /** A dead-letter record: from which stage (ingest.file, streams.deserialize@…) and why. */
    public void rejected(String stage, String reason) {
        Counter.builder("parley.articles.rejected").description("Records written to the dead-letter topic")
                .tag("stage", stage).tag("reason", reason).register(registry).increment();
    }

    /** A dedup decision that marks an article as a copy (first decision or a correction). */
    public void duplicate(String kind) {
        Counter.builder("parley.duplicates").description("Articles found to be copies (exact or near-identical)")
                .tag("kind", kind).register(registry).increment();
    }

    public void statementUpdated() {
        statements.increment();
    }

    /** Any record on a Parley output topic, by topic: covers stages added later (events, commitments…). */
    public void topicRecord(String topic) {
        Counter.builder("parley.topic.records").description("Committed records seen on Parley's topics")
                .tag("topic", topic).register(registry).increment();
    }

    public void endToEndLag(Duration lagTime) {
        lag.record(Math.max(0, lagTime.toMillis()) / 1000.0);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
