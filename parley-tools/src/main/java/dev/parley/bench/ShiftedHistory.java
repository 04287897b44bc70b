package dev.parley.bench;

import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.Passage;
import dev.parley.extract.Quote;
import dev.parley.extract.ResolvedDate;
import dev.parley.extract.Stance;

import java.util.ArrayList;
import java.util.List;

/**
 * A long history built from real extracted facts: episode k is the base facts moved k × {@code stepDays} later,
 * under new article ids. The generated text corpus reports the same few seed events in every article, so it cannot
 * show how the merge grows with history; episodes of real facts spread over time can. Every date moves (event
 * dates, anchors, publication, due dates), by whole weeks when stepDays is a multiple of 7 (so week dates stay weeks).
 */
public final class ShiftedHistory {

    private ShiftedHistory() {
    }

    public static List<ArticleFacts> of(List<ArticleFacts> base, int articles, int stepDays) {
        List<ArticleFacts> out = new ArrayList<>(articles);
        for (int k = 0; out.size() < articles; k++) {
            for (ArticleFacts f : base) {
                if (out.size() == articles) {
                    break;
                }
                out.add(shift(f, k, (long) k * stepDays));
            }
        }
        return out;
    }

    /** The same facts reported by another article id (a re-ingested id whose text changed). */
    public static ArticleFacts renamed(ArticleFacts f, String id) {
        return shift(f, id, 0);
    }

    static ArticleFacts shift(ArticleFacts f, int episode, long days) {
        return shift(f, f.articleId() + "~" + episode, days);
    }

    private static ArticleFacts shift(ArticleFacts f, String id, long days) {
        List<ArticleEvent> events = f.events().stream().map(e -> new ArticleEvent(local(e.localId(), id, f),
                id, e.kind(), e.kinds(), e.participants(), date(e.date(), days), e.dateBasis(),
                e.anchor().plusDays(days), e.placeId(), e.topics(), passages(e.passages(), id),
                e.quotes().stream().map(q -> new Quote(q.text(), q.speakerId(), q.speakerCountry(),
                        passage(q.passage(), id))).toList(),
                e.stances().stream().map(s -> new Stance(s.type(), s.side(), s.term(), passage(s.passage(), id)))
                        .toList())).toList();
        List<ArticleCommitment> commitments = f.commitments().stream().map(c -> new ArticleCommitment(
                local(c.localId(), id, f), id, c.agreedAtLocalEventId() == null ? null
                : local(c.agreedAtLocalEventId(), id, f), c.description(), c.subjectActorId(),
                c.dueDate() == null ? null : date(c.dueDate(), days), c.placeId(), c.parties(),
                passage(c.passage(), id), c.report(), c.countries())).toList();
        return new ArticleFacts(id, f.publishedAt().plusDays(days), f.language(), events, commitments, f.actorIds());
    }

    private static String local(String localId, String id, ArticleFacts f) {
        return localId.startsWith(f.articleId()) ? id + localId.substring(f.articleId().length()) : localId + "~" + id;
    }

    private static ResolvedDate date(ResolvedDate d, long days) {
        return new ResolvedDate(d.first().plusDays(days), d.precision());
    }

    private static List<Passage> passages(List<Passage> ps, String id) {
        return ps.stream().map(p -> passage(p, id)).toList();
    }

    private static Passage passage(Passage p, String id) {
        return p == null ? null : new Passage(id, p.start(), p.end(), p.text());
    }
}
