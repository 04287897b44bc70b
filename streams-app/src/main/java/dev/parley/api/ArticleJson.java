package dev.parley.api;

import dev.parley.avro.Article;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an article in the API: the Avro fields, ISO dates, stable names. */
final class ArticleJson {

    private ArticleJson() {
    }

    static Map<String, Object> of(Article article) {
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
}
