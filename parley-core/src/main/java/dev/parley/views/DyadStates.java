package dev.parley.views;

import dev.parley.avro.DatePrecision;
import dev.parley.avro.DyadActor;
import dev.parley.avro.DyadCommitment;
import dev.parley.avro.DyadContact;
import dev.parley.avro.DyadEvent;
import dev.parley.avro.DyadParticipant;
import dev.parley.avro.DyadSource;
import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.EventKind;
import dev.parley.avro.EventParticipant;
import dev.parley.avro.IndexPoint;
import dev.parley.engagement.Commitment;
import dev.parley.engagement.CommitmentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The state of a dyad (two countries) folded from its engagement events and commitments, currently or as of a
 * day: events in order with their sources, last contact, counts by kind, open and past commitments, topic weights,
 * actors, and a pressure–cooperation index per day. Plain Java over the topics' typed records; the rules (which
 * kinds are contacts, which statuses are open, the index scale) are data:
 * {@code dyad-state.properties}.
 *
 * <p>As of a day D: the events dated by D, the commitments agreed at one of them, and each commitment's status
 * as of D ({@link #statusAsOf}): HELD only once the meeting event the engagement stage found (its heldOn) is
 * dated by D, OVERDUE only once the due period ended before D and the engagement stage has itself found it overdue
 * or held, CANCELLED and POSTPONED as reported (the text gives no date for them).
 */
public final class DyadStates {

    private final Set<String> contactKinds;
    private final Set<String> openStatuses;
    private final double goldsteinScale;

    private DyadStates(Properties rules) {
        this.contactKinds = set(rules.getProperty("contact.kinds"));
        this.openStatuses = set(rules.getProperty("open.statuses"));
        this.goldsteinScale = Double.parseDouble(rules.getProperty("goldstein.scale"));
    }

    public static DyadStates loadDefault() {
        try (InputStream in = DyadStates.class.getResourceAsStream("/dev/parley/views/dyad-state.properties")) {
            Properties rules = new Properties();
            rules.load(in);
            return new DyadStates(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code us-mx} → {@code MX-US}; empty when it is not two different two-letter codes. */
    public static Optional<String> normalise(String dyad) {
        String[] codes = dyad.trim().toUpperCase(Locale.ROOT).split("-");
        if (codes.length != 2 || !codes[0].matches("[A-Z]{2}") || !codes[1].matches("[A-Z]{2}") || codes[0].equals(codes[1])) {
            return Optional.empty();
        }
        Arrays.sort(codes);
        return Optional.of(codes[0] + "-" + codes[1]);
    }

    /** The days a dyad's state changes on: its events' dates, each the timestamp of one version. */
    public static Set<LocalDate> versionDays(Collection<EngagementEvent> events) {
        return events.stream().map(EngagementEvent::getDate).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The dyad's state from its facts (other dyads' facts are ignored).
     *
     * @param asOf null for the current state (statuses as reported); otherwise the day it is as of
     * @return empty when the dyad has no event dated by {@code asOf}
     */
    public Optional<DyadState> fold(String dyad, Collection<EngagementEvent> allEvents,
                                    Collection<EngagementCommitment> allCommitments, LocalDate asOf) {
        Map<String, LocalDate> eventDates = new HashMap<>();
        allEvents.stream().filter(e -> e.getDyads().contains(dyad)).forEach(e -> eventDates.put(e.getId(), e.getDate()));
        List<EngagementEvent> events = allEvents.stream()
                .filter(e -> e.getDyads().contains(dyad) && dated(e.getDate(), asOf))
                .sorted(Comparator.comparing(EngagementEvent::getDate).thenComparing(EngagementEvent::getId))
                .toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DyadState.Builder state = DyadState.newBuilder().setDyad(dyad).setAsOf(asOf).setEventCount(events.size());
        state.setLastContact(events.stream().filter(e -> contactKinds.contains(e.getKind().name())).reduce((a, b) -> b)
                .map(e -> new DyadContact(e.getDate(), e.getKind().name(), e.getId())).orElse(null));

        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, DyadActor> actors = new TreeMap<>();
        Map<LocalDate, List<Double>> dailyScores = new TreeMap<>();
        for (EngagementEvent event : events) {
            counts.merge(event.getKind().name(), 1, Integer::sum);
            event.getTopics().forEach(t -> topics.merge(t, 1, Integer::sum));
            for (EventParticipant p : event.getParticipants()) {
                DyadActor actor = actors.computeIfAbsent(p.getActorId(),
                        id -> new DyadActor(id, p.getName(), p.getType(), p.getCountry(), 0, event.getDate()));
                actor.setEvents(actor.getEvents() + 1);
                actor.setLastSeen(event.getDate());
            }
            dailyScores.computeIfAbsent(event.getDate(), d -> new ArrayList<>()).add(event.getGoldstein());
        }
        state.setCountsByKind(new LinkedHashMap<>(counts));
        Map<String, Double> weights = new LinkedHashMap<>();
        topics.forEach((topic, n) -> weights.put(topic, round3((double) n / events.size())));
        state.setTopicWeights(weights);
        List<IndexPoint> series = new ArrayList<>();
        dailyScores.forEach((date, scores) -> series.add(new IndexPoint(date, Math.max(-1, Math.min(1,
                round3(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0) / goldsteinScale))))));
        state.setPressureCooperation(series);
        state.setActors(new ArrayList<>(actors.values()));

        List<DyadCommitment> commitments = allCommitments.stream()
                .filter(c -> c.getDyads().contains(dyad))
                .map(c -> commitment(c, eventDates.get(c.getAgreedAtEventId()), asOf))
                .filter(c -> asOf == null || (c.getAgreedOn() != null && !c.getAgreedOn().isAfter(asOf)))
                .sorted(Comparator.comparing((DyadCommitment c) -> c.getDueDate() == null ? LocalDate.MAX : c.getDueDate())
                        .thenComparing(DyadCommitment::getId))
                .toList();
        split(state, commitments);
        state.setEvents(events.stream().map(DyadStates::event).toList());
        return Optional.of(state.build());
    }

    /**
     * A stored version (folded as of its own day) seen from a later day D: no fact is dated between the two (it
     * would have made a newer version), so only the commitments' statuses move, by {@link #statusAsOf}.
     */
    public DyadState seenOn(DyadState version, LocalDate day) {
        DyadState.Builder state = DyadState.newBuilder(version).setAsOf(day);
        List<DyadCommitment> commitments = new ArrayList<>();
        for (DyadCommitment c : concat(version.getOpenCommitments(), version.getPastCommitments())) {
            commitments.add(DyadCommitment.newBuilder(c).setStatus(statusAsOf(c.getReportedStatus(), c.getHeldOn(),
                    c.getDueEnd(), day)).build());
        }
        commitments.sort(Comparator.comparing((DyadCommitment c) -> c.getDueDate() == null ? LocalDate.MAX : c.getDueDate())
                .thenComparing(DyadCommitment::getId));
        split(state, commitments);
        return state.build();
    }

    /**
     * A commitment's status as of a day: the core's one rule ({@link CommitmentStatus#seenOn}) from what the
     * engagement stage reports now (relative to its stream time), the day of the meeting event it found and the end
     * of the due period. Never more than the stream knows: a commitment reported SCHEDULED is not OVERDUE on a later
     * day.
     */
    public static String statusAsOf(String reported, LocalDate heldOn, LocalDate dueEnd, LocalDate day) {
        if (!reported.equals("SCHEDULED") && !reported.equals("HELD") && !reported.equals("OVERDUE")) {
            return reported; // CANCELLED, POSTPONED as reported: the text gives no date for them
        }
        Commitment.Status stage = Commitment.Status.valueOf(reported);
        if (stage == Commitment.Status.HELD && heldOn == null && dueEnd != null) {
            // A record of an older build: HELD without the meeting's day. After the due period it must have been
            // reported by then (the report is dated in the period), before it we cannot say.
            heldOn = dueEnd.plusDays(1);
        }
        return CommitmentStatus.seenOn(stage, heldOn, dueEnd, day).name();
    }

    /** The last day of a due period starting on {@code due}. */
    public static LocalDate dueEnd(LocalDate due, DatePrecision precision) {
        if (due == null) {
            return null;
        }
        return switch (precision) {
            case WEEK -> due.plusDays(6);
            case MONTH -> due.with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> due.with(TemporalAdjusters.lastDayOfYear());
            default -> due;
        };
    }

    private DyadCommitment commitment(EngagementCommitment c, LocalDate agreedOn, LocalDate asOf) {
        LocalDate dueEnd = dueEnd(c.getDueDate(), c.getDuePrecision());
        String reported = c.getStatus().name();
        // Whether and when it was held is the engagement stage's one rule (HeldMeetings); here it is only placed in time.
        LocalDate heldOn = c.getHeldOn();
        return DyadCommitment.newBuilder().setId(c.getId()).setDescription(c.getDescription())
                .setDueDate(c.getDueDate()).setDuePrecision(c.getDuePrecision()).setDueEnd(dueEnd)
                .setPlace(c.getPlace()).setParties(List.copyOf(c.getParties())).setAgreedAtEventId(c.getAgreedAtEventId())
                .setAgreedOn(agreedOn).setReportedStatus(reported).setHeldOn(heldOn)
                .setStatus(asOf == null ? reported : statusAsOf(reported, heldOn, dueEnd, asOf))
                .build();
    }

    private void split(DyadState.Builder state, List<DyadCommitment> commitments) {
        state.setOpenCommitments(commitments.stream().filter(c -> openStatuses.contains(c.getStatus())).toList());
        state.setPastCommitments(commitments.stream().filter(c -> !openStatuses.contains(c.getStatus())).toList());
    }

    private static DyadEvent event(EngagementEvent e) {
        return DyadEvent.newBuilder().setId(e.getId()).setDate(e.getDate()).setDatePrecision(e.getDatePrecision())
                .setKind(e.getKind().name()).setKinds(e.getKinds().stream().map(EventKind::name).toList())
                .setGoldstein(e.getGoldstein()).setTopics(List.copyOf(e.getTopics()))
                .setParticipants(e.getParticipants().stream().map(p -> new DyadParticipant(p.getActorId(), p.getName(),
                        p.getCountry(), p.getRole().name())).toList())
                .setSources(e.getSources().stream().map(s -> new DyadSource(s.getArticleId(), s.getOrigin())).toList())
                .build();
    }

    private static boolean dated(LocalDate date, LocalDate asOf) {
        return asOf == null || !date.isAfter(asOf);
    }

    private static double round3(double value) {
        return Math.round(1000.0 * value) / 1000.0;
    }

    private static List<DyadCommitment> concat(List<DyadCommitment> a, List<DyadCommitment> b) {
        List<DyadCommitment> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> set(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
