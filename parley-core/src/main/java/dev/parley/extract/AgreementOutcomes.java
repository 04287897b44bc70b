package dev.parley.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the sides agreed in a call or meeting, after placement: an agreement told in a sentence of its own is an event
 * of its own; an agreement on a contact to come, or what a communiqué says was agreed, is part of the contact. A stage
 * of {@link ArticleExtractor}.
 */
final class AgreementOutcomes {

    private final ParticipantMatcher matcher;
    private final Pattern meetingWords;

    AgreementOutcomes(ParticipantMatcher matcher, Pattern meetingWords) {
        this.matcher = matcher;
        this.meetingWords = meetingWords;
    }

    /** Folds agreements on a contact to come into their contact, then splits the other agreements off theirs. */
    void resolve(List<Draft> drafts, List<Mention> mentions) {
        foldAgreedContacts(drafts, mentions);
        drafts.addAll(outcomesOf(drafts, mentions));
    }

    /** Calls and meetings only: TriggerFinder.CONTACTS also counts agreements and communiqués. */
    private static final Set<EventKind> CALLS_AND_MEETINGS =
            EnumSet.of(EventKind.MEET_VISIT, EventKind.CONSULT_CALL);

    /**
     * "Acordaron volver a hablar antes de la reunión", "agreed to meet again in May": agreeing on a contact to come is
     * a commitment of the contact it was agreed in (the commitment reader tells it), not an agreement of its own.
     */
    private boolean agreesOnContact(Mention m, List<Mention> all) {
        if (m.kind != EventKind.AGREEMENT_COMMITMENT) {
            return false;
        }
        String after = Folding.fold(m.sentence.text().substring(Math.max(0, Math.min(m.sentence.text().length(),
                m.trigger.end() - m.sentence.span().start()))));
        // A standing body of both sides tasked with it meets: "convinieron que el Grupo de Implementación ...".
        boolean bodyTasked = m.actors.stream().anyMatch(a -> a.actor().type() == ActorType.ORGANISATION
                && a.actor().countries().size() >= 2 && a.span().start() >= m.trigger.end());
        return bodyTasked || meetingWords.matcher(after).find() || all.stream().anyMatch(x -> x != m
                && x.sentence.index() == m.sentence.index() && x.trigger.start() > m.trigger.start()
                && tellsCallOrMeeting(x));
    }

    /** The clause tells a call or meeting, as its kind or as one it merged ("agreed during a visit"). */
    private static boolean tellsCallOrMeeting(Mention m) {
        return CALLS_AND_MEETINGS.contains(m.kind) || m.mergedKinds.stream().anyMatch(CALLS_AND_MEETINGS::contains);
    }

    /**
     * An event that only agrees on a contact to come joins the contact of its day it was agreed in; what is agreed
     * after a communiqué of that day is told joins the communiqué ("En un comunicado conjunto ... También se acordó").
     */
    private void foldAgreedContacts(List<Draft> drafts, List<Mention> all) {
        for (Draft d : List.copyOf(drafts)) {
            if (d.date == null || !d.kinds.equals(List.of(EventKind.AGREEMENT_COMMITMENT))) {
                continue;
            }
            boolean onContact = d.mentions.stream().allMatch(m -> agreesOnContact(m, all));
            // Undated, it was agreed in the article's contact with those people, whatever its day.
            boolean undated = d.basis == DateBasis.PUBLICATION_FALLBACK || d.basis == DateBasis.POST_DATE;
            Draft contact = drafts.stream().filter(c -> c != d && c.date != null
                    && (undated || c.date.compatibleWith(d.date))
                    && (onContact && c.kinds.stream().anyMatch(CALLS_AND_MEETINGS::contains)
                        || c.kinds.contains(EventKind.JOINT_STATEMENT) && c.firstSentence() < d.firstSentence())
                    && matcher.compatible(c.participants.values(), d.participants.values())).findFirst().orElse(null);
            if (contact == null) {
                continue;
            }
            for (Mention m : d.mentions) {
                m.event = contact;
                contact.mentions.add(m);
                contact.sentences.add(m.sentence.index());
            }
            if (!contact.kinds.contains(EventKind.AGREEMENT_COMMITMENT)) {
                contact.kinds.add(EventKind.AGREEMENT_COMMITMENT);
            }
            d.participants.values().forEach(p -> contact.participants.putIfAbsent(p.actorId(), p));
            drafts.remove(d);
        }
    }

    /**
     * "Se reunieron ... Durante el encuentro, acordaron reforzar ...": what the sides agreed in a meeting or call is an
     * event of its own, between the same sides on the same day, told by its own clauses. The contact keeps the
     * clauses that tell it; an agreement told in the contact's own sentence ("agreed during a visit", "as agreed")
     * or on a contact to come stays with it, and so does all that a communiqué of the contact says was agreed.
     */
    private List<Draft> outcomesOf(List<Draft> drafts, List<Mention> all) {
        List<Draft> outcomes = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.date == null || d.kinds.stream().noneMatch(CALLS_AND_MEETINGS::contains)
                    || !d.kinds.contains(EventKind.AGREEMENT_COMMITMENT)
                    || d.kinds.contains(EventKind.JOINT_STATEMENT)) {
                continue;
            }
            // A clause in the sentence that tells the contact mostly refers back to it ("se reunió ..., tal como lo
            // acordaron los cancilleres"): only an agreement told in a sentence of its own is an outcome.
            Set<Integer> contactSentences = d.mentions.stream().filter(AgreementOutcomes::tellsCallOrMeeting)
                    .map(m -> m.sentence.index()).collect(Collectors.toSet());
            List<Mention> agreed = d.mentions.stream().filter(m -> m.kind == EventKind.AGREEMENT_COMMITMENT
                    && !m.hedged && !contactSentences.contains(m.sentence.index())
                    && !agreesOnContact(m, all)).toList();
            if (agreed.isEmpty() || contactSentences.isEmpty()) {
                continue;
            }
            Draft outcome = Draft.splitFrom(d, EventKind.AGREEMENT_COMMITMENT);
            for (Mention m : agreed) {
                d.mentions.remove(m);
                m.event = outcome;
                outcome.mentions.add(m);
                outcome.sentences.add(m.sentence.index());
                m.participants.forEach(p -> outcome.participants.putIfAbsent(p.actorId(), p));
            }
            // The sides of the contact are the sides of what it agreed, as parties of a symmetric act.
            d.participants.values().forEach(p -> outcome.participants.putIfAbsent(p.actorId(),
                    new Participant(p.actorId(), p.name(), p.type(), p.country(), Participant.Role.PARTICIPANT)));
            if (d.mentions.stream().noneMatch(x -> x.kind == EventKind.AGREEMENT_COMMITMENT
                    || x.mergedKinds.contains(EventKind.AGREEMENT_COMMITMENT))) {
                d.kinds.remove(EventKind.AGREEMENT_COMMITMENT);
            }
            d.sentences.clear();
            d.mentions.forEach(m -> d.sentences.add(m.sentence.index()));
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
