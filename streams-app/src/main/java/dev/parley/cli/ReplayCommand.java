package dev.parley.cli;

import dev.parley.avro.Article;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestOutcome;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.DecisionWatch;
import dev.parley.ops.LivePacer;
import dev.parley.ops.ReplayProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley replay PATH…}: ingests a historical archive (folders, JSON Lines…) into the raw log with record
 * timestamps = publication times, as fast as possible or paced like live arrival ({@code --speed F}), with progress
 * and a summary of accepted, rejected and duplicate articles (duplicates as decided by the running dedup stage).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay an archive of coverage into the raw article log, preserving event time.")
final class ReplayCommand implements Callable<Integer> {

    enum ProgressMode { AUTO, BAR, LINES, NONE }

    @Mixin
    ConfigOptions options;

    @Option(names = "--speed", paramLabel = "F", description = "Simulate live arrival in publication order, F times "
            + "faster than real time (e.g. 3600: an hour of coverage per second). Default: as fast as possible, in archive order.")
    Double speed;

    @Option(names = "--progress", description = "AUTO (a bar on a terminal, lines otherwise), BAR, LINES or NONE.")
    ProgressMode progress = ProgressMode.AUTO;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", description = "Seconds between progress lines (default 5).")
    double interval = 5;

    @Option(names = "--dedup-wait", paramLabel = "SECONDS", description = "How long to wait for the dedup stage to decide "
            + "the replayed articles, for the duplicate count (default 120; 0: do not wait).")
    long dedupWait = 120;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders of the archive.")
    List<Path> inputs;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        ParleyConfig config = IngestCommand.withEmbeddedDefaults(options.load());
        List<Path> files = ArticleReader.filesOf(inputs);
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += size(f);
        }
        ProgressMode mode = progress == ProgressMode.AUTO ? (System.console() != null ? ProgressMode.BAR : ProgressMode.LINES)
                : progress;
        long start = System.nanoTime();
        ReplayProgress state = new ReplayProgress(totalBytes, start);
        Reporter reporter = new Reporter(state, mode, (long) (interval * 1e9));
        Set<String> ids = new HashSet<>();

        try (ArticlePublisher publisher = new ArticlePublisher(config.clientConfig(), err);
             DecisionWatch watch = new DecisionWatch(config.clientConfig())) {
            ArticleReader reader = new ArticleReader(ParleyNode.limits(config), Clock.systemUTC());
            List<Article> paced = new ArrayList<>();
            reader.readPaths(inputs, outcome -> {
                if (outcome instanceof IngestOutcome.Accepted a) {
                    state.accepted();
                    ids.add(a.article().getId());
                    if (speed == null) {
                        publisher.publish(outcome);
                    } else {
                        paced.add(a.article());
                    }
                } else {
                    state.rejected();
                    publisher.publish(outcome);
                }
                reporter.maybeReport();
            }, file -> {
                state.fileDone(size(file));
                reporter.maybeReport();
            });
            if (speed != null) {
                sendPaced(paced, publisher);
            }
            ArticlePublisher.Summary summary = publisher.flush(Duration.ofMinutes(10));
            reporter.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Replayed %d files in %.1f s: %d accepted, %d rejected (%.0f articles/s)%n",
                    files.size(), seconds, summary.accepted(), summary.rejected(), summary.accepted() / Math.max(seconds, 1e-3));
            if (dedupWait > 0 && !ids.isEmpty()) {
                DecisionWatch.Result result = watch.await(ids, Duration.ofSeconds(dedupWait), Duration.ofSeconds(3));
                out.printf(Locale.ROOT, "Duplicates: %d of %d decided articles%s%n", result.duplicates(), result.decided(),
                        result.decided() < ids.size() ? " (" + (ids.size() - result.decided())
                                + " not decided yet: is the dedup stage running?)" : "");
            }
            if (summary.failed() > 0) {
                out.println(summary.failed() + " FAILED to reach Kafka");
            }
            return Ingestion.exitCode(summary);
        }
    }

    private void sendPaced(List<Article> articles, ArticlePublisher publisher) throws InterruptedException {
        articles.sort(Comparator.comparing(Article::getPublishedAt).thenComparing(Article::getId));
        LivePacer pacer = new LivePacer(speed);
        for (Article article : articles) {
            Duration delay = pacer.delayFor(article.getPublishedAt(), System.nanoTime());
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            }
            publisher.publish(new IngestOutcome.Accepted(article));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Prints the bar (redrawn in place, at most 5 times a second) or a plain line every interval. */
    private final class Reporter {
        private final ReplayProgress state;
        private final ProgressMode mode;
        private final long everyNanos;
        private long last;

        Reporter(ReplayProgress state, ProgressMode mode, long everyNanos) {
            this.state = state;
            this.mode = mode;
            this.everyNanos = mode == ProgressMode.BAR ? 200_000_000L : Math.max(everyNanos, 1);
            this.last = System.nanoTime();
        }

        void maybeReport() {
            long now = System.nanoTime();
            if (mode == ProgressMode.NONE || now - last < everyNanos) {
                return;
            }
            last = now;
            print(now);
        }

        private void print(long now) {
            if (mode == ProgressMode.BAR) {
                err.print("\r" + state.bar(now));
                err.flush();
            } else if (mode == ProgressMode.LINES) {
                err.println(state.line(now));
            }
        }

        void finish() {
            if (mode == ProgressMode.NONE) {
                return;
            }
            print(System.nanoTime());
            if (mode == ProgressMode.BAR) {
                err.println();
            }
        }
    }
}
