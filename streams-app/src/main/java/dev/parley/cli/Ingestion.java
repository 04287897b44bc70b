package dev.parley.cli;

import dev.parley.ingest.ArticleReader;
import dev.parley.kafka.ArticlePublisher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Feeds files, folders and feed URLs through the reader to the publisher: shared by {@code run} and {@code ingest}. */
final class Ingestion {

    private Ingestion() {
    }

    static ArticlePublisher.Summary ingest(List<String> inputs, ArticleReader reader, ArticlePublisher publisher) {
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            if (input.startsWith("http://") || input.startsWith("https://")) {
                reader.readFeed(URI.create(input), publisher::publish);
            } else {
                paths.add(Path.of(input));
            }
        }
        reader.readPaths(paths, publisher::publish);
        return publisher.flush(Duration.ofMinutes(2));
    }

    static String describe(ArticlePublisher.Summary summary) {
        return "Ingested: " + summary.accepted() + " accepted, " + summary.rejected() + " rejected (see parley.dead-letter)"
                + (summary.failed() > 0 ? ", " + summary.failed() + " FAILED to reach Kafka" : "");
    }

    static int exitCode(ArticlePublisher.Summary summary) {
        if (summary.failed() > 0) {
            return 1;
        }
        return summary.rejected() > 0 ? 2 : 0;
    }
}
