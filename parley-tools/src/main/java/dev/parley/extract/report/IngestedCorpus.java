package dev.parley.extract.report;

import dev.parley.avro.Article;
import dev.parley.extract.ArticleInput;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.ingest.IngestOutcome;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus folder read by Parley's own ingest ({@link ArticleReader}), exactly as the Kafka pipeline reads it:
 * same paragraphs, publication dates and article ids. An expected-facts file cannot know ingest's ids, so each
 * article also has a key: its origin without the top folder and without the file extension, item suffix kept
 * ("seeds/001_x.txt" → "001_x", "samples/13_agencias.jsonl#2" → "13_agencias#2").
 */
public record IngestedCorpus(List<ArticleInput> articles, Map<String, String> keyByArticleId, List<String> rejected) {

    public IngestedCorpus {
        articles = List.copyOf(articles);
        keyByArticleId = Collections.unmodifiableMap(new LinkedHashMap<>(keyByArticleId));
        rejected = List.copyOf(rejected);
    }

    public static IngestedCorpus read(Path corpus) {
        List<ArticleInput> articles = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()).readPaths(List.of(corpus), outcome -> {
            if (outcome instanceof IngestOutcome.Accepted accepted) {
                Article a = accepted.article();
                articles.add(ArticleInput.of(a));
                keys.put(a.getId(), key(a.getSource().getOrigin()));
            } else if (outcome instanceof IngestOutcome.Rejected r) {
                rejected.add(r.rejection().getOrigin() + ": " + r.rejection().getMessage());
            }
        });
        return new IngestedCorpus(articles, keys, rejected);
    }

    /** The key of an origin: "seeds/001_x.txt" → "001_x", "samples/13_agencias.jsonl#2" → "13_agencias#2". */
    public static String key(String origin) {
        int hash = origin.indexOf('#');
        String path = hash < 0 ? origin : origin.substring(0, hash);
        String item = hash < 0 ? "" : origin.substring(hash);
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + item;
    }

    public String keyOf(String articleId) {
        return keyByArticleId.getOrDefault(articleId, articleId);
    }

    /** The article whose key is given (tests name articles by file). */
    public ArticleInput byKey(String key) {
        return articles.stream().filter(a -> keyOf(a.articleId()).equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no article " + key + " in " + keyByArticleId.values()));
    }
}
