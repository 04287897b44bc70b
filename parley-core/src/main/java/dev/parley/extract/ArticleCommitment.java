package dev.parley.extract;

import java.util.List;

/**
 * What an article says about a future meeting or action: that it was agreed or scheduled (AGREED: dueDate is when
 * it is due, and may be null when the article names the body that will meet but not when), or that a body's meeting
 * took place (HELD: dueDate is the day it met, null when the article does not say). countries: the parties' states,
 * from the event where it was agreed, the body and the sentence.
 */
public record ArticleCommitment(String localId, String articleId, String agreedAtLocalEventId, String description,
                                String subjectActorId, ResolvedDate dueDate, String placeId, List<String> parties,
                                Passage passage, Report report, List<String> countries) {

    public enum Report { AGREED, HELD }

    public ArticleCommitment {
        report = report == null ? Report.AGREED : report;
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** An agreed commitment whose parties' countries are not known. */
    public ArticleCommitment(String localId, String articleId, String agreedAtLocalEventId, String description,
                             String subjectActorId, ResolvedDate dueDate, String placeId, List<String> parties,
                             Passage passage) {
        this(localId, articleId, agreedAtLocalEventId, description, subjectActorId, dueDate, placeId, parties,
                passage, Report.AGREED, List.of());
    }

    public boolean held() {
        return report == Report.HELD;
    }
}
