package dev.parley.ingest;

import dev.parley.avro.Article;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The seed and sample folders (surefire sets their paths) as the pipeline's own reader accepts them. */
public final class Corpora {

    private Corpora() {
    }

    public static Path seeds() {
        return Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    }

    public static Path samples() {
        return Path.of(System.getProperty("parley.samples.dir", "../samples"));
    }

    /** Every article the reader accepts from the folders, in the reader's order. */
    public static List<Article> accepted(Path... folders) {
        List<Article> read = new ArrayList<>();
        new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()).readPaths(List.of(folders), outcome -> {
            if (outcome instanceof IngestOutcome.Accepted accepted) {
                read.add(accepted.article());
            }
        });
        return read;
    }

    /** The one accepted article whose file name starts with the prefix. */
    public static Article file(Path folder, String fileNamePrefix) {
        List<Article> found = accepted(folder).stream()
                .filter(a -> Path.of(a.getSource().getOrigin()).getFileName().toString().startsWith(fileNamePrefix))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " articles from files starting with " + fileNamePrefix);
        }
        return found.get(0);
    }
}
