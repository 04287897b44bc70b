package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.CommitmentStatus;
import dev.parley.avro.DateBasis;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DyadCommitment;
import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.EventKind;
import dev.parley.avro.EventParticipant;
import dev.parley.avro.EventSource;
import dev.parley.avro.ParticipantRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The dyad fold on invented typed events: current and as-of states, commitment statuses as of a day, versions. */
public class DyadStatesTest {

    private final DyadStates states = DyadStates.loadDefault();

    public static EngagementEvent event(String id, String date, EventKind kind, double goldstein, List<String> dyads,
                                 List<String> topics, String... actors) {
        return EngagementEvent.newBuilder().setId(id).setKind(kind).setKinds(List.of(kind)).setGoldstein(goldstein)
                .setDate(LocalDate.parse(date)).setDatePrecision(DatePrecision.DAY).setDateBasis(DateBasis.EXPLICIT)
                .setCountries(List.of()).setDyads(dyads).setTopics(topics)
                .setParticipants(Arrays.stream(actors).map(a -> EventParticipant.newBuilder().setActorId(a)
                        .setName(a.toUpperCase()).setType("PERSON").setCountry("XX").setRole(ParticipantRole.PARTICIPANT)
                        .build()).toList())
                .setSources(List.of(EventSource.newBuilder().setArticleId("art-" + id).setOrigin("files/" + id + ".txt")
                        .setDateBasis(DateBasis.EXPLICIT).setPassages(List.of()).build()))
                .build();
    }

    public static EngagementCommitment commitment(String id, String agreedAt, CommitmentStatus status, String due,
                                           DatePrecision precision, String... parties) {
        return EngagementCommitment.newBuilder().setId(id).setDescription("meeting " + id).setDyads(List.of("CA-MX"))
                .setAgreedAtEventId(agreedAt).setStatus(status).setDueDate(LocalDate.parse(due))
                .setDuePrecision(precision).setParties(List.of(parties)).setSources(List.of()).build();
    }

    private final List<EngagementEvent> events = List.of(
            event("e1", "2026-03-01", EventKind.CONSULT_CALL, 1.0, List.of("CA-MX"), List.of("trade"), "ana", "bo"),
            event("e2", "2026-03-03", EventKind.THREAT, -6.0, List.of("CA-MX"), List.of("trade", "visas"), "bo"),
            event("e3", "2026-03-03", EventKind.MEET_VISIT, 4.0, List.of("CA-MX"), List.of("visas"), "ana"),
            event("e4", "2026-03-05", EventKind.STATEMENT, 0.0, List.of("CA-MX", "CA-US"), List.of(), "cy"));
    private final List<EngagementCommitment> commitments = List.of(
            commitment("c1", "e3", CommitmentStatus.SCHEDULED, "2026-04-01", DatePrecision.MONTH, "ana"),
            // The engagement stage found it held by the meeting e3 (HeldMeetings); the fold only places that in time.
            EngagementCommitment.newBuilder(commitment("c2", "e1", CommitmentStatus.HELD, "2026-03-03", DatePrecision.DAY,
                    "ana")).setHeldOn(LocalDate.parse("2026-03-03")).setHeldAtEventId("e3").build());

    private static List<String> ids(List<DyadCommitment> commitments) {
        return commitments.stream().map(c -> c.getId() + ":" + c.getStatus()).toList();
    }

    @Test
    void theCurrentStateFoldsEveryEventOfTheDyad() {
        DyadState state = states.fold("CA-MX", events, commitments, null).orElseThrow();
        assertThat(state.getAsOf()).isNull();
        assertThat(state.getEventCount()).isEqualTo(4);
        assertThat(state.getEvents()).extracting(e -> e.getId()).containsExactly("e1", "e2", "e3", "e4");
        assertThat(state.getEvents().get(0).getSources()).extracting(s -> s.getOrigin()).containsExactly("files/e1.txt");
        assertThat(state.getLastContact().getEventId()).isEqualTo("e3"); // a statement is no contact
        assertThat(state.getCountsByKind()).containsEntry("THREAT", 1).containsEntry("CONSULT_CALL", 1);
        assertThat(state.getTopicWeights()).containsEntry("trade", 0.5);
        assertThat(state.getPressureCooperation()).extracting(p -> p.getDate() + "=" + p.getValue())
                .containsExactly("2026-03-01=0.1", "2026-03-03=-0.1", "2026-03-05=0.0");
        assertThat(ids(state.getOpenCommitments())).containsExactly("c1:SCHEDULED");
        assertThat(ids(state.getPastCommitments())).containsExactly("c2:HELD");
        assertThat(state.getPastCommitments().get(0).getHeldOn()).isEqualTo(LocalDate.parse("2026-03-03"));
        assertThat(state.getOpenCommitments().get(0).getDueEnd()).isEqualTo(LocalDate.parse("2026-04-30"));
        assertThat(state.getActors()).extracting(a -> a.getActorId() + ":" + a.getEvents())
                .containsExactly("ana:2", "bo:2", "cy:1");
        assertThat(states.fold("CA-US", events, commitments, null).orElseThrow().getEventCount()).isEqualTo(1);
        assertThat(states.fold("MX-US", events, commitments, null)).isEmpty();
    }

    @Test
    void asOfADayOnlyWhatHadHappenedCountsAndStatusesAreThoseOfThatDay() {
        DyadState second = states.fold("CA-MX", events, commitments, LocalDate.parse("2026-03-02")).orElseThrow();
        assertThat(second.getEvents()).extracting(e -> e.getId()).containsExactly("e1");
        // c2 was agreed on the 1st and is reported held now, but the meeting (e3) is dated the 3rd.
        assertThat(ids(second.getOpenCommitments())).containsExactly("c2:SCHEDULED");
        assertThat(second.getPastCommitments()).isEmpty();
        DyadState third = states.fold("CA-MX", events, commitments, LocalDate.parse("2026-03-03")).orElseThrow();
        assertThat(ids(third.getPastCommitments())).containsExactly("c2:HELD");
        assertThat(ids(third.getOpenCommitments())).containsExactly("c1:SCHEDULED");
        assertThat(states.fold("CA-MX", events, commitments, LocalDate.parse("2026-02-28"))).isEmpty();
    }

    @Test
    void aCommitmentsStatusAsOfADayNeverSaysMoreThanTheStreamKnew() {
        LocalDate dueEnd = LocalDate.parse("2026-02-28");
        LocalDate heldOn = LocalDate.parse("2026-02-10");
        // Held: only from the day the meeting is reported on.
        assertThat(DyadStates.statusAsOf("HELD", heldOn, dueEnd, LocalDate.parse("2026-02-09"))).isEqualTo("SCHEDULED");
        assertThat(DyadStates.statusAsOf("HELD", heldOn, dueEnd, heldOn)).isEqualTo("HELD");
        assertThat(DyadStates.statusAsOf("HELD", null, dueEnd, LocalDate.parse("2026-02-20"))).isEqualTo("SCHEDULED");
        assertThat(DyadStates.statusAsOf("HELD", null, dueEnd, LocalDate.parse("2026-03-01"))).isEqualTo("HELD");
        // Overdue: only once the due period has ended, and only when the stream itself found it overdue.
        assertThat(DyadStates.statusAsOf("OVERDUE", null, dueEnd, dueEnd)).isEqualTo("SCHEDULED");
        assertThat(DyadStates.statusAsOf("OVERDUE", null, dueEnd, LocalDate.parse("2026-03-01"))).isEqualTo("OVERDUE");
        assertThat(DyadStates.statusAsOf("SCHEDULED", null, dueEnd, LocalDate.parse("2027-01-01"))).isEqualTo("SCHEDULED");
        // Undated statuses stay as reported.
        assertThat(DyadStates.statusAsOf("CANCELLED", null, dueEnd, LocalDate.parse("2026-01-01"))).isEqualTo("CANCELLED");
        assertThat(DyadStates.dueEnd(LocalDate.parse("2026-02-01"), DatePrecision.MONTH)).isEqualTo(dueEnd);
        assertThat(DyadStates.dueEnd(LocalDate.parse("2026-01-19"), DatePrecision.WEEK)).isEqualTo(LocalDate.parse("2026-01-25"));
    }

    /**
     * What the versioned store answers — the latest version at or before a day, seen from that day — is the fold
     * of the facts dated by that day, for random histories and days (seeded, many repetitions).
     */
    @Test
    void theVersionBeforeADaySeenFromThatDayIsTheFoldAsOfThatDay() {
        Random random = new Random(20260113L);
        EventKind[] kinds = {EventKind.CONSULT_CALL, EventKind.MEET_VISIT, EventKind.THREAT, EventKind.DEMAND};
        CommitmentStatus[] statuses = {CommitmentStatus.SCHEDULED, CommitmentStatus.HELD, CommitmentStatus.OVERDUE};
        LocalDate start = LocalDate.parse("2026-01-01");
        for (int round = 0; round < 300; round++) {
            List<EngagementEvent> history = new ArrayList<>();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                history.add(event("e" + i, start.plusDays(random.nextInt(60)).toString(), kinds[random.nextInt(kinds.length)],
                        random.nextInt(21) - 10, List.of("CA-MX"), List.of("t" + random.nextInt(3)),
                        random.nextBoolean() ? "ana" : "bo"));
            }
            List<EngagementCommitment> promises = new ArrayList<>();
            for (int i = 0; i < random.nextInt(3); i++) {
                promises.add(commitment("c" + i, "e" + random.nextInt(n), statuses[random.nextInt(statuses.length)],
                        start.plusDays(random.nextInt(60)).toString(),
                        random.nextBoolean() ? DatePrecision.DAY : DatePrecision.MONTH, random.nextBoolean() ? "ana" : "bo"));
            }
            Collections.shuffle(history, random);
            TreeSet<LocalDate> versions = new TreeSet<>(DyadStates.versionDays(history));
            for (int d = 0; d < 90; d += 1 + random.nextInt(5)) {
                LocalDate day = start.plusDays(d);
                Optional<DyadState> expected = states.fold("CA-MX", history, promises, day);
                LocalDate versionDay = versions.floor(day);
                Optional<DyadState> answered = versionDay == null ? Optional.empty()
                        : states.fold("CA-MX", history, promises, versionDay).map(v -> states.seenOn(v, day));
                assertThat(answered).as("round %d, day %s", round, day).isEqualTo(expected);
            }
        }
    }
}
