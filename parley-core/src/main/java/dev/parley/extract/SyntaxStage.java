package dev.parley.extract;

import dev.parley.extract.syntax.ArgumentReader;
import dev.parley.extract.syntax.DateAttacher;
import dev.parley.extract.syntax.DependencyTree;
import dev.parley.extract.syntax.EventArguments;
import dev.parley.extract.syntax.EventTrigger;
import dev.parley.extract.syntax.ReportedContent;
import dev.parley.extract.syntax.TriggerFinder;
import dev.parley.extract.syntax.TriggerLexicon;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.SentenceParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parse stage: decides which sentences can carry an event (a trigger stem and a name or office near it), parses
 * only those, and reads triggers and their arguments on the parse. Without a parser every sentence stays unparsed
 * and the extractor keeps to its word rules.
 */
final class SyntaxStage {

    private final SentenceParser parser;
    private final TriggerLexicon lexicon;
    private final TriggerFinder triggers;
    private final ArgumentReader arguments;
    private final DateAttacher dates = new DateAttacher();
    private final ReportedContent reported;

    SyntaxStage(SentenceParser parser, TriggerLexicon lexicon) {
        this.parser = parser;
        this.lexicon = lexicon;
        this.triggers = new TriggerFinder(lexicon);
        this.arguments = new ArgumentReader(lexicon);
        this.reported = new ReportedContent(lexicon, triggers);
    }

    TriggerLexicon lexicon() {
        return lexicon;
    }

    DateAttacher dates() {
        return dates;
    }

    /** The parse of a sentence that can carry an event, or null (no parser, language not supported, no candidate). */
    ParsedSentence parseIfCandidate(Sentence s, String language, boolean wordTrigger) {
        if (parser == null || !parser.supports(language) || !candidate(s.text(), wordTrigger)) {
            return null;
        }
        return parser.parse(s.text(), language);
    }

    boolean candidate(String text, boolean wordTrigger) {
        List<String> words = Arrays.stream(Folding.fold(text).split("[^\\p{L}\\p{N}'-]+")).filter(w -> !w.isEmpty())
                .toList();
        if (!wordTrigger && !lexicon.mayHoldTrigger(words)) {
            return false;
        }
        // Someone to take part: a capitalised word past the first, or an office ("the ambassador").
        String[] raw = text.split("[^\\p{L}\\p{N}'-]+");
        boolean first = true;
        for (String w : raw) {
            if (w.isEmpty()) {
                continue;
            }
            if (!first && Character.isUpperCase(w.charAt(0))) {
                return true;
            }
            first = false;
        }
        return words.stream().anyMatch(lexicon.officeNouns::matches);
    }

    SyntacticReading read(ParsedSentence parse, String language) {
        DependencyTree tree = new DependencyTree(parse);
        List<EventTrigger> found = triggers.find(tree, language);
        Map<EventTrigger, EventArguments> args = new LinkedHashMap<>();
        for (EventTrigger t : found) {
            args.put(t, arguments.read(tree, t));
        }
        List<Integer> falseFriends = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            if (triggers.soCalled(tree, i)) {
                falseFriends.add(i);
            }
        }
        return new SyntacticReading(tree, found, args, falseFriends, language);
    }

    /**
     * The act a reporting verb reports ("said it would retaliate if ..." is a threat), or null. {@code offset} is the
     * verb's start in sentence offsets; the content clause must not hold an asserted trigger of its own, which tells
     * the act itself.
     */
    EventKind reportedAct(SyntacticReading reading, int offset) {
        int verb = reading.tree().tokenAt(offset);
        return verb < 0 ? null
                : reported.of(reading.tree(), verb, "es".equals(reading.language()), reading.triggers());
    }

    /**
     * What the reporting verb at {@code offset} reports is a contact between the sides (a meeting, call or agreement),
     * and the sentence tells no act of one side besides ("said Ottawa would honour the agreements ... and asked ...").
     */
    boolean reportsContact(SyntacticReading reading, int offset) {
        int verb = reading.tree().tokenAt(offset);
        return verb >= 0 && reported.reportsOneOf(reading.tree(), verb, reading.triggers(), TriggerFinder.CONTACTS)
                && reading.triggers().stream().noneMatch(t -> TriggerFinder.DIRECTED_ACTS.contains(t.kind()));
    }

    /** What the reporting verb at {@code offset} reports is a transaction: a loan, a sale, a grant. */
    boolean reportsTransaction(SyntacticReading reading, int offset) {
        int verb = reading.tree().tokenAt(offset);
        return verb >= 0 && reported.reportsTransaction(reading.tree(), verb);
    }

    /** A demand, threat or rejection noun that names who made it ("Canada's request"): that one's act. */
    boolean authoredAct(SyntacticReading reading, EventTrigger t) {
        return t.noun() && TriggerFinder.DIRECTED_ACTS.contains(t.kind()) && triggers.authored(reading.tree(), t.token());
    }

    /** An event noun at {@code offset} that a verb of planning takes as its object: not yet an event. */
    boolean plannedNoun(SyntacticReading reading, int offset) {
        int noun = reading.tree().tokenAt(offset);
        return noun >= 0 && triggers.objectOfPlan(reading.tree(), noun);
    }

    /** What a subject that stands for someone named before can stand for. */
    enum Anaphor { NONE, PERSON, THING, ANY }

    /**
     * A predicate's subject that stands for someone named before: a personal pronoun ("It", "He", "Ellos"), or, in
     * Spanish, no subject at all on a finite main verb ("Reiteró ...").
     */
    static Anaphor anaphoricSubject(DependencyTree tree, int predicate, boolean spanish) {
        boolean anySubject = false;
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).startsWith("nsubj")) {
                anySubject = true;
                String word = tree.folded(c);
                if ("PRON".equals(tree.pos(c)) && PERSON_PRONOUNS.contains(word)) {
                    return Anaphor.PERSON;
                }
                if ("PRON".equals(tree.pos(c)) && THING_PRONOUNS.contains(word)) {
                    return Anaphor.THING;
                }
            }
        }
        return spanish && !anySubject && "VERB".equals(tree.pos(predicate))
                && Set.of("root", "conj").contains(tree.baseRelation(predicate)) ? Anaphor.ANY : Anaphor.NONE;
    }

    /**
     * The subject phrase of the verb whose content clause the predicate heads, when the predicate's own subject is a
     * personal pronoun or (Spanish) missing: "Stoltenberg said he had told Brazil", "el canciller dijo que había
     * pedido a Chile". Empty otherwise.
     */
    static List<List<Integer>> speakerOf(DependencyTree tree, int predicate, boolean spanish) {
        int saying = tree.head(predicate);
        if (saying < 0 || !Set.of("ccomp", "parataxis").contains(tree.baseRelation(predicate))) {
            return List.of();
        }
        boolean ownSubject = false;
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).startsWith("nsubj")) {
                if (!("PRON".equals(tree.pos(c)) && (PERSON_PRONOUNS.contains(tree.folded(c))
                        || THING_PRONOUNS.contains(tree.folded(c))))) {
                    return List.of();
                }
                ownSubject = true;
            }
        }
        if (!ownSubject && !spanish) {
            return List.of();
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int s : tree.children(saying)) {
            if (tree.baseRelation(s).equals("nsubj")) {
                List<Integer> phrase = new ArrayList<>();
                for (int i = 0; i < tree.size(); i++) {
                    if (tree.dominates(s, i)) {
                        phrase.add(i);
                    }
                }
                out.add(phrase);
            }
        }
        return out;
    }

    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "el", "ella");
    private static final Set<String> THING_PRONOUNS = Set.of("it", "they", "ellos", "ellas");

    /** The actors inside argument phrases (actor spans are absolute, the parse is offset by {@code base}). */
    static List<ActorMention> actorsIn(DependencyTree tree, List<List<Integer>> phrases, List<ActorMention> actors,
                                       int base) {
        List<ActorMention> out = new ArrayList<>();
        for (ActorMention a : actors) {
            for (List<Integer> phrase : phrases) {
                boolean inside = phrase.stream().map(tree::token).anyMatch(t -> t.begin() + base < a.span().end()
                        && a.span().start() < t.end() + base);
                if (inside && !out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
