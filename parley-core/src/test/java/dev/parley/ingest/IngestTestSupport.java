package dev.parley.ingest;

import dev.parley.avro.Article;
import dev.parley.avro.RejectedInput;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: one reader (the language models load once per JVM) and outcome helpers. */
final class IngestTestSupport {

    static final Instant NOW = Instant.parse("2026-11-23T11:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ArticleReader READER = new ArticleReader(IngestLimits.defaults(), CLOCK);

    private IngestTestSupport() {
    }

    static Path seedsDir() {
        return Path.of(System.getProperty("parley.seeds.dir"));
    }

    static Path samplesDir() {
        return Path.of(System.getProperty("parley.samples.dir"));
    }

    static List<IngestOutcome> readPaths(ArticleReader reader, Path... paths) {
        List<IngestOutcome> out = new ArrayList<>();
        reader.readPaths(List.of(paths), out::add);
        return out;
    }

    static List<Article> articles(List<IngestOutcome> outcomes) {
        return outcomes.stream().filter(IngestOutcome.Accepted.class::isInstance)
                .map(o -> ((IngestOutcome.Accepted) o).article()).toList();
    }

    static List<RejectedInput> rejections(List<IngestOutcome> outcomes) {
        return outcomes.stream().filter(IngestOutcome.Rejected.class::isInstance)
                .map(o -> ((IngestOutcome.Rejected) o).rejection()).toList();
    }

    static Article onlyArticle(List<IngestOutcome> outcomes) {
        if (outcomes.size() != 1 || !(outcomes.get(0) instanceof IngestOutcome.Accepted accepted)) {
            throw new AssertionError("expected one accepted article, got " + outcomes);
        }
        return accepted.article();
    }

    static RejectedInput onlyRejection(List<IngestOutcome> outcomes) {
        if (outcomes.size() != 1 || !(outcomes.get(0) instanceof IngestOutcome.Rejected rejected)) {
            throw new AssertionError("expected one rejection, got " + outcomes);
        }
        return rejected.rejection();
    }
}
