package dev.parley.engagement;

import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole-set merge kept up to date block by block ({@link MergeBlocks}): a changed article re-clusters only the
 * stage-one block it was in and the one it is in now, and re-groups only the commitments that read those events.
 * {@link #state()} equals {@code merger.merge(all current facts)}; the property tests check that against the
 * whole-set merge, which stays the oracle.
 *
 * <p>Not thread-safe; one instance per merge task.
 */
public final class IncrementalMerge {

    static final Comparator<EngagementEvent> EVENT_ORDER =
            Comparator.comparing(EngagementEvent::date).thenComparing(EngagementEvent::eventId);
    static final Comparator<Commitment> COMMITMENT_ORDER =
            Comparator.comparing((Commitment c) -> c.dueDate() == null ? LocalDate.MAX : c.dueDate().first())
                    .thenComparing(Commitment::commitmentId);

    private record EventBlock(Set<String> articleIds, EngagementMerger.Clustering clustering) {
    }

    private record CommitmentBlock(Set<String> reportIds, List<Commitment> commitments) {
    }

    /**
     * What one refresh changed: the events and commitments of every re-merged block (to upsert; unchanged ones
     * included), the ids the replaced blocks had that no re-merged block has (to withdraw), and how many articles
     * and agreed reports were merged again (the cost of the change).
     */
    public record Changes(Set<String> goneEventIds, Set<String> goneCommitmentIds, List<EngagementEvent> events,
                          List<Commitment> commitments, int mergedArticles, int mergedReports) {
    }

    private final EngagementMerger merger;
    private final MergeBlocks blocks;
    private final Map<String, ArticleFacts> facts = new HashMap<>();
    private final TreeMap<LocalDate, Integer> published = new TreeMap<>();
    private final KeyGraph articles = new KeyGraph();
    private final KeyGraph reports = new KeyGraph();
    private final Map<String, ArticleCommitment> agreedById = new HashMap<>();
    private final Map<String, EventBlock> eventBlockOf = new HashMap<>();
    private final Map<String, CommitmentBlock> commitmentBlockOf = new HashMap<>();
    private final Set<String> dirtyArticles = new TreeSet<>();
    private final Set<String> dirtyReports = new TreeSet<>();
    private final List<EventBlock> retiredEventBlocks = new ArrayList<>();
    private final List<CommitmentBlock> retiredCommitmentBlocks = new ArrayList<>();
    // Stage one's results across blocks, as stage two reads them.
    private final Map<String, String> eventIdByLocal = new HashMap<>();
    private final Map<String, List<ArticleCommitment>> fulfilled = new TreeMap<>();
    private final TreeMap<LocalDate, List<EngagementEvent>> eventsByFirstDay = new TreeMap<>();
    private final Map<String, List<EngagementEvent>> eventsById = new HashMap<>();
    // Which agreed reports read what, so a change finds the commitment blocks to redo without scanning them all.
    private final Map<String, Set<String>> reportsByArticle = new HashMap<>();
    private final TreeMap<LocalDate, Set<String>> reportsByHeldDay = new TreeMap<>();
    private final Map<String, Set<String>> heldByAgreed = new HashMap<>();
    // The commitment blocks by the days their status can move on (held on, the day after the due period), so a new
    // newest paper visits only the blocks whose status it can move, not every block of history.
    private final TreeMap<LocalDate, Set<CommitmentBlock>> blocksByStatusDay = new TreeMap<>();
    private LocalDate mergedAsOf;

    public IncrementalMerge(EngagementMerger merger) {
        this.merger = merger;
        this.blocks = new MergeBlocks(merger);
    }

    /** Adds or replaces an article's facts. */
    public void put(ArticleFacts f) {
        ArticleFacts old = facts.get(f.articleId());
        if (f.equals(old)) {
            return;
        }
        remove(f.articleId());
        facts.put(f.articleId(), f);
        published.merge(f.publishedAt(), 1, Integer::sum);
        articles.add(f.articleId(), blocks.keys(f));
        dirtyArticles.add(f.articleId());
        for (ArticleCommitment c : f.commitments()) {
            if (!c.held()) {
                agreedById.put(c.localId(), c);
                reports.add(c.localId(), blocks.commitmentKeys(c, f.publishedAt()));
                dirtyReports.add(c.localId());
                reportsByArticle.computeIfAbsent(c.articleId(), x -> new HashSet<>()).add(c.localId());
                heldDays(c).forEach(d -> reportsByHeldDay.computeIfAbsent(d, x -> new HashSet<>()).add(c.localId()));
            }
        }
    }

    public void remove(String articleId) {
        ArticleFacts old = facts.remove(articleId);
        if (old == null) {
            return;
        }
        published.computeIfPresent(old.publishedAt(), (d, n) -> n == 1 ? null : n - 1);
        articles.remove(articleId);
        dirtyArticles.remove(articleId);
        // Its old block may now fall apart: every former member is merged again.
        EventBlock b = eventBlockOf.get(articleId);
        if (b != null) {
            retire(b);
        }
        for (ArticleCommitment c : old.commitments()) {
            if (!c.held()) {
                agreedById.remove(c.localId());
                reports.remove(c.localId());
                dirtyReports.remove(c.localId());
                removeFrom(reportsByArticle, c.articleId(), c.localId());
                heldDays(c).forEach(d -> removeFrom(reportsByHeldDay, d, c.localId()));
                CommitmentBlock cb = commitmentBlockOf.get(c.localId());
                if (cb != null) {
                    retire(cb);
                }
            }
        }
    }

    public Collection<ArticleFacts> facts() {
        return Collections.unmodifiableCollection(facts.values());
    }

    /** The merge of all current facts (refreshing first). */
    public EngagementState state() {
        refresh();
        List<EngagementEvent> events = new ArrayList<>();
        distinct(eventBlockOf.values()).forEach(b -> events.addAll(b.clustering().events()));
        List<Commitment> commitments = new ArrayList<>();
        distinct(commitmentBlockOf.values()).forEach(b -> commitments.addAll(b.commitments()));
        events.sort(EVENT_ORDER);
        commitments.sort(COMMITMENT_ORDER);
        return new EngagementState(List.copyOf(events), List.copyOf(commitments));
    }

    /** Re-merges the blocks changes touched, and those whose commitments the newest paper makes overdue. */
    public Changes refresh() {
        LocalDate asOf = published.isEmpty() ? LocalDate.MIN : published.lastKey();
        if (mergedAsOf != null && !asOf.equals(mergedAsOf)) {
            // A status moves between two days only on a status day after the earlier and by the later one.
            boolean later = asOf.isAfter(mergedAsOf);
            Set<CommitmentBlock> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
            blocksByStatusDay.subMap(later ? mergedAsOf : asOf, false, later ? asOf : mergedAsOf, true)
                    .values().forEach(candidates::addAll);
            for (CommitmentBlock b : candidates) {
                if (overdueMoves(b.commitments(), mergedAsOf, asOf)) {
                    retire(b);
                }
            }
        }
        mergedAsOf = asOf;

        // Stage one: re-cluster dirty blocks; note what stage two reads that may have changed.
        int mergedArticles = 0;
        Set<String> touchedArticles = new HashSet<>();
        TreeSet<LocalDate> touchedDays = new TreeSet<>();
        List<EngagementEvent> events = new ArrayList<>();
        for (EventBlock old : retiredEventBlocks) {
            touchedArticles.addAll(old.articleIds());
            old.clustering().events().forEach(e -> touchedDays.add(e.date().first()));
        }
        while (!dirtyArticles.isEmpty()) {
            Set<String> members = articles.component(dirtyArticles.iterator().next());
            for (String id : members) {
                EventBlock old = eventBlockOf.get(id);
                if (old != null) {
                    retire(old);
                    touchedArticles.addAll(old.articleIds());
                    old.clustering().events().forEach(e -> touchedDays.add(e.date().first()));
                }
            }
            EventBlock b = new EventBlock(members, merger.cluster(members.stream().map(facts::get).toList()));
            members.forEach(id -> eventBlockOf.put(id, b));
            index(b);
            dirtyArticles.removeAll(members);
            touchedArticles.addAll(members);
            b.clustering().events().forEach(e -> touchedDays.add(e.date().first()));
            events.addAll(b.clustering().events());
            mergedArticles += members.size();
        }
        Set<String> goneEvents = new TreeSet<>();
        retiredEventBlocks.forEach(b -> b.clustering().events().forEach(e -> goneEvents.add(e.eventId())));
        retiredEventBlocks.clear();
        events.forEach(e -> goneEvents.remove(e.eventId()));

        // Stage two: commitments that read a changed article's events or a changed day's meetings.
        Set<String> readers = new HashSet<>();
        touchedArticles.forEach(a -> readers.addAll(reportsByArticle.getOrDefault(a, Set.of())));
        touchedDays.forEach(d -> readers.addAll(reportsByHeldDay.getOrDefault(d, Set.of())));
        for (String id : readers) {
            CommitmentBlock b = commitmentBlockOf.get(id);
            if (b != null) {
                retire(b);
            }
        }
        int mergedReports = 0;
        List<Commitment> commitments = new ArrayList<>();
        while (!dirtyReports.isEmpty()) {
            Set<String> members = reports.component(dirtyReports.iterator().next());
            for (String id : members) {
                CommitmentBlock old = commitmentBlockOf.get(id);
                if (old != null) {
                    retire(old);
                }
            }
            List<ArticleCommitment> agreed = members.stream().map(agreedById::get).toList(); // TreeSet: by localId
            CommitmentBlock b = new CommitmentBlock(members, merger.mergeCommitments(agreed,
                    id -> facts.get(id).publishedAt(), fulfilledOf(members), eventIdByLocal, eventsRead(agreed), asOf));
            members.forEach(id -> commitmentBlockOf.put(id, b));
            statusDays(b).forEach(d -> blocksByStatusDay.computeIfAbsent(d, x -> identitySet()).add(b));
            dirtyReports.removeAll(members);
            commitments.addAll(b.commitments());
            mergedReports += members.size();
        }
        Set<String> goneCommitments = new TreeSet<>();
        retiredCommitmentBlocks.forEach(b -> b.commitments().forEach(c -> goneCommitments.add(c.commitmentId())));
        retiredCommitmentBlocks.clear();
        commitments.forEach(c -> goneCommitments.remove(c.commitmentId()));

        events.sort(EVENT_ORDER);
        commitments.sort(COMMITMENT_ORDER);
        return new Changes(goneEvents, goneCommitments, List.copyOf(events), List.copyOf(commitments),
                mergedArticles, mergedReports);
    }

    /** The first days of the events a report's commitment may be held at (none without a due date). */
    private static List<LocalDate> heldDays(ArticleCommitment c) {
        if (c.dueDate() == null) {
            return List.of();
        }
        return MergeBlocks.heldFrom(c.dueDate()).datesUntil(MergeBlocks.heldTo(c.dueDate()).plusDays(1)).toList();
    }

    private static <K> void removeFrom(Map<K, Set<String>> index, K key, String id) {
        Set<String> of = index.get(key);
        if (of != null && of.remove(id) && of.isEmpty()) {
            index.remove(key);
        }
    }

    /** The events the commitments of these reports can name: where each was agreed, where it may have been held. */
    private List<EngagementEvent> eventsRead(List<ArticleCommitment> agreed) {
        Set<EngagementEvent> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ArticleCommitment c : agreed) {
            String at = eventIdByLocal.get(c.agreedAtLocalEventId());
            if (at != null) {
                out.addAll(eventsById.getOrDefault(at, List.of()));
            }
            if (c.dueDate() != null) {
                eventsByFirstDay.subMap(MergeBlocks.heldFrom(c.dueDate()), true, MergeBlocks.heldTo(c.dueDate()), true)
                        .values().forEach(out::addAll);
            }
        }
        List<EngagementEvent> sorted = new ArrayList<>(out);
        sorted.sort(EVENT_ORDER);
        return sorted;
    }

    /** The held reports that fulfil one of these agreed reports (the only entries the commitments stage reads). */
    private Map<String, List<ArticleCommitment>> fulfilledOf(Set<String> reportIds) {
        Set<String> held = new TreeSet<>();
        reportIds.forEach(id -> held.addAll(heldByAgreed.getOrDefault(id, Set.of())));
        Map<String, List<ArticleCommitment>> out = new LinkedHashMap<>();
        held.forEach(h -> out.put(h, fulfilled.get(h)));
        return out;
    }

    private void index(EventBlock b) {
        eventIdByLocal.putAll(b.clustering().eventIdByLocal());
        fulfilled.putAll(b.clustering().fulfilled());
        b.clustering().fulfilled().forEach((h, of) -> of.forEach(
                a -> heldByAgreed.computeIfAbsent(a.localId(), x -> new HashSet<>()).add(h)));
        for (EngagementEvent e : b.clustering().events()) {
            eventsByFirstDay.computeIfAbsent(e.date().first(), d -> new ArrayList<>()).add(e);
            eventsById.computeIfAbsent(e.eventId(), d -> new ArrayList<>()).add(e);
        }
    }

    private void retire(EventBlock b) {
        for (String id : b.articleIds()) {
            if (eventBlockOf.get(id) == b) {
                eventBlockOf.remove(id);
                if (facts.containsKey(id)) {
                    dirtyArticles.add(id);
                }
            }
        }
        if (retiredEventBlocks.stream().anyMatch(r -> r == b)) {
            return;
        }
        retiredEventBlocks.add(b);
        b.clustering().eventIdByLocal().keySet().forEach(eventIdByLocal::remove);
        b.clustering().fulfilled().keySet().forEach(fulfilled::remove);
        b.clustering().fulfilled().forEach((h, of) -> of.forEach(a -> removeFrom(heldByAgreed, a.localId(), h)));
        for (EngagementEvent e : b.clustering().events()) {
            removeIdentical(eventsByFirstDay, e.date().first(), e);
            removeIdentical(eventsById, e.eventId(), e);
        }
    }

    private void retire(CommitmentBlock b) {
        for (String id : b.reportIds()) {
            if (commitmentBlockOf.get(id) == b) {
                commitmentBlockOf.remove(id);
                if (agreedById.containsKey(id)) {
                    dirtyReports.add(id);
                }
            }
        }
        if (retiredCommitmentBlocks.stream().noneMatch(r -> r == b)) {
            retiredCommitmentBlocks.add(b);
            for (LocalDate d : statusDays(b)) {
                Set<CommitmentBlock> of = blocksByStatusDay.get(d);
                if (of != null && of.remove(b) && of.isEmpty()) {
                    blocksByStatusDay.remove(d);
                }
            }
        }
    }

    /**
     * The days on which a block's status can move ({@link CommitmentStatus#on}): HELD from the day it was held on,
     * OVERDUE from the day after its due period.
     */
    private static Set<LocalDate> statusDays(CommitmentBlock b) {
        Set<LocalDate> out = new TreeSet<>();
        for (Commitment c : b.commitments()) {
            if (c.heldOn() != null) {
                out.add(c.heldOn());
            }
            if (c.dueDate() != null && c.dueDate().last().isBefore(LocalDate.MAX)) {
                out.add(c.dueDate().last().plusDays(1));
            }
        }
        return out;
    }

    private static <B> Set<B> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static <K> void removeIdentical(Map<K, List<EngagementEvent>> index, K key, EngagementEvent e) {
        List<EngagementEvent> list = index.get(key);
        if (list != null) {
            list.removeIf(x -> x == e);
            if (list.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** Whether a newer paper moves a commitment's status ({@link CommitmentStatus#on} the newest paper's day). */
    private static boolean overdueMoves(List<Commitment> commitments, LocalDate before, LocalDate now) {
        return commitments.stream().anyMatch(c -> {
            LocalDate dueEnd = c.dueDate() == null ? null : c.dueDate().last();
            return CommitmentStatus.on(c.heldOn(), dueEnd, before) != CommitmentStatus.on(c.heldOn(), dueEnd, now);
        });
    }

    private static <B> Set<B> distinct(Collection<B> blocks) {
        Set<B> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(blocks);
        return out;
    }
}
