package dev.parley.extract.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.ArticleInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the articles an expected-facts file lists, for the report only (the Kafka path gets them from ingestion).
 * A file entry is a path, or "path#n" for the n-th record of a .jsonl file or the n-th item of an RSS feed.
 * Plain text may start with a "---" front-matter block (title, date) or a legacy " date YYYY-MM-DD " line; HTML
 * gives the text of its article element. The publication date comes from the expected-facts file when given,
 * else from the file itself, else the file's modification time (as ingestion's fallback does).
 */
public final class Corpus {

    private static final Pattern LEGACY_DATE = Pattern.compile("^\\s*date:?\\s+(\\d{4}-\\d{2}-\\d{2})\\s*");
    private static final Pattern FRONT_MATTER = Pattern.compile("(?s)^---\\n(.*?)\\n---\\n");

    private Corpus() {
    }

    public record Meta(String file, LocalDate publishedAt, String language) {
    }

    public static List<ArticleInput> read(Path dir, Map<String, Meta> meta) {
        List<ArticleInput> out = new ArrayList<>();
        for (Meta m : meta.values()) {
            String[] parts = m.file().split("#", 2);
            Path file = dir.resolve(parts[0]);
            int item = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            String id = m.file().replaceFirst("\\.[^.#]+(#|$)", "$1");
            try {
                String raw = Files.readString(file, StandardCharsets.UTF_8);
                LocalDate mtime = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
                out.add(parse(id, file, raw, item, m, mtime));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static ArticleInput parse(String id, Path file, String raw, int item, Meta m, LocalDate mtime)
            throws IOException {
        String name = file.getFileName().toString();
        String title = "";
        String body;
        LocalDate found = null;
        if (name.endsWith(".jsonl")) {
            String line = raw.lines().filter(l -> !l.isBlank()).toList().get(item - 1);
            JsonNode n = new ObjectMapper().readTree(line);
            title = n.path("title").asText("");
            body = n.hasNonNull("body") ? n.get("body").asText() : n.path("text").asText("");
            String date = n.hasNonNull("publishedAt") ? n.get("publishedAt").asText() : n.path("date").asText(null);
            found = date == null ? null : LocalDate.parse(date.substring(0, 10));
        } else if (name.endsWith(".xml")) {
            Document feed = Jsoup.parse(raw, "", Parser.xmlParser());
            Element it = feed.select("item").get(item - 1);
            title = it.select("title").text();
            body = String.join("\n\n", Jsoup.parse(it.select("description").text()).select("p").eachText());
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            Document doc = Jsoup.parse(raw);
            doc.select("script, style, nav, footer, .ad, .byline").remove();
            Element article = doc.selectFirst("article") != null ? doc.selectFirst("article") : doc.body();
            Element h1 = article.selectFirst("h1");
            title = h1 == null ? "" : h1.text();
            if (h1 != null) {
                h1.remove();
            }
            body = String.join("\n\n", article.select("p").eachText());
            Element published = doc.selectFirst("meta[property=article:published_time]");
            found = published == null ? null : LocalDate.parse(published.attr("content").substring(0, 10));
        } else {
            body = raw;
            Matcher fm = FRONT_MATTER.matcher(body);
            if (fm.find()) {
                for (String line : fm.group(1).split("\n")) {
                    String[] kv = line.split(":\\s*", 2);
                    if (kv.length == 2 && kv[0].strip().equals("title")) {
                        title = kv[1].strip();
                    }
                    if (kv.length == 2 && kv[0].strip().equals("date")) {
                        found = LocalDate.parse(kv[1].strip().substring(0, 10));
                    }
                }
                body = body.substring(fm.end());
            }
            Matcher d = LEGACY_DATE.matcher(body);
            if (d.find()) {
                found = found != null ? found : LocalDate.parse(d.group(1));
                body = body.substring(d.end());
            }
        }
        LocalDate published = m.publishedAt() != null ? m.publishedAt() : found != null ? found : mtime;
        return new ArticleInput(id, file.toString(), published, m.language(), title, body);
    }
}
