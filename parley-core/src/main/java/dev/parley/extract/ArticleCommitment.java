package dev.parley.extract;

import java.util.List;

/**
 * A future meeting or action an article says was agreed or scheduled. dueDate may be null when the article names
 * the body that will meet but not when (another report of the same commitment may).
 */
public record ArticleCommitment(String localId, String articleId, String agreedAtLocalEventId, String description,
                                String subjectActorId, ResolvedDate dueDate, String placeId, List<String> parties,
                                Passage passage) {
}
