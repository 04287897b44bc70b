package dev.parley.bench;

import dev.parley.avro.Article;
import dev.parley.avro.SourceFormat;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.ingest.IngestOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' inputs: real texts read at run time, and generated articles turned into ingested Articles. */
public final class BenchArticles {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private BenchArticles() {
    }

    /** The accepted articles under {@code paths} (seeds and samples), as bases for the generator. */
    public static List<CorpusGenerator.Base> bases(List<Path> paths) {
        List<CorpusGenerator.Base> bases = new ArrayList<>();
        new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()).readPaths(paths, outcome -> {
            if (outcome instanceof IngestOutcome.Accepted accepted) {
                bases.add(new CorpusGenerator.Base(accepted.article().getLanguage(), accepted.article().getBody()));
            }
        });
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no readable articles under " + paths);
        }
        return bases;
    }

    /** Generates {@code count} articles over {@code days} days from the texts under {@code paths}. */
    public static List<CorpusGenerator.Generated> generate(List<Path> paths, int count, CorpusGenerator.Shares shares,
                                                           int days, long seed) {
        return new CorpusGenerator(bases(paths)).generate(count, shares, START, Duration.ofDays(days), seed);
    }

    /** Each generated article through the ordinary ingest path (JSON Lines), as the raw topic would carry it. */
    public static List<Article> ingested(List<CorpusGenerator.Generated> generated) {
        ArticleReader reader = new ArticleReader(IngestLimits.defaults(), Clock.systemUTC());
        List<Article> articles = new ArrayList<>(generated.size());
        for (CorpusGenerator.Generated g : generated) {
            for (IngestOutcome o : reader.readBytes("bench:" + g.index(),
                    g.toJsonLine().getBytes(StandardCharsets.UTF_8), SourceFormat.JSON_LINES)) {
                if (o instanceof IngestOutcome.Accepted accepted) {
                    articles.add(accepted.article());
                } else {
                    throw new IllegalStateException("generated article " + g.index() + " rejected: " + o);
                }
            }
        }
        return articles;
    }
}
