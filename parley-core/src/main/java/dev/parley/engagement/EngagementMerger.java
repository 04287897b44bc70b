package dev.parley.engagement;

import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.DateBasis;
import dev.parley.extract.DatePrecision;
import dev.parley.extract.EventKind;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Ontology;
import dev.parley.extract.Participant;
import dev.parley.extract.Passage;
import dev.parley.extract.Quote;
import dev.parley.extract.ResolvedDate;
import dev.parley.extract.Stance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges the facts of many articles into one record per real-world event and per commitment. The result is a
 * function of the set of articles: inputs are put in a canonical order first and every choice breaks ties by that
 * order, so ingestion order (and re-ingestion of the same article) cannot change it. The Kafka layer keeps the
 * ArticleFacts of a dyad in a store and calls merge on the whole set when one changes.
 */
public final class EngagementMerger {

    /** Undated reports (publication-date fallback) may be of events up to this many days before the paper. */
    private static final int FALLBACK_WINDOW_DAYS = 7;

    /**
     * The horizon of a standing body's undated commitment: an agreed report that names the body which will meet but
     * no due date ("the Security Implementation Group will meet") is the same commitment as another report of that
     * body only when the two papers are at most this many days apart. A standing body meets again and again; its
     * next meeting is news for weeks, not for the rest of its existence, and a month covers a monthly body's cycle
     * and the follow-up reporting of a quarterly one without folding its later rounds into the first.
     */
    public static final int STANDING_BODY_HORIZON_DAYS = 30;

    private final Ontology ontology;
    private final Gazetteer gazetteer;
    private final SameEvent sameEvent;
    private final HeldMeetings heldMeetings;

    Ontology ontology() {
        return ontology;
    }

    HeldMeetings heldMeetings() {
        return heldMeetings;
    }

    public EngagementMerger(Ontology ontology, Gazetteer gazetteer) {
        this.ontology = ontology;
        this.gazetteer = gazetteer;
        this.sameEvent = new SameEvent(ontology, gazetteer);
        this.heldMeetings = new HeldMeetings(gazetteer, new BodyNames());
    }

    private static final class Cluster {
        final List<ArticleEvent> members = new ArrayList<>();
        ResolvedDate date;
        DateBasis basis;

        String key() {
            return members.get(0).localId();
        }

        List<EventKind> kinds() {
            return members.stream().map(ArticleEvent::kind).distinct().toList();
        }

        List<Participant> participants() {
            Map<String, Participant> byId = new TreeMap<>();
            for (ArticleEvent e : members) {
                for (Participant p : e.participants()) {
                    byId.merge(p.actorId(), p, (x, y) -> x.role().ordinal() <= y.role().ordinal() ? x : y);
                }
            }
            return List.copyOf(byId.values());
        }
    }

    public EngagementState merge(Collection<ArticleFacts> articles) {
        Map<String, ArticleFacts> byId = canonical(articles);
        LocalDate asOf = byId.values().stream().map(ArticleFacts::publishedAt).max(Comparator.naturalOrder())
                .orElse(LocalDate.MIN);
        return merge(byId, asOf);
    }

    /**
     * Merges a part of the articles as if they were all of them, except that a commitment is overdue against the
     * given day (the newest paper of all articles): the incremental merge runs this on one block at a time.
     */
    public EngagementState merge(Collection<ArticleFacts> articles, LocalDate asOf) {
        return merge(canonical(articles), asOf);
    }

    /** Re-ingesting an article replaces it: keep one ArticleFacts per article id, the canonical one. */
    static Map<String, ArticleFacts> canonical(Collection<ArticleFacts> articles) {
        Map<String, ArticleFacts> byId = new TreeMap<>();
        for (ArticleFacts f : articles) {
            byId.merge(f.articleId(), f, (a, b) -> a.toString().compareTo(b.toString()) <= 0 ? a : b);
        }
        return byId;
    }

    private EngagementState merge(Map<String, ArticleFacts> byId, LocalDate asOf) {
        Clustering c = cluster(byId);
        List<Commitment> commitments = mergeCommitments(c.agreed(), id -> byId.get(id).publishedAt(), c.fulfilled(),
                c.eventIdByLocal(), c.events(), asOf);
        return new EngagementState(c.events(), commitments);
    }

    /**
     * The first stage of the merge, the events: everything the commitments stage reads of them. agreed: the agreed
     * reports in canonical order; fulfilled: per held report, the agreed ones it fulfils.
     */
    record Clustering(List<EngagementEvent> events, Map<String, String> eventIdByLocal,
                      Map<String, List<ArticleCommitment>> fulfilled, List<ArticleCommitment> agreed) {
    }

    Clustering cluster(Collection<ArticleFacts> articles) {
        return cluster(canonical(articles));
    }

    private Clustering cluster(Map<String, ArticleFacts> byId) {
        Map<String, LocalDate> published = new HashMap<>();
        byId.values().forEach(f -> published.put(f.articleId(), f.publishedAt()));
        List<ArticleCommitment> reports = byId.values().stream().flatMap(f -> f.commitments().stream())
                .sorted(Comparator.comparing(ArticleCommitment::localId)).toList();
        List<ArticleCommitment> agreed = reports.stream().filter(c -> !c.held()).toList();
        // A report that a body met is a meeting of the parties of the commitment it fulfils.
        Map<String, List<ArticleCommitment>> fulfilled = new HashMap<>();
        List<ArticleEvent> meetings = new ArrayList<>();
        for (ArticleCommitment h : reports.stream().filter(ArticleCommitment::held).toList()) {
            List<ArticleCommitment> of = agreed.stream()
                    .filter(a -> heldMeetings.fulfils(h, published.get(h.articleId()), a)).toList();
            fulfilled.put(h.localId(), of);
            heldMeetings.meeting(h, of, published.get(h.articleId())).ifPresent(meetings::add);
        }
        List<ArticleEvent> all = java.util.stream.Stream.concat(
                        byId.values().stream().flatMap(f -> f.events().stream()), meetings.stream())
                .sorted(Comparator.comparing(ArticleEvent::localId)).toList();

        List<Cluster> clusters = new ArrayList<>();
        // 1. Day-precise reports (a date in the text, or a post's date) define events.
        for (ArticleEvent e : all) {
            if (e.date().precision() == DatePrecision.DAY && e.dateBasis() != DateBasis.PUBLICATION_FALLBACK) {
                joinOrCreate(e, clusters, c -> c.date.compatibleWith(e.date()));
            }
        }
        clusters = unionPass(clusters);
        // 2. Week and month reports join the day event they contain, else stand together.
        for (ArticleEvent e : all) {
            if (e.date().precision() != DatePrecision.DAY && !looselyDated(e)) {
                Cluster best = best(e, clusters, c -> e.date().compatibleWith(c.date));
                if (best != null) {
                    best.members.add(e);
                } else {
                    joinOrCreate(e, clusters, c -> c.date.compatibleWith(e.date()));
                }
            }
        }
        // 3. Undated reports, and clauses only known to precede another event ("después de que ..."), join the
        //    latest matching event of the week before their anchor (the paper's date, or the main clause's).
        for (ArticleEvent e : all) {
            if (looselyDated(e)) {
                LocalDate anchor = e.anchor();
                Cluster best = best(e, clusters, c -> !looselyDated(c.basis)
                        && !c.date.first().isAfter(anchor)
                        && !c.date.last().isBefore(anchor.minusDays(FALLBACK_WINDOW_DAYS)));
                if (best != null) {
                    best.members.add(e);
                } else {
                    joinOrCreate(e, clusters, c -> c.basis == e.dateBasis() && c.date.compatibleWith(e.date()));
                }
            }
        }
        List<EngagementEvent> events = distinctIds(clusters.stream().map(this::toEvent).toList(), clusters);
        Map<String, String> eventIdByLocal = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            String id = events.get(i).eventId();
            clusters.get(i).members.forEach(m -> eventIdByLocal.put(m.localId(), id));
        }
        events.sort(Comparator.comparing(EngagementEvent::date).thenComparing(EngagementEvent::eventId));
        return new Clustering(List.copyOf(events), eventIdByLocal, fulfilled, agreed);
    }

    /**
     * An event's id says what it is (group, day, countries, people), so that it stays put while reports join it. Two
     * events of one day between the same people are still two events (a meeting and what was agreed at it, a demand
     * and a rejection): of those, the one whose kind ranks first in the ontology keeps the plain id, and each other
     * one adds its kind, so neither overwrites the other in a view keyed by id.
     */
    private List<EngagementEvent> distinctIds(List<EngagementEvent> events, List<Cluster> clusters) {
        Map<String, List<Integer>> byId = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byId.computeIfAbsent(events.get(i).eventId(), k -> new ArrayList<>()).add(i);
        }
        List<EngagementEvent> out = new ArrayList<>(events);
        for (List<Integer> same : byId.values()) {
            if (same.size() < 2) {
                continue;
            }
            List<Integer> ranked = same.stream().sorted(Comparator
                    .comparingInt((Integer i) -> -ontology.info(events.get(i).kind()).priority())
                    .thenComparing(i -> events.get(i).kind())
                    .thenComparing(i -> clusters.get(i).key())).toList();
            Map<EventKind, Integer> seen = new java.util.EnumMap<>(EventKind.class);
            for (int r = 1; r < ranked.size(); r++) {
                EngagementEvent e = events.get(ranked.get(r));
                int n = seen.merge(e.kind(), 1, Integer::sum);
                String suffix = e.kind() + (n > 1 || e.kind() == events.get(ranked.get(0)).kind() ? "|" + n : "");
                out.set(ranked.get(r), e.withEventId("evt-" + hash(e.eventId() + "|" + suffix)));
            }
        }
        return out;
    }

    private static boolean looselyDated(ArticleEvent e) {
        return looselyDated(e.dateBasis());
    }

    private static boolean looselyDated(DateBasis basis) {
        return basis == DateBasis.PUBLICATION_FALLBACK || basis == DateBasis.RELATIVE_CLAUSE;
    }

    private void joinOrCreate(ArticleEvent e, List<Cluster> clusters, java.util.function.Predicate<Cluster> dateOk) {
        for (Cluster c : clusters) {
            if (dateOk.test(c) && oneEvent(c, e)) {
                c.members.add(e);
                refineDate(c, e);
                return;
            }
        }
        Cluster c = new Cluster();
        c.members.add(e);
        c.date = e.date();
        c.basis = e.dateBasis();
        clusters.add(c);
    }

    /** Two clusters built from different first members may still be one event: merge until stable. */
    private List<Cluster> unionPass(List<Cluster> clusters) {
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < clusters.size(); i++) {
                for (int j = i + 1; j < clusters.size(); j++) {
                    Cluster a = clusters.get(i);
                    Cluster b = clusters.get(j);
                    if (a.date.compatibleWith(b.date) && oneEvent(a, b)) {
                        b.members.forEach(m -> {
                            a.members.add(m);
                            refineDate(a, m);
                        });
                        clusters.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return clusters;
    }

    private boolean oneEvent(Cluster c, ArticleEvent e) {
        return sameEvent.compatible(c.kinds(), c.participants(), e.kind(), e.participants());
    }

    private boolean oneEvent(Cluster a, Cluster b) {
        List<Participant> bs = b.participants();
        return b.kinds().stream().allMatch(k -> sameEvent.compatible(a.kinds(), a.participants(), k, bs));
    }

    private Cluster best(ArticleEvent e, List<Cluster> clusters, java.util.function.Predicate<Cluster> dateOk) {
        return clusters.stream()
                .filter(dateOk)
                .filter(c -> oneEvent(c, e))
                // The most recent candidate is the one a report is most likely about; then the canonical order.
                .max(Comparator.comparing((Cluster c) -> c.date.first()).thenComparing(c -> c.key(),
                        Comparator.reverseOrder()))
                .orElse(null);
    }

    private static void refineDate(Cluster c, ArticleEvent e) {
        boolean morePrecise = e.date().precision().compareTo(c.date.precision()) < 0;
        boolean betterBasis = e.date().precision() == c.date.precision() && e.dateBasis().compareTo(c.basis) < 0;
        if (morePrecise || betterBasis) {
            c.date = e.date();
            c.basis = e.dateBasis();
        }
    }

    private EngagementEvent toEvent(Cluster c) {
        c.members.sort(Comparator.comparing(ArticleEvent::localId));
        // The date the most trustworthy report gives; ties go to the majority, then the earliest.
        Map<ResolvedDate, Long> votes = c.members.stream().collect(Collectors.groupingBy(ArticleEvent::date,
                TreeMap::new, Collectors.counting()));
        ArticleEvent dating = c.members.stream().min(Comparator
                .comparing((ArticleEvent e) -> e.dateBasis() == DateBasis.PUBLICATION_FALLBACK)
                .thenComparing(e -> e.date().precision())
                .thenComparing(ArticleEvent::dateBasis)
                .thenComparing(e -> -votes.get(e.date()))
                .thenComparing(ArticleEvent::date)).orElseThrow();
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        c.members.forEach(m -> kinds.addAll(m.kinds()));
        EventKind kind = ontology.primary(kinds);
        List<Participant> participants = c.participants();
        Set<String> topics = new TreeSet<>();
        List<Quote> quotes = new ArrayList<>();
        List<Stance> stances = new ArrayList<>();
        List<EngagementEvent.EventSource> sources = new ArrayList<>();
        String place = null;
        for (ArticleEvent m : c.members) {
            topics.addAll(m.topics());
            quotes.addAll(m.quotes());
            stances.addAll(m.stances());
            sources.add(new EngagementEvent.EventSource(m.articleId(), m.localId(), m.dateBasis(), m.passages()));
            place = place == null ? m.placeId() : place;
        }
        quotes.sort(Comparator.comparing(Quote::passage));
        stances.sort(Comparator.comparing(Stance::passage));
        String group = ontology.info(kind).group();
        Set<String> countries = participants.stream().map(Participant::country).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> persons = participants.stream().filter(p -> p.type() == dev.parley.extract.ActorType.PERSON)
                .map(Participant::actorId).collect(Collectors.toCollection(TreeSet::new));
        String eventId = "evt-" + hash(group + "|" + dating.date() + "|" + countries + "|" + persons);
        List<EngagementEvent.Readout> readouts = readouts(stances, quotes);
        return new EngagementEvent(eventId, kind, kinds, ontology.info(kind).goldstein(), participants,
                dating.date(), dating.dateBasis(), place, topics, sources, quotes, stances, readouts,
                differences(readouts, stances));
    }

    /** Group what each side said: the stances and quotes attributed to one country form its readout. */
    private static List<EngagementEvent.Readout> readouts(List<Stance> stances, List<Quote> quotes) {
        Map<String, Set<String>> speakers = new TreeMap<>();
        Map<String, Set<String>> emphasis = new TreeMap<>();
        Map<String, Set<Passage>> passages = new TreeMap<>();
        for (Stance s : stances) {
            if (s.side() == null) {
                continue;
            }
            emphasis.computeIfAbsent(s.side(), k -> new TreeSet<>()).add(s.type().name());
            passages.computeIfAbsent(s.side(), k -> new TreeSet<>()).add(s.passage());
            speakers.computeIfAbsent(s.side(), k -> new TreeSet<>());
        }
        for (Quote q : quotes) {
            if (q.speakerCountry() == null) {
                continue;
            }
            speakers.computeIfAbsent(q.speakerCountry(), k -> new TreeSet<>()).add(q.speakerId());
            passages.computeIfAbsent(q.speakerCountry(), k -> new TreeSet<>()).add(q.passage());
            emphasis.computeIfAbsent(q.speakerCountry(), k -> new TreeSet<>());
        }
        List<EngagementEvent.Readout> out = new ArrayList<>();
        for (String side : passages.keySet()) {
            out.add(new EngagementEvent.Readout(side, speakers.getOrDefault(side, Set.of()),
                    emphasis.getOrDefault(side, Set.of()), List.copyOf(passages.get(side))));
        }
        return out;
    }

    private static List<EngagementEvent.EmphasisDifference> differences(List<EngagementEvent.Readout> readouts,
                                                                        List<Stance> stances) {
        List<EngagementEvent.EmphasisDifference> out = new ArrayList<>();
        if (readouts.size() < 2) {
            return out;
        }
        for (EngagementEvent.Readout r : readouts) {
            for (String e : r.emphasis()) {
                boolean others = readouts.stream().anyMatch(o -> o != r && o.emphasis().contains(e));
                if (!others) {
                    List<Passage> spans = stances.stream()
                            .filter(s -> r.side().equals(s.side()) && s.type().name().equals(e))
                            .map(Stance::passage).distinct().sorted().toList();
                    out.add(new EngagementEvent.EmphasisDifference(r.side(), e, spans));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- commitments

    /**
     * The second stage: commitments from the agreed reports (canonical order), given the first stage. events may be
     * any superset of those a commitment is agreed at or could be held at (see {@link MergeBlocks}); published:
     * the paper's day of an article id (of every report in all).
     */
    List<Commitment> mergeCommitments(List<ArticleCommitment> all, Function<String, LocalDate> published,
                                      Map<String, List<ArticleCommitment>> fulfilled,
                                      Map<String, String> eventIdByLocal, List<EngagementEvent> events,
                                      LocalDate asOf) {
        List<List<ArticleCommitment>> groups = new ArrayList<>();
        // Reports that name the body which will meet group by body; the others by due date.
        for (ArticleCommitment c : all) {
            String event = eventIdByLocal.get(c.agreedAtLocalEventId());
            List<ArticleCommitment> home = null;
            for (List<ArticleCommitment> g : groups) {
                ArticleCommitment head = g.get(0);
                boolean dueAgrees = c.dueDate() == null || g.stream().allMatch(x -> x.dueDate() == null
                        || x.dueDate().compatibleWith(c.dueDate()));
                // The body that will meet names the commitment, whichever report says where it was agreed.
                // Undated, only within the standing body's horizon of a report of it (or of an undated one).
                boolean sameBody = c.subjectActorId() != null && c.subjectActorId().equals(groupSubject(g)) && dueAgrees
                        && g.stream().anyMatch(x -> sameRound(c, x, published));
                boolean sameEvent = Objects.equals(eventIdByLocal.get(head.agreedAtLocalEventId()), event);
                boolean samePlace = c.placeId() == null || g.stream().allMatch(x -> x.placeId() == null
                        || x.placeId().equals(c.placeId()));
                boolean placeNamed = c.placeId() != null && g.stream().anyMatch(x -> c.placeId().equals(x.placeId()));
                // Without a body, a meeting is known by when and where; with no place, also by where it was agreed.
                boolean sameDue = (sameEvent || placeNamed) && c.subjectActorId() == null && groupSubject(g) == null
                        && c.dueDate() != null && samePlace
                        && g.stream().anyMatch(x -> x.dueDate() != null && x.dueDate().compatibleWith(c.dueDate()));
                String subject = groupSubject(g);
                boolean subjectsAgree = c.subjectActorId() == null || subject == null || c.subjectActorId().equals(subject);
                boolean placeAndDue = placeNamed && subjectsAgree && c.dueDate() != null
                        && g.stream().anyMatch(x -> x.dueDate() != null && x.dueDate().compatibleWith(c.dueDate()));
                if (sameBody || sameDue || placeAndDue) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(c);
        }
        List<Commitment> out = new ArrayList<>();
        for (List<ArticleCommitment> g : groups) {
            ResolvedDate due = g.stream().map(ArticleCommitment::dueDate).filter(Objects::nonNull)
                    .min(Comparator.comparing(ResolvedDate::precision).thenComparing(Comparator.naturalOrder()))
                    .orElse(null);
            String place = g.stream().map(ArticleCommitment::placeId).filter(Objects::nonNull)
                    .min(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                    .orElse(null);
            String description = g.stream().map(ArticleCommitment::description)
                    .filter(d -> !d.isBlank() && Character.isUpperCase(d.charAt(0)))
                    .min(Comparator.naturalOrder())
                    .orElse(g.get(0).description());
            Set<String> parties = new TreeSet<>();
            g.forEach(c -> parties.addAll(c.parties()));
            Set<String> countries = new TreeSet<>();
            g.forEach(c -> countries.addAll(c.countries()));
            Map<String, Long> votes = g.stream().map(c -> eventIdByLocal.get(c.agreedAtLocalEventId()))
                    .filter(Objects::nonNull).collect(Collectors.groupingBy(e -> e, TreeMap::new, Collectors.counting()));
            String eventId = votes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
            String subject = groupSubject(g);
            List<Passage> sources = g.stream().map(ArticleCommitment::passage).sorted().toList();
            String agreedAt = eventId;
            events.stream().filter(e -> e.eventId().equals(agreedAt)).findFirst()
                    .ifPresent(e -> countries.addAll(sameEvent.pair(e.participants())));
            Set<String> reportsOfIt = new TreeSet<>();
            fulfilled.forEach((held, of) -> {
                if (of.stream().anyMatch(g::contains)) {
                    reportsOfIt.add(held);
                }
            });
            String id = "cmt-" + hash(eventId + "|" + (subject != null ? subject : String.valueOf(due)));
            EngagementEvent heldAt = heldMeetings.heldAt(due, parties, countries, reportsOfIt, events, sameEvent)
                    .orElse(null);
            Commitment.Status status = CommitmentStatus.on(heldAt == null ? null : heldAt.date().first(),
                    due == null ? null : due.last(), asOf);
            out.add(new Commitment(id, description, subject, due, place, List.copyOf(parties), List.copyOf(countries),
                    eventId, status, heldAt == null ? null : heldAt.date().first(),
                    heldAt == null ? null : heldAt.eventId(), sources));
        }
        out.sort(Comparator.comparing((Commitment c) -> c.dueDate() == null ? LocalDate.MAX : c.dueDate().first())
                .thenComparing(Commitment::commitmentId));
        return out;
    }

    /**
     * Two reports of one body that can be one commitment: both dated, compatible due dates; one of them undated,
     * papers at most {@link #STANDING_BODY_HORIZON_DAYS} apart (the key {@link MergeBlocks} buckets by week).
     */
    private static boolean sameRound(ArticleCommitment c, ArticleCommitment x, Function<String, LocalDate> published) {
        if (c.dueDate() != null && x.dueDate() != null) {
            return x.dueDate().compatibleWith(c.dueDate());
        }
        return c.subjectActorId().equals(x.subjectActorId()) && withinHorizon(published.apply(c.articleId()),
                published.apply(x.articleId()));
    }

    static boolean withinHorizon(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay()) <= STANDING_BODY_HORIZON_DAYS;
    }

    private static String groupSubject(List<ArticleCommitment> g) {
        return g.stream().map(ArticleCommitment::subjectActorId).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-exported for callers that only have the merged state. */
    public static Map<String, List<String>> sourcesByEvent(EngagementState state) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        state.events().forEach(e -> out.put(e.eventId(), List.copyOf(e.articleIds())));
        return out;
    }
}
