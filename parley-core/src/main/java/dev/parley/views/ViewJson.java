package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.avro.Article;
import dev.parley.avro.DedupDecision;
import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the views, shared by the API, the internal query endpoints and the live feed: stable field
 * names, ISO-8601 instants, enums by name. Sources are objects with the article id and its origin as ingested.
 */
public final class ViewJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ViewJson() {
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static Map<String, Object> article(Article article) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("origin", article.getSource().getOrigin());
        source.put("format", article.getSource().getFormat().name());
        source.put("outlet", article.getSource().getOutlet());
        source.put("url", article.getSource().getUrl());
        source.put("feed", article.getSource().getFeed());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", article.getId());
        json.put("source", source);
        json.put("title", article.getTitle());
        json.put("language", article.getLanguage());
        json.put("publishedAt", article.getPublishedAt().toString());
        json.put("publishedPrecision", article.getPublishedPrecision().name());
        json.put("publishedAtSource", article.getPublishedAtSource().name());
        json.put("ingestedAt", article.getIngestedAt().toString());
        json.put("contentHash", article.getContentHash());
        json.put("metadata", article.getMetadata());
        json.put("body", article.getBody());
        return json;
    }

    public static Map<String, Object> statement(ReprintedStatement s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.getId());
        json.put("canonicalArticleId", s.getCanonicalArticleId());
        json.put("firstSeen", s.getFirstSeen().toString());
        json.put("text", s.getCanonicalText());
        // A statement can sit in several regions of one article: reprints are counted by article.
        json.put("reprintCount", s.getReprints().stream().map(StatementReprint::getArticleId).distinct().count());
        json.put("outlets", List.copyOf(s.getOutlets()));
        json.put("reprints", s.getReprints().stream().map(ViewJson::reprint).toList());
        json.put("algorithmVersion", s.getAlgorithmVersion());
        return json;
    }

    private static Map<String, Object> reprint(StatementReprint r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articleId", r.getArticleId());
        json.put("origin", r.getOrigin());
        json.put("outlet", r.getOutlet());
        json.put("canonical", r.getCanonical());
        json.put("charStart", r.getCharStart());
        json.put("charEnd", r.getCharEnd());
        json.put("similarity", r.getSimilarity());
        json.put("derivation", r.getDerivation().name());
        json.put("share", r.getShare());
        return json;
    }

    /**
     * Any Avro record as JSON, field by field in schema order: strings, numbers and booleans as they are, enums by
     * name, timestamps and dates in ISO-8601, nested records, arrays and maps recursively; bytes are left out.
     * Views whose records are the API's shape (events, commitments) need no hand-written mapping.
     */
    public static Map<String, Object> record(IndexedRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = plain(record.get(field.pos()));
            if (value != BYTES) {
                json.put(field.name(), value);
            }
        }
        return json;
    }

    private static final Object BYTES = new Object();

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>
                || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof IndexedRecord nested) {
            return record(nested);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ViewJson::plain).filter(v -> v != BYTES).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> json = new java.util.TreeMap<>(); // sorted: an Avro map read back is a HashMap
            map.forEach((k, v) -> json.put(String.valueOf(k), plain(v)));
            return json;
        }
        if (value instanceof ByteBuffer || value instanceof byte[]) {
            return BYTES;
        }
        return value.toString();
    }

    public static Map<String, Object> decision(DedupDecision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articleId", d.getArticleId());
        json.put("publishedAt", d.getPublishedAt().toString());
        json.put("kind", d.getKind().name());
        json.put("canonicalId", d.getCanonicalId());
        json.put("clusterId", d.getClusterId());
        json.put("jaccard", d.getJaccard());
        json.put("containment", d.getContainment());
        json.put("method", d.getMethod());
        json.put("event", d.getEvent().name());
        json.put("algorithmVersion", d.getAlgorithmVersion());
        return json;
    }
}
