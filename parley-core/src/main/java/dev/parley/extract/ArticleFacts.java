package dev.parley.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Everything the extractor reads from one article. */
public record ArticleFacts(String articleId, LocalDate publishedAt, String language, List<ArticleEvent> events,
                           List<ArticleCommitment> commitments, Set<String> actorIds) {

    public static ArticleFacts empty(ArticleInput in) {
        return new ArticleFacts(in.articleId(), in.publishedAt(), in.language(), List.of(), List.of(), Set.of());
    }
}
