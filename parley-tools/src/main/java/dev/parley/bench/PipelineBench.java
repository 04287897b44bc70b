package dev.parley.bench;

import dev.parley.avro.Article;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ParleyTopics;
import dev.parley.kafka.StreamStage;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.kafka.serde.AvroSerdes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * End-to-end throughput against a baseline, on one broker, same records, same guarantee. Each repetition starts
 * from fresh topics: the articles are produced to the raw topic first, then (a) a pass-through topology copies
 * them raw topic → copy topic with the same Avro serde, then (b) the full pipeline (the stages ParleyNode runs)
 * processes the same raw records. Each clock starts when every stage of that run is RUNNING and stops when (a)
 * the copy topic holds every record (read_committed), or (b) every article has a committed dedup decision and
 * every stage's lag on its inputs is zero. One unmeasured pass-through run goes first (JIT warm-up); a repetition
 * that fails (e.g. producing to just-recreated topics) is retried once from fresh topics, and the log says so.
 */
public final class PipelineBench {

    public static final String COPY_TOPIC = "parley.bench.copy";
    static final String PASS_THROUGH_STAGE = "passthrough";

    public record Repetition(int index, double passThroughSeconds, double fullSeconds, double loadBefore,
                             double loadAfter) {
    }

    public record Report(int articles, String guarantee, String commitIntervalMs, List<Repetition> repetitions,
                         Stats passThrough, Stats full, Stats ratio) {

        public void print(PrintStream out) {
            for (Repetition r : repetitions) {
                out.printf(Locale.ROOT, "repetition %d: pass-through %.2f s = %.1f articles/s; full pipeline %.2f s "
                                + "= %.1f articles/s; ratio %.3f; load average %.2f -> %.2f%n", r.index(),
                        r.passThroughSeconds(), articles / r.passThroughSeconds(), r.fullSeconds(),
                        articles / r.fullSeconds(), r.passThroughSeconds() / r.fullSeconds(), r.loadBefore(),
                        r.loadAfter());
            }
            out.println("RESULT pass-through articles/s: " + passThrough.describe("articles/s"));
            out.println("RESULT full pipeline articles/s: " + full.describe("articles/s"));
            out.printf(Locale.ROOT, "RESULT ratio full/pass-through: %s (target >= 0.5: %s)%n", ratio.describe("x", 3),
                    ratio.median() >= 0.5 ? "met" : "NOT met");
        }
    }

    private PipelineBench() {
    }

    /**
     * @param stages the full pipeline as ParleyNode builds it, for a given configuration (application id)
     */
    public static Report run(BenchEnvironment env, List<Article> articles, int repetitions,
                             Function<ParleyConfig, List<StreamStage>> stages, PrintStream log) throws Exception {
        List<Repetition> reps = new ArrayList<>();
        // One unmeasured pass-through first, so the JIT warm-up of the client and serde code is not charged to it.
        env.freshTopics(List.of(COPY_TOPIC));
        env.produce(articles);
        passThrough(env.config().with(Map.of(ParleyConfig.APPLICATION_ID, "bench-pt-warm-up")), articles.size());
        for (int i = 1; i <= repetitions; i++) {
            for (int attempt = 1; ; attempt++) {
                try {
                    reps.add(repetition(env, articles, i, stages, log));
                    break;
                } catch (IllegalStateException e) {
                    if (attempt == 2) {
                        throw e;
                    }
                    log.println("  repetition " + i + " failed (" + e.getMessage() + "); once more from fresh topics");
                }
            }
        }
        int n = articles.size();
        return new Report(n, env.config().getString(ParleyConfig.PROCESSING_GUARANTEE),
                env.config().require(ParleyConfig.COMMIT_INTERVAL_MS), reps,
                Stats.of(reps.stream().map(r -> n / r.passThroughSeconds()).toList()),
                Stats.of(reps.stream().map(r -> n / r.fullSeconds()).toList()),
                Stats.of(reps.stream().map(r -> r.passThroughSeconds() / r.fullSeconds()).toList()));
    }

    private static Repetition repetition(BenchEnvironment env, List<Article> articles, int i,
                                         Function<ParleyConfig, List<StreamStage>> stages, PrintStream log)
            throws Exception {
        env.freshTopics(List.of(COPY_TOPIC));
        env.produce(articles);
        double loadBefore = Machine.loadAverage();
        double passThrough = passThrough(env.config().with(Map.of(ParleyConfig.APPLICATION_ID, "bench-pt-" + i)),
                articles.size());
        double full = full(env.config().with(Map.of(ParleyConfig.APPLICATION_ID, "bench-full-" + i)), articles,
                stages, log);
        log.printf(Locale.ROOT, "  repetition %d: pass-through %.2f s, full %.2f s%n", i, passThrough, full);
        return new Repetition(i, passThrough, full, loadBefore, Machine.loadAverage());
    }

    static StreamStage passThroughStage(ParleyConfig config) {
        Map<String, Object> client = config.clientConfig();
        Serde<String> keys = AvroSerdes.key(String.class, client);
        Serde<Article> values = AvroSerdes.value(Article.class, client);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(ParleyTopics.ARTICLES_RAW, Consumed.with(keys, values)).to(COPY_TOPIC, Produced.with(keys, values));
        return new StreamStage(PASS_THROUGH_STAGE, builder.build());
    }

    private static double passThrough(ParleyConfig config, int count) throws Exception {
        try (StreamsRuntime streams = StreamsRuntime.start(config, List.of(passThroughStage(config)), null)) {
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("pass-through did not reach RUNNING");
            }
            long start = System.nanoTime();
            long done = Progress.awaitRecords(config, COPY_TOPIC, count, Duration.ofMinutes(10));
            if (done < 0) {
                throw new IllegalStateException("pass-through did not copy every record within 10 minutes");
            }
            return (done - start) / 1e9;
        }
    }

    private static double full(ParleyConfig config, List<Article> articles,
                               Function<ParleyConfig, List<StreamStage>> stagesOf, PrintStream log) throws Exception {
        List<StreamStage> stages = stagesOf.apply(config);
        String appId = config.getString(ParleyConfig.APPLICATION_ID);
        List<String> applicationIds = stages.stream().map(s -> appId + "." + s.name()).toList();
        try (StreamsRuntime streams = StreamsRuntime.start(config, stages, null);
             Progress.Decisions decisions = new Progress.Decisions(config,
                     articles.stream().map(Article::getId).toList());
             Admin admin = Admin.create(config.clientConfig())) {
            if (!streams.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the pipeline did not reach RUNNING: " + streams.states());
            }
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(60).toNanos();
            long lastReport = start;
            int waiting = articles.size();
            while (waiting > 0) {
                waiting = decisions.poll(Duration.ofMillis(100));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting + " articles undecided after 60 minutes");
                }
                if (System.nanoTime() - lastReport > 15_000_000_000L) {
                    lastReport = System.nanoTime();
                    log.printf(Locale.ROOT, "    ... %d/%d decided after %.0f s%n", articles.size() - waiting,
                            articles.size(), (lastReport - start) / 1e9);
                }
            }
            while (Progress.lag(admin, applicationIds) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("stages still lagging after 60 minutes");
                }
                Thread.sleep(100);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
