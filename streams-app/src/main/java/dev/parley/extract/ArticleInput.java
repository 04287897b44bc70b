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

    /** Title and body as one text; spans of all facts point into this text. */
    public String text() {
        return title.isBlank() ? body : title + "\n\n" + body;
    }
}
