package dev.parley.engagement.stream;

import dev.parley.avro.CommitmentStatus;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateBasis;
import dev.parley.avro.EmphasisDifference;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.EventKind;
import dev.parley.avro.EventParticipant;
import dev.parley.avro.EventQuote;
import dev.parley.avro.EventSource;
import dev.parley.avro.EventStance;
import dev.parley.avro.ParticipantRole;
import dev.parley.avro.Readout;
import dev.parley.avro.TextPassage;
import dev.parley.engagement.Commitment;
import dev.parley.engagement.EventSummary;
import dev.parley.extract.Participant;
import dev.parley.extract.Passage;
import dev.parley.extract.ResolvedDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/** The engagement core's results as the Avro records of parley.engagement.events and .commitments. */
final class EngagementRecords {

    private EngagementRecords() {
    }

    /**
     * @param relationCountries an actor's countries for dyads: its own, and the host country of an envoy
     */
    static EngagementEvent event(dev.parley.engagement.EngagementEvent e, Function<String, String> origins,
                                 Function<String, List<String>> relationCountries, String rulesVersion) {
        TreeSet<String> countries = new TreeSet<>();
        for (Participant p : e.participants()) {
            List<String> relation = relationCountries.apply(p.actorId());
            if (relation == null || relation.isEmpty()) {
                if (p.country() != null) {
                    countries.add(p.country());
                }
            } else {
                countries.addAll(relation);
            }
        }
        return EngagementEvent.newBuilder()
                .setId(e.eventId())
                .setKind(EventKind.valueOf(e.kind().name()))
                .setKinds(e.kinds().stream().map(k -> EventKind.valueOf(k.name())).sorted().toList())
                .setGoldstein(e.goldstein())
                .setDate(e.date().first())
                .setDatePrecision(precision(e.date()))
                .setDateBasis(DateBasis.valueOf(e.dateBasis().name()))
                .setCountries(List.copyOf(countries))
                .setDyads(dyads(countries))
                .setParticipants(e.participants().stream().sorted().map(EngagementRecords::participant).toList())
                .setPlace(e.placeId())
                .setTopics(List.copyOf(new TreeSet<>(e.topics())))
                .setSources(e.sources().stream().map(s -> EventSource.newBuilder()
                        .setArticleId(s.articleId())
                        .setOrigin(origins.apply(s.articleId()))
                        .setDateBasis(DateBasis.valueOf(s.dateBasis().name()))
                        .setPassages(passages(s.passages()))
                        .build()).toList())
                .setQuotes(e.quotes().stream().map(q -> EventQuote.newBuilder().setText(q.text())
                        .setSpeakerId(q.speakerId()).setSpeakerCountry(q.speakerCountry())
                        .setPassage(passage(q.passage())).build()).toList())
                .setStances(e.stances().stream().map(s -> EventStance.newBuilder().setType(s.type().name())
                        .setSide(s.side()).setTerm(s.term()).setPassage(passage(s.passage())).build()).toList())
                .setReadouts(e.readouts().stream().map(r -> Readout.newBuilder().setSide(r.side())
                        .setSpeakerIds(List.copyOf(new TreeSet<>(r.speakerIds())))
                        .setEmphasis(List.copyOf(new TreeSet<>(r.emphasis())))
                        .setPassages(passages(r.passages())).build()).toList())
                .setEmphasisDifferences(e.emphasisDifferences().stream().map(d -> EmphasisDifference.newBuilder()
                        .setSide(d.side()).setEmphasis(d.emphasis()).setSpans(passages(d.spans())).build()).toList())
                .setRulesVersion(rulesVersion)
                .setSummary(EventSummary.withShippedData().summary(e, relationCountries))
                .setEvidence(EventSummary.evidence(e))
                .build();
    }

    static EngagementCommitment commitment(Commitment c, Function<String, List<String>> relationCountries,
                                           String rulesVersion) {
        TreeSet<String> countries = new TreeSet<>(c.countries());
        c.parties().stream().map(relationCountries).filter(Objects::nonNull).forEach(countries::addAll);
        ResolvedDate due = c.dueDate();
        return EngagementCommitment.newBuilder()
                .setId(c.commitmentId())
                .setDescription(c.description())
                .setSubjectActorId(c.subjectActorId())
                .setDueDate(due == null ? null : due.first())
                .setDuePrecision(due == null ? DatePrecision.UNKNOWN : precision(due))
                .setPlace(c.placeId())
                .setParties(List.copyOf(new TreeSet<>(c.parties())))
                .setCountries(List.copyOf(countries))
                .setDyads(dyads(countries))
                .setAgreedAtEventId(c.agreedAtEventId())
                .setStatus(CommitmentStatus.valueOf(c.status().name()))
                .setHeldOn(c.heldOn())
                .setHeldAtEventId(c.heldAtEventId())
                .setSources(passages(c.sources()))
                .setRulesVersion(rulesVersion)
                .build();
    }

    static List<String> dyads(Collection<String> sortedCountries) {
        List<String> codes = List.copyOf(new TreeSet<>(sortedCountries));
        List<String> dyads = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                dyads.add(codes.get(i) + "-" + codes.get(j));
            }
        }
        return dyads;
    }

    private static DatePrecision precision(ResolvedDate date) {
        return DatePrecision.valueOf(date.precision().name());
    }

    private static EventParticipant participant(Participant p) {
        return EventParticipant.newBuilder().setActorId(p.actorId()).setName(p.name()).setType(p.type().name())
                .setCountry(p.country()).setRole(ParticipantRole.valueOf(p.role().name())).build();
    }

    private static List<TextPassage> passages(List<Passage> passages) {
        return passages.stream().map(EngagementRecords::passage).toList();
    }

    private static TextPassage passage(Passage p) {
        return TextPassage.newBuilder().setArticleId(p.articleId()).setStart(p.start()).setEnd(p.end())
                .setText(p.text()).build();
    }
}
