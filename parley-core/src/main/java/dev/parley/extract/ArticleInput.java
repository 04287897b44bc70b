package dev.parley.extract;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One (deduplicated) article as the extractor needs it. publishedAt is the article's date in its own calendar
 * (relative expressions such as "este jueves" resolve against it).
 */
public record ArticleInput(String articleId, String origin, LocalDate publishedAt, String language, String title,
                           String body) {

    public ArticleInput {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        language = language == null ? "und" : language;
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        origin = origin == null ? "" : origin;
    }

    /** From an ingested article, as the Kafka stage and the report both receive it. */
    public static ArticleInput of(dev.parley.avro.Article article) {
        return fromInstant(article.getId(), article.getSource().getOrigin(), article.getPublishedAt(),
                article.getLanguage(), article.getTitle(), article.getBody());
    }

    /** From an ingested article's instant: its calendar day in UTC (Avro Article.publishedAt is UTC millis). */
    public static ArticleInput fromInstant(String articleId, String origin, java.time.Instant publishedAt,
                                           String language, String title, String body) {
        return new ArticleInput(articleId, origin, LocalDate.ofInstant(publishedAt, java.time.ZoneOffset.UTC),
                language, title, body);
    }

    /** Title and body as one text; spans of all facts point into this text. */
    public String text() {
        return title.isBlank() ? body : title + "\n\n" + body;
    }
}
