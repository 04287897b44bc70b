package dev.parley.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where each clause goes: a new event of the article, an event already drafted (same group, compatible date and
 * people), or nowhere (hedged, one-sided, not strong enough to stand alone). A stage of {@link ArticleExtractor}.
 */
final class EventPlacement {

    private final Gazetteer gazetteer;
    private final Ontology ontology;
    private final ParticipantMatcher matcher;

    EventPlacement(Gazetteer gazetteer, Ontology ontology, ParticipantMatcher matcher) {
        this.gazetteer = gazetteer;
        this.ontology = ontology;
        this.matcher = matcher;
    }

    /**
     * The article's events from its clauses: dated reports first, then undated ones that attach to an event or stand
     * alone when strong enough, then subordinate clauses dated from their main clause.
     */
    List<Draft> place(List<Mention> mentions, int lead, LocalDate published) {
        List<Draft> drafts = new ArrayList<>();
        // Phase 1: reports that carry their own date.
        for (Mention m : mentions) {
            if (!m.hedged && m.date != null && m.connectorAnchor == null) {
                placeDated(m, drafts);
            }
        }
        // Phase 2: undated reports attach to an event of this article, or stand alone when strong enough.
        for (Mention m : bodyThenTitle(mentions, lead)) {
            // strong() is false for a reporting verb: only a lead statement stands alone undated.
            if (m.hedged || m.event != null || m.connectorAnchor != null || m.date != null
                    || !(leadStatement(m, lead) || strong(m, lead))) {
                continue;
            }
            // A report that could stand alone joins an event of its own group only: a lead demand is not a call.
            // Except an act just after a contact between the same sides: it was made there ("In the talks X demanded").
            Draft contact = madeInContact(m, drafts, lead);
            List<Draft> candidates = drafts.stream().filter(d -> !longBefore(d, m, lead, published)).toList();
            Draft target = contact != null ? contact
                    : inTitle(m, lead) ? titled(m, candidates) : nearestAttachable(m, candidates, true);
            if (target != null) {
                attach(target, m);
            } else if (international(m) && !(inTitle(m, lead) && restatesPlan(m, mentions))) {
                create(m, drafts, fallbackDate(m, published), m.sentence.inPost() ? DateBasis.POST_DATE
                        : DateBasis.PUBLICATION_FALLBACK, anchorOf(m, published));
            }
        }
        for (Mention m : mentions) {
            // An undated reporting verb only says who spoke; its quotes and stances join the event around it.
            if (m.hedged || m.datedOnly || m.event != null || m.connectorAnchor != null || m.date != null) {
                continue;
            }
            Draft target = nearestAttachable(m, drafts, false);
            if (target != null) {
                attach(target, m);
            }
        }
        // Phase 3: subordinate clauses dated relative to their main clause.
        for (Mention m : mentions) {
            if (m.hedged || m.connectorAnchor == null) {
                continue;
            }
            ResolvedDate anchorDate = m.connectorAnchor.event != null ? m.connectorAnchor.event.date
                    : m.connectorAnchor.date != null ? m.connectorAnchor.date.date() : null;
            if (anchorDate == null) {
                continue;
            }
            if (m.date == null) {
                m.relativeAnchor = anchorDate.first();
                LocalDate shifted = anchorDate.first().plusDays(m.connectorOffset);
                m.date = new DateResolver.DateMention(m.trigger, new ResolvedDate(shifted, m.connectorPrecision), true);
            }
            if (m.keyIds().isEmpty() && ontology.sameGroup(m.kind, m.connectorAnchor.kind)) {
                // "se reunieron ..., un día después de haber conversado": the clause shares its main clause's subject.
                Draft main = m.connectorAnchor.event;
                m.participants.addAll(main != null ? main.participants.values() : m.connectorAnchor.participants);
            }
            placeDated(m, drafts);
        }

        drafts.addAll(actsWithin(drafts));
        return drafts;
    }

    /** How long before the paper an undated lead or headline may still report an event dated in the text. */
    private static final int NEWS_WINDOW_DAYS = 7;

    /**
     * "Lyng said he will ask Japan ..." over "Last year, the administration rejected ...": an undated lead or headline
     * reports the news of its day, not an event the text dates long before.
     */
    private static boolean longBefore(Draft d, Mention m, int lead, LocalDate published) {
        boolean news = inTitle(m, lead) || m.sentence.index() == lead;
        return news && d.date != null && d.basis == DateBasis.EXPLICIT
                && d.date.last().isBefore(anchorOf(m, published).minusDays(NEWS_WINDOW_DAYS));
    }

    /**
     * A headline restates one of the body's reports, not always the lead's ("México y EU acuerdan ..." over a lead
     * that tells the meeting): the body's reports are placed first, so the title can join the one it restates.
     */
    private static List<Mention> bodyThenTitle(List<Mention> mentions, int lead) {
        List<Mention> ordered = new ArrayList<>(mentions.stream().filter(m -> !inTitle(m, lead)).toList());
        mentions.stream().filter(m -> inTitle(m, lead)).forEach(ordered::add);
        return ordered;
    }

    private static boolean inTitle(Mention m, int lead) {
        return m.sentence.index() < lead && !m.sentence.inPost();
    }

    /**
     * "U.S., JAPANESE OPEN TALKS" over "officials meet tomorrow": a headline's present tells news of the paper's day,
     * and when the body tells that contact only as still to come (and never as held), so does the headline.
     */
    private boolean restatesPlan(Mention title, List<Mention> mentions) {
        Set<String> sides = countriesOf(title.participants);
        List<Mention> sameContact = mentions.stream().filter(x -> x != title && !inTitleSentence(x, title)
                && ontology.sameGroup(x.kind, title.kind)
                && countriesOf(x.participants).stream().anyMatch(sides::contains)).toList();
        return sameContact.stream().anyMatch(x -> x.hedged) && sameContact.stream().noneMatch(x -> !x.hedged && x.event != null);
    }

    private static boolean inTitleSentence(Mention x, Mention title) {
        return x.sentence.index() == title.sentence.index();
    }

    /** The body's event the title restates: the first told of the title's own kind, else the nearest of its group. */
    private Draft titled(Mention m, List<Draft> drafts) {
        for (Draft d : drafts) {
            if (d.kinds.contains(m.kind) && ontology.attachable(d.kinds.get(0), m.kind)
                    && participantsCompatible(d, m) && !answers(m, d)) {
                return d;
            }
        }
        return nearestAttachable(m, drafts, true);
    }

    /**
     * "Reagan had talks with Moi, who afterwards appealed for more U.S. investment": a demand, threat or rejection
     * made in a meeting or call is an act of its own, between the sides of that contact, with its speaker as the
     * initiator. The contact keeps its own kinds; the act becomes a verbal event of the same date.
     */
    private List<Draft> actsWithin(List<Draft> drafts) {
        List<Draft> acts = new ArrayList<>();
        for (Draft d : drafts) {
            if (!ontology.info(d.kinds.get(0)).group().equals("INTERACTION") || d.date == null) {
                continue;
            }
            for (Mention m : List.copyOf(d.mentions)) {
                if (!SEPARATE_ACTS.contains(m.kind) || m.hedged || d.mentions.get(0) == m) {
                    continue;
                }
                Set<String> speakers = m.participants.stream().filter(p -> p.role() == Participant.Role.INITIATOR)
                        .map(Participant::actorId).collect(Collectors.toSet());
                if (speakers.isEmpty() || !d.participants.keySet().containsAll(speakers)
                        && m.participants.stream().noneMatch(p -> d.participants.containsKey(p.actorId()))) {
                    continue;
                }
                Draft act = Draft.splitFrom(d, m.kind);
                act.mentions.add(m);
                act.sentences.add(m.sentence.index());
                m.participants.forEach(p -> act.participants.putIfAbsent(p.actorId(), p));
                boolean targeted = m.participants.stream().anyMatch(p -> p.role() == Participant.Role.TARGET);
                for (Participant p : d.participants.values()) {
                    if (!act.participants.containsKey(p.actorId())) {
                        act.participants.put(p.actorId(), new Participant(p.actorId(), p.name(), p.type(),
                                p.country(), targeted ? Participant.Role.PARTICIPANT : Participant.Role.TARGET));
                    }
                }
                if (!international(act)) {
                    continue;
                }
                d.mentions.remove(m);
                m.event = act;
                if (d.mentions.stream().noneMatch(x -> x.kind == m.kind || x.mergedKinds.contains(m.kind))) {
                    d.kinds.remove(m.kind);
                }
                acts.add(act);
            }
        }
        return acts;
    }

    private Set<String> countriesOf(Draft d) {
        return countriesOf(d.participants.values());
    }

    /** The states the participants speak for: a gazetteer actor's countries (an envoy's host too), else its own. */
    private Set<String> countriesOf(java.util.Collection<Participant> participants) {
        Set<String> all = new HashSet<>();
        for (Participant p : participants) {
            gazetteer.actor(p.actorId()).ifPresentOrElse(a -> all.addAll(a.countries()), () -> {
                if (p.country() != null) {
                    all.add(p.country());
                }
            });
        }
        return all;
    }

    private String countryOf(Participant p) {
        return gazetteer.actor(p.actorId()).map(a -> a.countries().isEmpty() ? null : a.countries().get(0))
                .orElse(p.country());
    }

    private static final Set<EventKind> SEPARATE_ACTS = dev.parley.extract.syntax.TriggerFinder.DIRECTED_ACTS;

    /** "It rejected the proposal and threatened sanctions": a rejection and a threat are two acts, not one event. */
    private boolean otherAct(Draft d, Mention m) {
        return SEPARATE_ACTS.contains(m.kind) && !m.hedged
                && d.kinds.stream().anyMatch(k -> SEPARATE_ACTS.contains(k) && !ontology.compatible(k, m.kind));
    }

    private boolean international(Draft d) {
        return countriesOf(d).size() >= 2;
    }

    private void placeDated(Mention m, List<Draft> drafts) {
        ResolvedDate date = m.date.date();
        for (Draft d : drafts) {
            if (ontology.sameGroup(d.kinds.get(0), m.kind) && d.date != null && d.date.compatibleWith(date)
                    && participantsCompatible(d, m) && !otherAct(d, m)) {
                attach(d, m);
                if (d.basis != DateBasis.EXPLICIT || date.precision().compareTo(d.date.precision()) < 0) {
                    d.date = date;
                    d.basis = m.relativeAnchor == null ? DateBasis.EXPLICIT : DateBasis.RELATIVE_CLAUSE;
                }
                return;
            }
        }
        // An undated event of this article that this dated report names more precisely.
        for (Draft d : drafts) {
            if (d.kinds.contains(m.kind) && d.basis == DateBasis.PUBLICATION_FALLBACK
                    && participantsCompatible(d, m) && !m.keyIds().isEmpty()) {
                attach(d, m);
                d.date = date;
                d.basis = DateBasis.EXPLICIT;
                return;
            }
        }
        if ((m.keyIds().isEmpty() && !betweenStates(m)) || !international(m)) {
            Draft target = nearestAttachable(m, drafts, false);
            if (target != null && target.date != null && target.date.compatibleWith(date)) {
                attach(target, m);
            }
            return;
        }
        boolean relative = m.relativeAnchor != null;
        create(m, drafts, date, relative ? DateBasis.RELATIVE_CLAUSE : DateBasis.EXPLICIT,
                relative ? m.relativeAnchor : anchorOf(m, null));
    }

    private void create(Mention m, List<Draft> drafts, ResolvedDate date, DateBasis basis, LocalDate anchor) {
        Draft d = new Draft();
        d.date = date;
        d.basis = basis;
        d.anchor = anchor;
        drafts.add(d);
        attach(d, m);
    }

    private void attach(Draft d, Mention m) {
        m.event = d;
        d.mentions.add(m);
        if (m.syntaxOnly && d.mentions.size() > 1 && !(assertedAct(m) && speakerAndAddressee(m, false))) {
            // A trigger only the parse found confirms an event the word rules told; it does not rename it, unless it
            // is an act the parse asserts between two sides ("It has also asked France to ..."): that is its own kind.
            d.sentences.add(m.sentence.index());
            return;
        }
        if (!d.kinds.contains(m.kind)) {
            d.kinds.add(m.kind);
        }
        m.mergedKinds.stream().filter(k -> !d.kinds.contains(k)).forEach(d.kinds::add);
        d.sentences.add(m.sentence.index());
        if (m.sentence.inPost() && d.basis == DateBasis.PUBLICATION_FALLBACK && ontology.sameGroup(d.kinds.get(0), m.kind)) {
            // A post that repeats an undated report dates it.
            d.date = ResolvedDate.day(m.sentence.post().date());
            d.basis = DateBasis.POST_DATE;
            d.anchor = m.sentence.post().date();
        }
        boolean first = d.mentions.size() == 1;
        boolean enrich = first || d.keyIds().isEmpty()
                || (m.persons() == 0 && !m.anaphoric && ontology.sameGroup(d.kinds.get(0), m.kind));
        boolean sidesKnown = !first && countriesOf(d).size() >= 2
                && m.sentence.index() != d.mentions.get(0).sentence.index();
        for (Participant p : m.participants) {
            if (sidesKnown && !countriesOf(d).contains(countryOf(p))) {
                // An event whose two sides are known does not take in every country a later sentence names.
                continue;
            }
            if (first || (enrich && !d.participants.containsKey(p.actorId()))
                    || (p.type() == ActorType.COUNTRY && !d.participants.containsKey(p.actorId()) && d.persons() == 0)) {
                d.participants.putIfAbsent(p.actorId(), p);
            }
        }
    }

    private Draft nearestAttachable(Mention m, List<Draft> drafts, boolean sameGroupOnly) {
        Draft best = null;
        long bestScore = Long.MAX_VALUE;
        for (Draft d : drafts) {
            boolean sameKindGroup = ontology.sameGroup(d.kinds.get(0), m.kind);
            if (!ontology.attachable(d.kinds.get(0), m.kind) || !participantsCompatible(d, m)
                    || (sameGroupOnly && !sameKindGroup) || answers(m, d) || otherAct(d, m)) {
                continue;
            }
            // Nearest in characters, so that of two events in one sentence the closer clause wins.
            // Later sentences mostly elaborate on events already told: an event told only further on counts double.
            long distance = d.mentions.stream().mapToLong(x -> x.trigger.start() <= m.trigger.start()
                            ? m.trigger.start() - x.trigger.start() : 2L * (x.trigger.start() - m.trigger.start()))
                    .min().orElse(Integer.MAX_VALUE);
            long score = distance + (sameKindGroup ? 0 : 1_000_000) + (d.kinds.contains(m.kind) ? 0 : 1);
            if (score < bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * "The U.S. said it would retaliate ... Japan said the decision was based on incorrect data": an act whose speaker
     * is the other act's target answers it; it is an act of its own, not a second report of the first.
     */
    private boolean answers(Mention m, Draft d) {
        if (!SEPARATE_ACTS.contains(m.kind) || d.kinds.stream().noneMatch(SEPARATE_ACTS::contains)) {
            return false;
        }
        // The act's speaker is the event's target, and it addresses someone: the event's speaker (a reply) or a
        // party the event does not have ("Peru warned Bolivia" after "Chile asked Peru"). Addressing no one, it
        // may well be the target's side of the same event.
        Set<String> speakers = countriesIn(m.participants, Participant.Role.INITIATOR);
        Set<String> addressed = countriesIn(m.participants, Participant.Role.TARGET);
        Set<String> eventSpeakers = countriesIn(d.participants.values(), Participant.Role.INITIATOR);
        Set<String> targets = countriesIn(d.participants.values(), Participant.Role.TARGET);
        Set<String> eventParties = new HashSet<>(eventSpeakers);
        eventParties.addAll(targets);
        targets.removeAll(eventSpeakers);
        return speakers.stream().anyMatch(targets::contains) && addressed.stream()
                .anyMatch(a -> eventSpeakers.contains(a) || !eventParties.contains(a));
    }

    private Set<String> countriesIn(java.util.Collection<Participant> participants, Participant.Role role) {
        Set<String> out = new HashSet<>();
        for (Participant p : participants) {
            String country = countryOf(p);
            if (country != null && p.role() == role) {
                out.add(country);
            }
        }
        return out;
    }

    /**
     * Can this report be about that event? Two sets of named people must agree (equal, or one inside the other when
     * a report names only one side); organisations also match their parent (a bureau speaks for its department).
     */
    private boolean participantsCompatible(Draft d, Mention m) {
        return matcher.compatible(d.participants.values(), m.participants);
    }

    /** An engagement event needs two states (or a state and a foreign non-state group). */
    private boolean international(Mention m) {
        if (m.kind == EventKind.AGREEMENT_COMMITMENT || m.kind == EventKind.JOINT_STATEMENT) {
            // Agreeing takes two named parties; "the steps agreed with Mexico" is a back-reference, not an event.
            Set<String> partyCountries = new HashSet<>();
            m.participants.stream().filter(Participant::isKeyActor).forEach(p -> gazetteer.actor(p.actorId())
                    .ifPresentOrElse(a -> partyCountries.addAll(a.countries()), () -> partyCountries.add(p.country())));
            long keyActors = m.participants.stream().filter(Participant::isKeyActor).count();
            Set<String> states = m.participants.stream().filter(p -> !p.isKeyActor()).map(Participant::country)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            Set<String> parties = new HashSet<>(partyCountries);
            parties.addAll(states);
            // "West Germany and Sierra Leone signed ..., the West German Foreign Ministry said": states are parties.
            boolean statesNamed = states.size() >= 2 && parties.size() >= 2;
            if (!statesNamed && keyActors < 2 && partyCountries.size() < 2) {
                return false;
            }
        }
        return countriesOf(m.participants).size() >= 2;
    }

    /** "México rechazó ... de Estados Unidos", "Brazil and Argentina agreed": states as the parties themselves. */
    private boolean betweenStates(Mention m) {
        Set<String> states = m.participants.stream().filter(p -> p.type() == ActorType.COUNTRY)
                .map(Participant::country).collect(Collectors.toSet());
        boolean initiated = m.participants.stream().anyMatch(p -> p.role() == Participant.Role.INITIATOR);
        boolean targeted = m.participants.stream().anyMatch(p -> p.role() == Participant.Role.TARGET);
        return states.size() >= 2 && (initiated && targeted || ontology.info(m.kind).group().equals("INTERACTION"));
    }

    private boolean strong(Mention m, int lead) {
        if (m.datedOnly) {
            return false;
        }
        if (m.sentence.index() == 0 || m.sentence.index() == lead || m.sentence.inPost() || m.postStatement) {
            return true;
        }
        Set<String> personCountries = m.participants.stream().filter(p -> p.type() == ActorType.PERSON)
                .map(Participant::country).filter(Objects::nonNull).collect(Collectors.toSet());
        return m.persons() >= 2 && personCountries.size() >= 2 || bothSidesBySyntax(m)
                || (m.reportedAct || assertedAct(m)) && speakerAndAddressee(m, false);
    }

    /** "It has also asked France to curb ...": a demand, threat or rejection the parse asserts, not a hedge. */
    private static boolean assertedAct(Mention m) {
        return SEPARATE_ACTS.contains(m.kind) && m.syntax != null && m.syntax.asserted() && !m.hedged;
    }

    /**
     * The dated meeting or call told just before a demand, threat or rejection outside the lead that names a contact
     * ("In the talks Shevardnadze demanded ..."), between the same states: the act was made in that contact, and
     * {@link #actsWithin} gives it the contact's date.
     */
    private Draft madeInContact(Mention m, List<Draft> drafts, int lead) {
        if (!SEPARATE_ACTS.contains(m.kind) || m.sentence.index() == lead || m.sentence.inPost()) {
            return null;
        }
        Draft near = nearestAttachable(m, drafts, false);
        if (near == null || near.date == null || !ontology.info(near.kinds.get(0)).group().equals("INTERACTION")) {
            return null;
        }
        int told = near.mentions.get(0).sentence.index();
        boolean justBefore = told < m.sentence.index() && m.sentence.index() - told <= 2;
        return m.namesContact && justBefore && countriesOf(near).containsAll(countriesOf(m.participants)) ? near : null;
    }

    /**
     * A side that speaks and another it speaks of: the initiator's state (of a person, when {@code personSpeaking})
     * and a target of another state.
     */
    private boolean speakerAndAddressee(Mention m, boolean personSpeaking) {
        Set<String> speakers = countriesIn(m.participants.stream()
                .filter(p -> !personSpeaking || p.type() == ActorType.PERSON).toList(), Participant.Role.INITIATOR);
        Set<String> addressed = countriesIn(m.participants, Participant.Role.TARGET);
        addressed.removeAll(speakers);
        return !speakers.isEmpty() && !addressed.isEmpty();
    }

    /**
     * "U.S. Agriculture Secretary Richard Lyng said he will ask Japan ...": a wire lead in which a named person of one
     * state speaks of or to another state (or its people) is a statement of that day, even undated. Elsewhere a
     * reporting verb only says who spoke. A person, not an organisation or a state: "the United States said" in a lead is mostly the
     * report of a demand or a threat, told by its own verb.
     */
    private boolean leadStatement(Mention m, int lead) {
        if (m.hedged || m.sentence.index() != lead || m.kind != EventKind.STATEMENT) {
            return false;
        }
        return speakerAndAddressee(m, true);
    }

    /**
     * An asserted trigger whose parse names one side as its subject and another as its object ("Japan rejected the
     * U.S. demand", "Kerry condenó a Venezuela"), or both sides of an interaction as its subject, reports an event
     * wherever it stands in the article.
     */
    private boolean bothSidesBySyntax(Mention m) {
        if (m.syntax == null || !m.syntax.asserted() || m.hedged || m.syntaxSubjects == null
                || m.syntaxObjects == null || m.syntaxSubjects.isEmpty()) {
            return false;
        }
        // Sides are the countries of actors that speak for one state: a binational group is not two sides.
        Set<String> subjectSide = new HashSet<>();
        m.syntaxSubjects.stream().filter(a -> a.actor().countries().size() == 1)
                .forEach(a -> subjectSide.addAll(a.actor().countries()));
        if (subjectSide.size() >= 2 && ontology.info(m.kind).group().equals("INTERACTION")) {
            return true; // "Norway and Chile signed an agreement": both parties are the subject.
        }
        Set<String> objectSide = new HashSet<>();
        m.syntaxObjects.stream().filter(a -> a.actor().countries().size() == 1)
                .forEach(a -> objectSide.addAll(a.actor().countries()));
        objectSide.removeAll(subjectSide);
        return !subjectSide.isEmpty() && !objectSide.isEmpty();
    }

    private static ResolvedDate fallbackDate(Mention m, LocalDate published) {
        return ResolvedDate.day(anchorOf(m, published));
    }

    private static LocalDate anchorOf(Mention m, LocalDate published) {
        if (m.sentence.inPost()) {
            return m.sentence.post().date();
        }
        return published;
    }
}
