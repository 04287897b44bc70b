package dev.parley.engagement;

import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DateBasis;
import dev.parley.extract.EventKind;
import dev.parley.extract.ResolvedDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Blocking keys for the merge's two stages. Stage one (events, and which held report fulfils which agreed one):
 * two articles whose facts {@link EngagementMerger} could let influence each other share a key (a PEER key, or a
 * LEFT key one holds and the other holds as RIGHT). Stage two (commitments): two agreed reports that could group
 * share a key. Blocks are connected components, so merging each block alone gives the whole-set merge; a
 * stage-two block reads stage one's results (the events of its reports' articles and those in its due periods).
 *
 * <p>Why each key is enough (the merger's rules, in its order):
 * <ul>
 *   <li>A report's place depends only on clusters that pass both the date test and {@link SameEvent}; SameEvent
 *       needs compatible kinds, hence one kind group, and every date test makes the report's date (or, for an
 *       undated or relative report, the week before its anchor) share a day with the cluster's date, which is a
 *       member's date. So: kind group × every day of a report's reach, PEER ({@code event}).</li>
 *   <li>Countries are left out on purpose: a cluster's country pair is that of the union of its members and can
 *       differ from every member's own pair, and a held meeting's countries come from the commitments it fulfils,
 *       so no per-report pair is a key the merge provably respects.</li>
 *   <li>Agreed commitments group by a due date compatible with a member's (every due day, PEER {@code due}), or
 *       by the body that will meet, when one of the two reports is undated only within the body's horizon
 *       ({@link EngagementMerger#STANDING_BODY_HORIZON_DAYS}) of the other's paper: the paper's week, RIGHT, and
 *       for an undated report every week within the horizon, LEFT ({@code subject}).</li>
 *   <li>A held report fulfils an agreed one by the body (actor id or a shared name token, {@link BodyNames#keys})
 *       and, when the agreed one has a due date, a day in its period ± 1 ({@code fulfils}, agreed LEFT, held RIGHT;
 *       an agreed report without due date is matched on the name alone, under "any").</li>
 *   <li>A commitment is held at a meeting whose date lies in its due period ± 1, or, for an undated meeting,
 *       whose week before the paper meets that period: stage two reads the events starting in
 *       [{@link #heldFrom}, {@link #heldTo}] and re-runs when one of them changes.</li>
 * </ul>
 * The only whole-set input left is the day a commitment becomes overdue against, passed in separately.
 */
public final class MergeBlocks {

    public enum Role { PEER, LEFT, RIGHT }

    public record Key(String name, Role role) {
    }

    private static final int FALLBACK_WINDOW_DAYS = 7;
    /** Two days at most the horizon apart lie in weeks at most this many apart (their Mondays differ by ≤ N + 6). */
    static final int HORIZON_WEEKS = (EngagementMerger.STANDING_BODY_HORIZON_DAYS + 6) / 7;

    private final EngagementMerger merger;

    public MergeBlocks(EngagementMerger merger) {
        this.merger = merger;
    }

    /** The keys of an article's reports and meetings for the first stage (events and which report fulfils which). */
    public Set<Key> keys(ArticleFacts f) {
        Set<Key> out = new HashSet<>();
        for (ArticleEvent e : f.events()) {
            eventKeys(out, e.kind(), e.date(), e.dateBasis(), e.anchor());
        }
        for (ArticleCommitment c : f.commitments()) {
            if (c.held()) {
                // The meeting the report may yield, as the merger builds it.
                boolean dated = c.dueDate() != null;
                eventKeys(out, EventKind.MEET_VISIT, dated ? c.dueDate() : ResolvedDate.day(f.publishedAt()),
                        dated ? DateBasis.EXPLICIT : DateBasis.PUBLICATION_FALLBACK, f.publishedAt());
                for (String token : bodyTokens(c)) {
                    out.add(new Key("fulfils|" + token + "|any", Role.RIGHT));
                    LocalDate from = dated ? c.dueDate().first() : f.publishedAt().minusDays(FALLBACK_WINDOW_DAYS);
                    LocalDate to = dated ? c.dueDate().last() : f.publishedAt();
                    days(from, to).forEach(d -> out.add(new Key("fulfils|" + token + "|" + d, Role.RIGHT)));
                }
            } else {
                ResolvedDate due = c.dueDate();
                for (String token : bodyTokens(c)) {
                    if (due == null) {
                        out.add(new Key("fulfils|" + token + "|any", Role.LEFT));
                    } else {
                        days(due.first().minusDays(HeldMeetings.DAY_EITHER_SIDE),
                                due.last().plusDays(HeldMeetings.DAY_EITHER_SIDE))
                                .forEach(d -> out.add(new Key("fulfils|" + token + "|" + d, Role.LEFT)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The keys of one agreed report, in an article published on the given day, for the second stage, where
     * commitments group: every due day (PEER {@code due}), and for a report naming the body that will meet, the week
     * of its paper ({@code subject|body|week}, RIGHT) and, when it has no due date, also every week that a paper
     * within the body's horizon can fall in (LEFT), so an undated report meets every report of its body it may join
     * and two dated ones meet only through their due days.
     */
    public Set<Key> commitmentKeys(ArticleCommitment c, LocalDate published) {
        Set<Key> out = new HashSet<>();
        if (c.subjectActorId() != null) {
            String body = "subject|" + c.subjectActorId() + "|";
            LocalDate week = week(published);
            out.add(new Key(body + week, Role.RIGHT));
            if (c.dueDate() == null) {
                for (int k = -HORIZON_WEEKS; k <= HORIZON_WEEKS; k++) {
                    out.add(new Key(body + week.plusWeeks(k), Role.LEFT));
                }
            }
        }
        if (c.dueDate() != null) {
            days(c.dueDate().first(), c.dueDate().last()).forEach(d -> out.add(new Key("due|" + d, Role.PEER)));
        }
        return out;
    }

    /** The Monday of a day's week. */
    static LocalDate week(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /**
     * The first days of the events a commitment due then may be held at: a meeting in its period ± 1, or an undated
     * one whose week before the paper meets the period.
     */
    public static LocalDate heldFrom(ResolvedDate due) {
        return due.first().minusDays(HeldMeetings.DAY_EITHER_SIDE);
    }

    public static LocalDate heldTo(ResolvedDate due) {
        return due.last().plusDays(Math.max(HeldMeetings.DAY_EITHER_SIDE, HeldMeetings.UNDATED_WINDOW_DAYS));
    }

    private void eventKeys(Set<Key> out, EventKind kind, ResolvedDate date, DateBasis basis, LocalDate anchor) {
        String group = merger.ontology().info(kind).group();
        LocalDate from = date.first();
        LocalDate to = date.last();
        if (basis == DateBasis.PUBLICATION_FALLBACK || basis == DateBasis.RELATIVE_CLAUSE) {
            from = min(from, anchor.minusDays(FALLBACK_WINDOW_DAYS));
            to = max(to, anchor);
        }
        days(from, to).forEach(d -> out.add(new Key("event|" + group + "|" + d, Role.PEER)));
    }

    private Set<String> bodyTokens(ArticleCommitment c) {
        return merger.heldMeetings().bodyOf(c).tokens();
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
