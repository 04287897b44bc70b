package dev.parley.engagement;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.parley.extract.EventKind;

import dev.parley.extract.Actor;
import dev.parley.extract.ActorMention;
import dev.parley.extract.ActorType;
import dev.parley.extract.ArticleCommitment;
import dev.parley.extract.ArticleEvent;
import dev.parley.extract.DateBasis;
import dev.parley.extract.Folding;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.Participant;
import dev.parley.extract.ResolvedDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one rule for "the scheduled meeting took place": which commitment a report that a body met fulfils (the
 * body's name, the parties' countries, the date), the meeting event that report yields, and which meeting event
 * makes a commitment HELD. The views place that event in time; they do not decide again.
 */
public final class HeldMeetings {

    /** A report may say a meeting took place a day before or after the day it was due (time zones, late night). */
    static final int DAY_EITHER_SIDE = 1;
    /** An undated report of a meeting is of one in the week before the paper. */
    static final int UNDATED_WINDOW_DAYS = 7;

    /** How many bodies (a report's description and subject) {@link #bodyOf} keeps; a few MB at most. */
    static final int BODIES_KEPT = 10_000;

    /**
     * A body as the merge compares reports by it: its names ({@link #namesOf}) and the tokens two names of one body
     * must share ({@link BodyNames#keys}, plus {@code actor:<id>} for a known subject), the blocking keys of
     * {@link MergeBlocks}.
     */
    record Body(List<String> names, Set<String> tokens) {
    }

    private record BodyRef(String description, String subjectActorId) {
    }

    private final Gazetteer gazetteer;
    private final BodyNames names;
    // A report's body follows from its description and subject alone; finding it runs the gazetteer's patterns
    // over the description, so it is done once per report text, not on every blocking and every comparison.
    private final LoadingCache<BodyRef, Body> bodies = Caffeine.newBuilder().maximumSize(BODIES_KEPT)
            .build(this::body);

    public HeldMeetings(Gazetteer gazetteer, BodyNames names) {
        this.gazetteer = gazetteer;
        this.names = names;
    }

    /** Does held report h (published on the given day) report the meeting agreed in a? */
    public boolean fulfils(ArticleCommitment h, LocalDate published, ArticleCommitment a) {
        if (!sameBody(h, a)) {
            return false;
        }
        if (!h.countries().isEmpty() && !a.countries().isEmpty() && !a.countries().containsAll(h.countries())) {
            return false;
        }
        return a.dueDate() == null || inPeriod(h.dueDate(), published, a.dueDate());
    }

    /** The meeting as an event of the parties: the body, its states (or those of what it fulfils), named people. */
    public Optional<ArticleEvent> meeting(ArticleCommitment h, List<ArticleCommitment> fulfils, LocalDate published) {
        Map<String, Participant> participants = new TreeMap<>();
        Set<String> countries = new TreeSet<>(h.countries());
        fulfils.forEach(a -> countries.addAll(a.countries()));
        String bodyId = h.subjectActorId() != null ? h.subjectActorId()
                : fulfils.stream().map(ArticleCommitment::subjectActorId).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        Optional<Actor> body = Optional.ofNullable(bodyId).flatMap(gazetteer::actor);
        if (body.isPresent()) {
            participants.put(body.get().id(), Participant.of(body.get(), Participant.Role.PARTICIPANT));
        } else {
            String name = fulfils.stream().map(ArticleCommitment::description).findFirst().orElse(h.description());
            String id = "body:" + Folding.fold(name).replaceAll("[^\\p{L}\\p{N}]+", "-");
            participants.put(id, new Participant(id, name, ActorType.ORGANISATION, null, Participant.Role.PARTICIPANT));
        }
        for (String party : h.parties()) {
            gazetteer.actor(party).filter(a -> a.type() == ActorType.PERSON)
                    .ifPresent(a -> participants.put(a.id(), Participant.of(a, Participant.Role.PARTICIPANT)));
        }
        for (String c : countries) {
            Actor state = gazetteer.actor("country:" + c).orElse(new Actor("country:" + c, ActorType.COUNTRY, c,
                    List.of(c), List.of(), null));
            participants.put(state.id(), Participant.of(state, Participant.Role.PARTICIPANT));
        }
        if (countries.size() < 2) {
            return Optional.empty(); // an engagement is between two states
        }
        boolean dated = h.dueDate() != null;
        return Optional.of(new ArticleEvent(h.localId(), h.articleId(), EventKind.MEET_VISIT,
                EnumSet.of(EventKind.MEET_VISIT), List.copyOf(participants.values()),
                dated ? h.dueDate() : ResolvedDate.day(published),
                dated ? DateBasis.EXPLICIT : DateBasis.PUBLICATION_FALLBACK, published, null, Set.of(),
                List.of(h.passage()), List.of(), List.of()));
    }

    /**
     * The meeting event that fulfils a commitment, if any: a meeting in its due period (a day either side) that
     * either comes from a report matched to it by name, or is a meeting of one of its parties between all of its
     * countries. The earliest such event; none without a due date.
     */
    public Optional<EngagementEvent> heldAt(ResolvedDate due, Collection<String> parties, Collection<String> countries,
                                            Set<String> reportsOfIt, List<EngagementEvent> events, SameEvent same) {
        if (due == null) {
            return Optional.empty();
        }
        return events.stream()
                .filter(e -> e.kinds().contains(EventKind.MEET_VISIT))
                .filter(e -> e.dateBasis() == DateBasis.PUBLICATION_FALLBACK
                        ? inPeriod(null, e.date().first(), due) : inPeriod(e.date(), null, due))
                .filter(e -> e.sources().stream().anyMatch(s -> reportsOfIt.contains(s.localEventId()))
                        || (e.participants().stream().anyMatch(p -> p.isKeyActor() && parties.contains(p.actorId()))
                        && same.pair(e.participants()).containsAll(countries)))
                .min(Comparator.comparing((EngagementEvent e) -> e.date().first()).thenComparing(EngagementEvent::eventId));
    }

    /** A meeting date inside the due period or a day either side; undated, a due period in the week before the paper. */
    static boolean inPeriod(ResolvedDate met, LocalDate published, ResolvedDate due) {
        LocalDate from = due.first().minusDays(DAY_EITHER_SIDE);
        LocalDate to = due.last().plusDays(DAY_EITHER_SIDE);
        if (met != null) {
            return !met.first().isBefore(from) && !met.last().isAfter(to);
        }
        return !due.first().isAfter(published) && !due.last().isBefore(published.minusDays(UNDATED_WINDOW_DAYS));
    }

    private boolean sameBody(ArticleCommitment h, ArticleCommitment a) {
        if (h.subjectActorId() != null && a.subjectActorId() != null) {
            return h.subjectActorId().equals(a.subjectActorId());
        }
        List<String> heldNames = namesOf(h);
        List<String> agreedNames = namesOf(a);
        return heldNames.stream().anyMatch(x -> agreedNames.stream().anyMatch(y -> names.same(x, y)));
    }

    /** A body's names: as the report writes it, the gazetteer's name, and the gazetteer body that name resolves to. */
    List<String> namesOf(ArticleCommitment c) {
        return bodyOf(c).names();
    }

    Body bodyOf(ArticleCommitment c) {
        return bodies.get(new BodyRef(c.description(), c.subjectActorId()));
    }

    private Body body(BodyRef ref) {
        List<String> out = new ArrayList<>();
        out.add(ref.description());
        Optional.ofNullable(ref.subjectActorId()).flatMap(gazetteer::actor).ifPresent(a -> out.add(a.name()));
        for (ActorMention m : gazetteer.find(ref.description(), List.of())) {
            if (m.actor().type() == ActorType.ORGANISATION) {
                out.add(m.actor().name());
            }
        }
        Set<String> tokens = new TreeSet<>();
        if (ref.subjectActorId() != null) {
            tokens.add("actor:" + ref.subjectActorId());
        }
        out.forEach(name -> tokens.addAll(names.keys(name)));
        return new Body(List.copyOf(out), java.util.Collections.unmodifiableSet(tokens));
    }
}
