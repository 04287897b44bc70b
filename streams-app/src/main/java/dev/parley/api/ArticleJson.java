package dev.parley.api;

import dev.parley.avro.Article;
import dev.parley.views.ViewJson;
import java.util.Map;

/** The JSON shape of an article in the API: the Avro fields, ISO dates, stable names. */
final class ArticleJson {

    private ArticleJson() {
    }

    static Map<String, Object> of(Article article) {
        return ViewJson.article(article);
    }
}
