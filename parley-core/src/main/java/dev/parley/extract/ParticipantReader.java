package dev.parley.extract;

import dev.parley.extract.syntax.DependencyTree;
import dev.parley.extract.syntax.EventArguments;
import dev.parley.extract.syntax.OtherClause;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Who takes part in a clause's event, and in which role: by dependency role where the sentence was parsed (subjects
 * initiate, objects are addressed, actors in other clauses are context), else by word order around the trigger (the
 * nearest actor before it speaks, the first foreign one after it is addressed). A stage of {@link ArticleExtractor}.
 */
final class ParticipantReader {

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    private final Ontology ontology;

    ParticipantReader(Gazetteer gazetteer, Lexicon lexicon, Ontology ontology) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.ontology = ontology;
    }

    /** People and bodies governed by a verb that is not an event's are what the clause is about, not parties. */
    static boolean inOtherClause(ActorMention a, Mention m, SyntacticReading reading, List<Mention> clauses,
                                         int base) {
        if (a.actor().type() == ActorType.COUNTRY) {
            return false;
        }
        DependencyTree tree = reading.tree();
        int trigger = m.syntax != null ? m.syntax.token() : tree.tokenAt(m.trigger.start() - base);
        List<Integer> tokens = tree.tokensIn(a.span().start() - base, a.span().end() - base);
        int head = tree.phraseHead(tokens);
        if (trigger < 0 || head < 0) {
            return false;
        }
        Set<Integer> events = new HashSet<>();
        reading.triggers().forEach(t -> {
            events.add(t.token());
            events.add(t.predicate());
        });
        for (Mention c : clauses) {
            tree.tokensIn(c.trigger.start() - base, c.trigger.end() - base).forEach(events::add);
        }
        return OtherClause.holds(tree, head, tokens.get(0), trigger, events);
    }

    /**
     * Participants by dependency role: the trigger's subjects and objects (with their conjuncts). Actors elsewhere
     * in the sentence ("sobre los aranceles de Estados Unidos", "la crisis en Venezuela") are context. The word
     * rules' reading stays when the parse names fewer than two countries (a parse can fail).
     */
    void participantsBySyntax(Mention m, Sentence s, SyntacticReading reading, List<ActorMention> actors,
                                      List<ActorMention> previousSentence) {
        EventArguments args = reading.arguments().get(m.syntax);
        int base = s.span().start();
        List<ActorMention> usable = actors.stream().filter(a -> !instigator(a, s)).toList();
        List<ActorMention> read = SyntaxStage.actorsIn(reading.tree(), args.subjects(), usable, base);
        // "It has also asked France to ...", "Reiteró la preocupación ...": the subject is the one named last.
        SyntaxStage.Anaphor anaphor = read.isEmpty() ? SyntaxStage.anaphoricSubject(reading.tree(),
                m.syntax.predicate(), "es".equals(reading.language())) : SyntaxStage.Anaphor.NONE;
        // "Stoltenberg said he had told Brazil to ...", "dijo que había pedido a Chile ...": the pronoun (or, in
        // Spanish, the missing subject) of what a speaker said is that speaker, before anyone of the last sentence.
        List<ActorMention> speaker = read.isEmpty() ? SyntaxStage.actorsIn(reading.tree(),
                SyntaxStage.speakerOf(reading.tree(), m.syntax.predicate(), "es".equals(reading.language())), usable,
                base) : List.of();
        List<ActorMention> subjects = !speaker.isEmpty() ? speaker
                : anaphor == SyntaxStage.Anaphor.NONE ? read : antecedent(anaphor, previousSentence);
        List<ActorMention> objects = SyntaxStage.actorsIn(reading.tree(), args.objects(), usable, base);
        objects = objects.stream().filter(a -> !subjects.contains(a)).toList();
        if (dev.parley.extract.syntax.TriggerFinder.CONTACTS.contains(m.kind)) {
            // The office itself is the phrase's head and no actor covers it (a name the parse hung on it may).
            m.unnamedCounterpart = args.objects().stream().map(reading.tree()::phraseHead).anyMatch(head ->
                    head >= 0 && lexicon.syntax.officeNouns.matches(reading.tree(), head)
                    && SyntaxStage.actorsIn(reading.tree(), List.of(List.of(head)), actors, base).isEmpty());
        }
        Set<String> countries = new HashSet<>();
        subjects.forEach(a -> countries.addAll(a.actor().countries()));
        objects.forEach(a -> countries.addAll(a.actor().countries()));
        if (reading.misTaggedHeadline(m.syntax)) {
            return;
        }
        if (m.kind == EventKind.DEMAND && !subjects.isEmpty() && !objects.isEmpty() && countries.size() == 1
                && objects.stream().noneMatch(a -> a.actor().type() == ActorType.COUNTRY
                        && !modifier(reading.tree(), a, base))) {
            // "Baldrige has asked the White House to consider blocking the sale to Fujitsu": whom a demand is put
            // to is its object; a body of the state's own, asked, is no engagement with whatever else is named.
            m.hedged = true;
            m.domesticOrder = true;
        }
        if (countries.size() < 2 && !m.syntaxOnly) {
            return;
        }
        // Bodies and people of a side already named keep speaking for it ("El gobierno de Estados Unidos, a través
        // de su Departamento de Estado, ... exigió a México"): only actors of other countries are context.
        Set<String> subjectCountries = new HashSet<>();
        subjects.forEach(a -> subjectCountries.addAll(a.actor().countries()));
        List<ActorMention> speakers = new ArrayList<>(subjects);
        List<ActorMention> both = new ArrayList<>(subjects);
        both.addAll(objects);
        for (ActorMention a : m.actors) {
            boolean sameSide = a.actor().type() != ActorType.COUNTRY && !a.actor().countries().isEmpty()
                    && countries.containsAll(a.actor().countries());
            if (sameSide && !both.contains(a)) {
                both.add(a);
                if (subjectCountries.containsAll(a.actor().countries()) && a.span().end() <= m.trigger.start()) {
                    speakers.add(a);
                }
            }
        }
        both.sort(Comparator.comparing(ActorMention::span));
        m.actors.clear();
        m.actors.addAll(both);
        m.syntaxSubjects = speakers;
        m.syntaxObjects = objects;
    }

    /** A country named as a modifier of another noun ("the Norwegian parliament", "Chile's fleet"), not as the noun. */
    private static boolean modifier(DependencyTree tree, ActorMention a, int base) {
        int head = tree.phraseHead(tree.tokensIn(a.span().start() - base, a.span().end() - base));
        return head >= 0 && Set.of("amod", "compound", "nmod:poss").contains(tree.relation(head))
                && tree.head(head) >= 0 && "NOUN".equals(tree.pos(tree.head(head)));
    }

    /** The previous sentence's first actor of the anaphor's kind: sentence-initial actors are mostly subjects. */
    private static List<ActorMention> antecedent(SyntaxStage.Anaphor anaphor, List<ActorMention> previousSentence) {
        return previousSentence.stream()
                .filter(a -> !a.actor().countries().isEmpty())
                .filter(a -> switch (anaphor) {
                    case PERSON -> a.actor().type() == ActorType.PERSON;
                    case THING -> a.actor().type() != ActorType.PERSON;
                    default -> true;
                })
                .findFirst().map(List::of).orElse(List.of());
    }

    boolean instigator(ActorMention a, Sentence s) {
        int from = Math.max(s.span().start(), a.span().start() - 45);
        String before = Folding.fold(s.text().substring(from - s.span().start(), a.span().start() - s.span().start()));
        Matcher m = lexicon.instigatorCues.matcher(before);
        return m.find();
    }

    void buildParticipants(Mention m, Sentence s, List<ActorMention> sentenceActors, String foldedSentence,
                                   List<Mention> earlier,
                                   List<Mention> sameSentence) {
        int base = s.span().start();
        String segFolded = foldedSentence.substring(m.segment.start() - base, m.segment.end() - base);
        m.anaphoric = lexicon.anaphoraCues.matcher(segFolded).find();
        boolean firstPerson = lexicon.firstPersonCues.matcher(segFolded).find();
        Actor author = s.inPost() ? authorOf(s.post()) : null;

        List<Actor> distinct = new ArrayList<>();
        for (ActorMention a : m.actors) {
            if (!distinct.contains(a.actor())) {
                distinct.add(a.actor());
            }
        }
        boolean interaction = ontology.info(m.kind).group().equals("INTERACTION");
        if (interaction) {
            long persons = distinct.stream().filter(a -> a.type() == ActorType.PERSON).count();
            for (Actor a : distinct) {
                if (persons >= 2 && a.type() != ActorType.PERSON) {
                    continue;
                }
                m.participants.add(Participant.of(a, Participant.Role.PARTICIPANT));
            }
            if (firstPerson && author != null && !distinct.contains(author)) {
                m.participants.add(Participant.of(author, Participant.Role.PARTICIPANT));
            }
            if (m.persons() >= 2) {
                m.participants.removeIf(p -> p.type() != ActorType.PERSON);
            }
            if (m.anaphoric && m.persons() < 2) {
                List<Mention> all = new ArrayList<>(earlier);
                all.addAll(sameSentence.subList(0, sameSentence.indexOf(m)));
                for (int i = all.size() - 1; i >= 0; i--) {
                    Mention e = all.get(i);
                    if (!e.hedged && ontology.sameGroup(e.kind, m.kind) && e.persons() >= 2) {
                        m.participants.clear();
                        m.participants.addAll(e.participants);
                        break;
                    }
                }
            }
            return;
        }
        // Verbal acts: who speaks (the nearest actor before the trigger; in a post, its author) and to whom.
        Actor initiator = null;
        if (s.inPost() && author != null) {
            initiator = author;
        }
        boolean subjectBySyntax = false;
        if (initiator == null && m.syntaxSubjects != null) {
            // The subject of the trigger speaks, wherever it stands ("reclamó este viernes a Chile el gobierno").
            for (ActorMention a : m.syntaxSubjects) {
                if (initiator == null || rank(a.actor()) < rank(initiator)) {
                    initiator = a.actor();
                    subjectBySyntax = true;
                }
            }
        }
        for (ActorMention a : subjectBySyntax ? List.<ActorMention>of() : m.actors) {
            if (a.span().end() <= m.trigger.start() && (initiator == null || rank(a.actor()) <= rank(initiator))
                    && !(s.inPost() && a.actor().type() == ActorType.COUNTRY)) {
                initiator = a.actor();
            }
        }
        if (initiator == null && !s.inPost()) {
            // "El gobierno ..., a través de su Departamento de Estado, señaló ..., y exigió a México": the subject
            // of coordinated verbs stands before the first of them.
            for (ActorMention a : sentenceActors) {
                if (a.span().end() <= m.trigger.start() && a.actor().isKeyActor()
                        && (initiator == null || rank(a.actor()) <= rank(initiator))) {
                    initiator = a.actor();
                }
            }
        }
        if (initiator == null) {
            for (ActorMention a : m.actors) {
                if (a.span().start() >= m.trigger.end() && a.actor().isKeyActor()
                        && lexicon.reportingVerbs.matcher(Folding.fold(s.text())).find()) {
                    initiator = a.actor();
                    break;
                }
            }
        }
        if (initiator != null) {
            m.participants.add(Participant.of(initiator, Participant.Role.INITIATOR));
            // "pidió al canciller que ...": an order to one's own minister is not an engagement between states.
            String triggerText = Folding.fold(s.text().substring(m.trigger.start() - base, m.trigger.end() - base));
            if (triggerText.matches(".*\\b(?:a|al|to|on)$")) {
                Actor addressee = m.actors.stream().filter(a -> a.span().start() >= m.trigger.end())
                        .map(ActorMention::actor).findFirst().orElse(null);
                if (addressee != null && addressee.countries().size() == 1
                        && addressee.countries().equals(initiator.countries())) {
                    m.hedged = true;
                    m.domesticOrder = true;
                }
            }
        }
        String initiatorCountry = initiator == null ? null : initiator.country();
        // The target: the first foreign actor after the trigger ("exigió a México"), else the nearest before it.
        Actor target = null;
        if (m.syntaxObjects != null) {
            // The object or "a/to/con" oblique of the trigger is addressed (dependency role, not word order).
            for (ActorMention a : m.syntaxObjects) {
                if (foreign(a.actor(), initiatorCountry)) {
                    target = a.actor();
                    break;
                }
            }
        }
        for (ActorMention a : target != null ? List.<ActorMention>of() : m.actors) {
            if (a.span().start() >= m.trigger.end() && foreign(a.actor(), initiatorCountry)) {
                target = a.actor();
                break;
            }
        }
        if (target == null) {
            for (ActorMention a : m.actors) {
                if (a.span().end() <= m.trigger.start() && foreign(a.actor(), initiatorCountry)) {
                    target = a.actor();
                }
            }
        }
        if (target == null && initiator != null && initiator.accreditedTo() != null
                && !initiator.accreditedTo().equals(initiatorCountry)) {
            // "El embajador de Estados Unidos en México advirtió ...": an envoy speaks to the state that hosts them.
            target = gazetteer.countryActor(initiator.accreditedTo());
            distinct.add(target);
        }
        for (Actor a : distinct) {
            if (a.equals(initiator)) {
                continue;
            }
            boolean sameSide = initiatorCountry != null && a.countries().contains(initiatorCountry)
                    && a.countries().size() == 1;
            if (sameSide && a.type() == ActorType.COUNTRY) {
                continue;
            }
            m.participants.add(Participant.of(a, a.equals(target) ? Participant.Role.TARGET : Participant.Role.PARTICIPANT));
        }
    }

    private static boolean foreign(Actor a, String initiatorCountry) {
        return a.country() != null && !a.country().equals(initiatorCountry);
    }

    /** Persons speak for themselves; organisations next; countries only when nobody else is named. */
    private static int rank(Actor a) {
        return switch (a.type()) {
            case PERSON -> 0;
            case ORGANISATION -> 1;
            case GROUP -> 2;
            case COUNTRY -> 3;
        };
    }

    Actor authorOf(EmbeddedPost post) {
        return gazetteer.byHandle(post.authorHandle()).orElse(null);
    }
}
