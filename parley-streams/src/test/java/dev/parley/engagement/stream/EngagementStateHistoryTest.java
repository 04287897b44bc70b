package dev.parley.engagement.stream;

import dev.parley.extract.ActorType;
import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DateBasis;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.EventKind;
import dev.parley.extract.Lexicon;
import dev.parley.extract.Participant;
import dev.parley.extract.Passage;
import dev.parley.extract.Quote;
import dev.parley.extract.ResolvedDate;
import dev.parley.extract.Stance;
import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateHistoryContract;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The recorded history of the engagement stage's facts (store values and the merge repartition's payload). */
class EngagementStateHistoryTest extends StateHistoryContract {

    @Override
    protected List<StateFormat<?>> formats() {
        return EngagementStateFormats.all();
    }

    /**
     * Sets are unordered, as Jackson restores them (the recursive comparison checks their elements), and iterate in
     * the same order in every JVM: hash sets of strings, an EnumSet (enum hash codes change from run to run).
     */
    @Override
    protected Map<String, Object> samples() {
        String article = "a-1f2e";
        Passage meetingText = new Passage(article, 0, 74,
                "El canciller Juan Ramón de la Fuente se reunió con Marco Rubio en Washington.");
        Passage quoteText = new Passage(article, 75, 140, "\"Acordamos trabajar juntos\", dijo De la Fuente.");
        Passage commitmentText = new Passage(article, 141, 205, "Ambos gobiernos se reunirán de nuevo en marzo.");
        ArticleEvent meeting = new ArticleEvent("e1", article, EventKind.MEET_VISIT,
                EnumSet.of(EventKind.MEET_VISIT, EventKind.CONSULT_CALL),
                List.of(new Participant("mx-sre-delafuente", "Juan Ramón de la Fuente", ActorType.PERSON, "MX",
                                Participant.Role.INITIATOR),
                        new Participant("us-state-rubio", "Marco Rubio", ActorType.PERSON, "US", Participant.Role.TARGET)),
                new ResolvedDate(LocalDate.of(2025, 1, 10), DatePrecision.DAY), DateBasis.EXPLICIT, LocalDate.of(2025, 1, 11),
                "washington-dc", new HashSet<>(List.of("security", "migration")), List.of(meetingText),
                List.of(new Quote("Acordamos trabajar juntos", "mx-sre-delafuente", "MX", quoteText)),
                List.of(new Stance(Lexicon.StanceType.CONCILIATION, "MX", "trabajar juntos", quoteText)));
        ArticleCommitment again = new ArticleCommitment("c1", article, "e1", "se reunirán de nuevo", "mx-sre-delafuente",
                new ResolvedDate(LocalDate.of(2025, 3, 1), DatePrecision.MONTH), "mexico-city", List.of("MX", "US"),
                commitmentText, ArticleCommitment.Report.AGREED, List.of("MX", "US"));
        ArticleFacts facts = new ArticleFacts(article, LocalDate.of(2025, 1, 11), "es", List.of(meeting), List.of(again),
                new HashSet<>(List.of("mx-sre-delafuente", "us-state-rubio")));
        return Map.of(EngagementStateFormats.REPORTED_FACTS.name(), new ReportedFacts(facts, "file:samples/001.txt"));
    }
}
