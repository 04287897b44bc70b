package dev.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.avro.Article;
import dev.parley.dedup.DedupConfig;
import dev.parley.dedup.DedupEngine;
import dev.parley.dedup.DedupResult;
import dev.parley.dedup.store.InMemoryDedupStores;
import java.util.HashMap;
import java.util.Map;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.ingest.IngestOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A large archive for replay and fault tests, generated from the seeds and samples by controlled, seeded edits: new
 * articles are sentences re-drawn from the corpus' own vocabulary (so they share no passages by accident), plus a
 * known share of whole copies under other outlets and near copies with one sentence changed, published within
 * hours of their original. The archive runs forward in time with a day or so of disorder. Same seed, same archive.
 */
final class ArchiveGenerator {

    record Stats(int articles, int exactCopies, int nearCopies) {
    }

    static final long SPAN_DAYS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OUTLETS = {"Diario del Norte", "La Voz del Sur", "Prairie Ledger", "El Observador",
            "Coastal Times", "Agencia Meridiano", "Heraldo Central", "The Capital Report"};

    private ArchiveGenerator() {
    }

    /** Writes {@code count} JSON Lines articles to {@code file}. */
    static Stats write(Path file, int count, long seed) throws IOException {
        List<String> spanish = new ArrayList<>();
        List<String> english = new ArrayList<>();
        ArticleReader reader = new ArticleReader(IngestLimits.defaults(), Clock.systemUTC());
        List<IngestOutcome> outcomes = new ArrayList<>();
        reader.readPaths(List.of(Path.of(System.getProperty("parley.seeds.dir")),
                Path.of(System.getProperty("parley.samples.dir"))), outcomes::add);
        for (IngestOutcome o : outcomes) {
            if (o instanceof IngestOutcome.Accepted a) {
                Article article = a.article();
                (article.getLanguage().equals("en") ? english : spanish).addAll(words(article.getBody()));
            }
        }
        Random random = new Random(seed);
        Instant first = Instant.parse("2025-11-25T00:00:00Z");
        List<ObjectNode> written = new ArrayList<>();
        int exact = 0;
        int near = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                ObjectNode line;
                double roll = random.nextDouble();
                if (written.size() > 10 && roll < 0.08) {
                    line = written.get(random.nextInt(written.size())).deepCopy();
                    line.put("outlet", OUTLETS[random.nextInt(OUTLETS.length)]);
                    line.put("title", "Copia " + i + ": " + line.path("title").asText());
                    line.put("url", "https://example.org/" + seed + "/copy/" + i);
                    line.put("publishedAt", reprinted(line, random));
                    exact++;
                } else if (written.size() > 10 && roll < 0.12) {
                    line = written.get(random.nextInt(written.size())).deepCopy();
                    String[] sentences = line.path("body").asText().split("(?<=\\.) ");
                    sentences[random.nextInt(sentences.length)] = sentence(random,
                            line.path("language").asText().equals("en") ? english : spanish);
                    line.put("body", String.join(" ", sentences));
                    line.put("url", "https://example.org/" + seed + "/near/" + i);
                    line.put("publishedAt", reprinted(line, random));
                    near++;
                } else {
                    boolean en = random.nextDouble() < 0.3;
                    List<String> vocabulary = en ? english : spanish;
                    StringBuilder body = new StringBuilder();
                    int sentences = 6 + random.nextInt(8);
                    for (int s = 0; s < sentences; s++) {
                        body.append(s == 0 ? "" : " ").append(sentence(random, vocabulary));
                    }
                    line = JSON.createObjectNode();
                    line.put("title", "Nota " + i + " " + vocabulary.get(random.nextInt(vocabulary.size())));
                    line.put("outlet", OUTLETS[random.nextInt(OUTLETS.length)]);
                    line.put("url", "https://example.org/" + seed + "/a/" + i);
                    line.put("language", en ? "en" : "es");
                    // An archive runs forward in time, with some disorder (a day or so), over two months: within the
                    // dedup stage's lateness, so any replay order must give the same copies.
                    long step = SPAN_DAYS * 24 * 3600 / Math.max(1, count);
                    line.put("publishedAt", first.plusSeconds(i * step + random.nextInt(36 * 3600)).toString());
                    line.put("body", body.toString());
                    written.add(line);
                }
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            }
        }
        return new Stats(count, exact, near);
    }

    /** How many copies the dedup core (in memory, no Kafka) finds in a generated archive read in file order. */
    static long copiesFoundByTheCore(Path archive) throws IOException {
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), new InMemoryDedupStores());
        Map<String, Boolean> copy = new HashMap<>();
        int i = 0;
        for (String line : Files.readAllLines(archive, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            DedupResult r = engine.ingest("a" + i++, Instant.parse(n.path("publishedAt").asText()), n.path("body").asText());
            copy.put(r.decision().articleId(), r.decision().kind().isCopy());
            r.corrections().forEach(c -> copy.put(c.articleId(), c.kind().isCopy()));
        }
        return copy.values().stream().filter(Boolean::booleanValue).count();
    }

    /** Reprints appear within hours of the original. */
    private static String reprinted(ObjectNode original, Random random) {
        return Instant.parse(original.path("publishedAt").asText()).plusSeconds(60 + random.nextInt(6 * 3600)).toString();
    }

    private static String sentence(Random random, List<String> vocabulary) {
        int n = 10 + random.nextInt(14);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < n; w++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return s.append('.').toString();
    }

    private static Set<String> words(String body) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : body.toLowerCase().split("[^\\p{L}]+")) {
            if (w.length() > 1) {
                words.add(w);
            }
        }
        return words;
    }
}
