package dev.parley.extract;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A clause around one trigger word. */
final class Mention {
    EventKind kind;
    final Set<EventKind> mergedKinds = EnumSet.noneOf(EventKind.class);
    Sentence sentence;
    Span trigger;
    Span segment;
    final List<ActorMention> actors = new ArrayList<>();
    final List<Participant> participants = new ArrayList<>();
    DateResolver.DateMention date;
    Mention connectorAnchor;
    int connectorOffset;
    DatePrecision connectorPrecision;
    boolean datedOnly;
    boolean domesticOrder;
    LocalDate relativeAnchor;
    boolean hedged;
    boolean anaphoric;
    boolean postStatement;
    Draft event;
    /** The parse's trigger for this clause, if the sentence was parsed. */
    dev.parley.extract.syntax.EventTrigger syntax;
    /** Actors by dependency role, when the parse names both sides; null otherwise. */
    List<ActorMention> syntaxSubjects;
    List<ActorMention> syntaxObjects;
    boolean dateBySyntax;
    /** A reporting verb whose complement is a threat, rejection or demand: the act, told as speech. */
    boolean reportedAct;
    /** The words before the trigger name a meeting or call ("In the talks, ...", "En la llamada, ..."). */
    boolean namesContact;
    /** A meeting or call with an office the text ties to no country ("met the foreign minister"). */
    boolean unnamedCounterpart;
    /** A clause only the parse found (no word rule matched its trigger). */
    boolean syntaxOnly;

    Set<String> keyIds() {
        return participants.stream().filter(Participant::isKeyActor).map(Participant::actorId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    long persons() {
        return participants.stream().filter(p -> p.type() == ActorType.PERSON).count();
    }
}
