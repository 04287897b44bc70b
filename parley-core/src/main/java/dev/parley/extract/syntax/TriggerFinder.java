package dev.parley.extract.syntax;

import dev.parley.extract.EventKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds event triggers on a parse: verbs by lemma or stem in any tense (the headline present "Acuerdan" included),
 * and event nouns that have a light verb ("sostuvieron una reunión", "opened talks") or parties of their own ("la
 * llamada entre X y Y", "talks with"). Each trigger says whether it is asserted, negated, conditional, hedged or
 * planned, read from its predicate's dependents.
 */
public final class TriggerFinder {

    private static final Set<String> VERB_TAGS = Set.of("VERB");
    private static final Set<String> HEADLINE_TAGS = Set.of("VERB", "AUX", "PROPN", "NOUN", "ADJ");
    private static final Set<String> NOUN_TAGS = Set.of("NOUN", "PROPN");
    /** Acts one side makes on another. */
    public static final Set<EventKind> DIRECTED_ACTS = Set.of(EventKind.DEMAND, EventKind.THREAT, EventKind.REJECTION);
    /** Kinds where the sides come together; the rest are one side's acts. */
    public static final Set<EventKind> CONTACTS = Set.of(EventKind.MEET_VISIT, EventKind.CONSULT_CALL,
            EventKind.AGREEMENT_COMMITMENT, EventKind.JOINT_STATEMENT);
    private static final Set<String> LIGHT_ROLES = Set.of("obj", "nsubj", "nsubj:pass", "obl", "iobj");

    /** The accented endings of the Spanish synthetic future and conditional ("reunirá", "firmarían"). */
    private static final Pattern SPANISH_FUTURE_ENDING = Pattern.compile("[aei]r(?:á|án|ás|é|ía|ían|ías|íamos)(?:se|nos|lo|la|le)?$");

    private final TriggerLexicon lexicon;

    public TriggerFinder(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<EventTrigger> find(DependencyTree tree, String language) {
        boolean spanish = "es".equals(language);
        List<EventTrigger> verbs = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            boolean headline = i == 0 && Character.isUpperCase(tree.token(i).word().charAt(0));
            if (!(headline ? HEADLINE_TAGS : VERB_TAGS).contains(tree.pos(i))) {
                continue;
            }
            if (headline && NOUN_TAGS.contains(tree.pos(i)) && kindOf(lexicon.nouns, tree, i) != null) {
                continue; // "Talks between France and Iran ...": the event noun, read below with its parties.
            }
            EventKind kind = kindOf(lexicon.verbs, tree, i);
            if (kind == null && VERB_TAGS.contains(tree.pos(i))) {
                kind = speechAct(tree, i);
            }
            if (kind == null && VERB_TAGS.contains(tree.pos(i)) && lexicon.discussionVerbs.matches(tree, i)
                    && discussedWithSomeone(tree, i)) {
                kind = EventKind.MEET_VISIT;
            }
            if (kind != null) {
                Modality m = modality(tree, i, i, kind, spanish);
                if (m == Modality.ASSERTED && spanish && CONTACTS.contains(kind) && accentedFuture(tree, i)) {
                    // "Kerry se reunirá con Lavrov": the lemmatiser leaves the future as its own lemma. Only contacts:
                    // "advirtió que impondrá" is said now.
                    m = Modality.PLANNED;
                }
                verbs.add(new EventTrigger(i, i, kind, false, m));
            } else if (VERB_TAGS.contains(tree.pos(i)) && lexicon.threatActions.matches(tree, i)) {
                Modality m = modality(tree, i, i, EventKind.THREAT, spanish);
                // A threat's own condition does not make it conditional (see conditional()), so CONDITIONAL here is
                // the punitive act as the condition of another: "would retaliate if Washington imposed tariffs".
                if (m == Modality.PLANNED || m == Modality.HEDGED) {
                    // "Washington will impose tariffs on ...", "could revoke licences if ...": said now, a threat.
                    verbs.add(new EventTrigger(i, i, EventKind.THREAT, false, Modality.ASSERTED));
                } else if (m == Modality.ASSERTED && tree.children(i, Set.of("mark")).isEmpty()
                        && !punitiveTargets(lexicon, tree, i).isEmpty()) {
                    // "imposed tariffs on Japanese goods", "impuso sanciones a Venezuela": done, it counts as one too.
                    verbs.add(new EventTrigger(i, i, EventKind.THREAT, false, m));
                }
            }
        }
        List<EventTrigger> out = new ArrayList<>(verbs);
        for (int i = 0; i < tree.size(); i++) {
            if (!NOUN_TAGS.contains(tree.pos(i)) || soCalled(tree, i) || isTrigger(verbs, i)) {
                continue;
            }
            EventKind kind = kindOf(lexicon.nouns, tree, i);
            if (kind == null) {
                continue;
            }
            int head = tree.head(i);
            if (head >= 0 && isTrigger(verbs, head)) {
                continue; // "rechazó la reunión", "acordaron una reunión": the verb reports it.
            }
            boolean light = head >= 0 && LIGHT_ROLES.contains(tree.relation(i)) && lexicon.lightVerbs.matches(tree, head);
            if (light) {
                out.add(new EventTrigger(i, head, kind, true, modality(tree, head, i, kind, spanish)));
                continue;
            }
            // "As to U.S. urgings for Japan to ..., Japan will explain": an act with its author was made, whatever
            // the tense of the verb it hangs on.
            boolean made = DIRECTED_ACTS.contains(kind) && authored(tree, i);
            boolean punitive = kind == EventKind.THREAT && !punitiveTargets(lexicon, tree, i).isEmpty();
            if (punitive && (lifted(tree, i) || head >= 0 && lexicon.threatActions.matches(tree, head))) {
                continue; // "not to impose tariffs on ...": the verb says whether it is done, read above.
            }
            if (made || punitive || hasParties(tree, i)) {
                Modality m = modality(tree, i, i, kind, spanish);
                if (m == Modality.ASSERTED && !made && head >= 0 && "VERB".equals(tree.pos(head))) {
                    if (Set.of("obj", "iobj").contains(tree.relation(i))) {
                        m = Modality.PLANNED; // "propuso una reunión con ...": another verb's object is not yet an event.
                    } else {
                        m = modality(tree, head, head, kind, spanish); // "dicha reunión ofrecerá ...": the verb's tense.
                        if (m == Modality.ASSERTED && spanish && accentedFuture(tree, head)) {
                            m = Modality.PLANNED; // "el encuentro ... permitirá": the lemmatiser left the word as is.
                        }
                    }
                }
                if (punitive && m == Modality.PLANNED) {
                    m = Modality.ASSERTED; // "announced sanctions against ...", "aprobó sanciones contra ...": made now.
                }
                out.add(new EventTrigger(i, i, kind, true, m));
            }
        }
        out.sort((a, b) -> Integer.compare(a.token(), b.token()));
        return out;
    }

    /**
     * A "con/with" oblique naming someone: a name, an office or an entity the NER tagged. The parse often hangs it on
     * the matter discussed ("discussed the dispute with the ambassador").
     */
    private boolean discussedWithSomeone(DependencyTree tree, int verb) {
        List<Integer> parties = new ArrayList<>(tree.children(verb, Set.of("obl", "obj")));
        tree.children(verb, Set.of("obj")).forEach(o -> parties.addAll(tree.children(o, Set.of("nmod"))));
        return parties.stream().anyMatch(c -> anyWord(lexicon.discussionCases, tree.marker(c))
                && ("PROPN".equals(tree.pos(c)) || !"O".equals(tree.token(c).ner())
                    || lexicon.officeNouns.matches(tree, c)));
    }

    /** "told Japan to resolve the row" is a demand, "charged that the market was closed" a rejection. */
    private EventKind speechAct(DependencyTree tree, int verb) {
        if (lexicon.directiveVerbs.matches(tree, verb) && !tree.children(verb, Set.of("obj", "iobj")).isEmpty()
                && !tree.children(verb, Set.of("xcomp")).isEmpty()) {
            return EventKind.DEMAND;
        }
        if (lexicon.accusationVerbs.matches(tree, verb) && !tree.children(verb, Set.of("ccomp")).isEmpty()) {
            return EventKind.REJECTION;
        }
        return null;
    }

    private static boolean isTrigger(List<EventTrigger> triggers, int token) {
        return triggers.stream().anyMatch(t -> t.token() == token);
    }

    private EventKind kindOf(Map<EventKind, TriggerLexicon.Words> byKind, DependencyTree tree, int i) {
        // Phrases first ("called on" is a demand, "courtesy call" a visit), then single words.
        for (Map.Entry<EventKind, TriggerLexicon.Words> e : byKind.entrySet()) {
            if (e.getValue().phraseAt(tree, i) > 0 || (i > 0 && e.getValue().phraseAt(tree, i - 1) == 2)) {
                return e.getKey();
            }
        }
        for (Map.Entry<EventKind, TriggerLexicon.Words> e : byKind.entrySet()) {
            if (e.getValue().matches(tree.folded(i)) || e.getValue().matches(tree.lemma(i))) {
                return e.getKey();
            }
        }
        return null;
    }

    /** "la llamada Guerra del Atlántico Sur": a naming participle before a capitalised name is not an event noun. */
    public boolean soCalled(DependencyTree tree, int i) {
        if (!lexicon.soCalled.matches(tree.folded(i)) || i + 1 >= tree.size()) {
            return false;
        }
        String next = tree.token(i + 1).word();
        return !next.isEmpty() && Character.isUpperCase(next.charAt(0));
    }

    /**
     * A demand, threat or rejection noun with the name of whoever made it: "Taiwan's request", "U.S. urgings", "la
     * exigencia de Chile".
     */
    public boolean authored(DependencyTree tree, int noun) {
        return tree.children(noun).stream().anyMatch(c -> tree.pos(c).equals("PROPN")
                && (c < noun && (tree.relation(c).equals("nmod:poss") || tree.relation(c).equals("compound"))
                || c > noun && tree.baseRelation(c).equals("nmod") && anyWord(lexicon.partyCases, tree.marker(c))));
    }

    /**
     * Whom a punitive verb or noun falls on: its "on/against/over/contra/a" phrases, on it or on its object
     * ("imposed tariffs on Japanese goods" attaches either way).
     */
    public static List<Integer> punitiveTargets(TriggerLexicon lexicon, DependencyTree tree, int trigger) {
        List<Integer> holders = new ArrayList<>(List.of(trigger));
        holders.addAll(tree.children(trigger, Set.of("obj")));
        List<Integer> out = new ArrayList<>();
        for (int holder : holders) {
            for (int c : tree.children(holder)) {
                if (Set.of("obl", "nmod").contains(tree.baseRelation(c)) && !tree.relation(c).equals("obl:tmod")
                        && anyWord(lexicon.punitiveCases, tree.marker(c))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** "acordaron levantar parte de sus sanciones a Irán": a verb the noun hangs on, up to three heads above, ends it. */
    private boolean lifted(DependencyTree tree, int noun) {
        for (int k = tree.head(noun), up = 0; k >= 0 && up < 3; k = tree.head(k), up++) {
            if (lexicon.liftingVerbs.matches(tree, k)) {
                return true;
            }
        }
        return false;
    }

    /** An event noun that a verb of planning takes as its object: "Anuncian reunión entre ...", "a visit was planned". */
    public boolean objectOfPlan(DependencyTree tree, int noun) {
        int head = tree.head(noun);
        return head >= 0 && NOUN_TAGS.contains(tree.pos(noun))
                && (tree.relation(noun).equals("obj") || tree.relation(noun).equals("nsubj:pass"))
                && lexicon.planVerbs.matches(tree, head);
    }

    private boolean hasParties(DependencyTree tree, int noun) {
        for (int c : tree.children(noun)) {
            String rel = tree.relation(c);
            if (rel.equals("nmod:poss")) {
                return true;
            }
            if (rel.startsWith("nmod") || rel.startsWith("obl")) {
                String marker = tree.marker(c);
                if (anyWord(lexicon.objectCases, marker) || anyWord(lexicon.partyCases, marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean anyWord(TriggerLexicon.Words words, String marker) {
        if (marker.isEmpty()) {
            return false;
        }
        for (String w : marker.split(" ")) {
            if (words.matches(w)) {
                return true;
            }
        }
        return false;
    }

    /** Read on the predicate (and, for nouns, the noun's own modifiers: "una posible llamada"). */
    Modality modality(DependencyTree tree, int predicate, int trigger, EventKind kind, boolean spanish) {
        if (negated(tree, predicate) || (trigger != predicate && negated(tree, trigger))) {
            return Modality.NEGATED;
        }
        if (conditional(tree, predicate, kind)) {
            return Modality.CONDITIONAL;
        }
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).equals("aux") && lexicon.modals.matches(tree, c)) {
                return Modality.HEDGED;
            }
        }
        for (int c : tree.children(trigger)) {
            if (Set.of("amod", "advmod").contains(tree.baseRelation(c)) && lexicon.hedgeModifiers.matches(tree, c)) {
                return Modality.HEDGED;
            }
        }
        if (planned(tree, predicate, spanish)) {
            return Modality.PLANNED;
        }
        return Modality.ASSERTED;
    }

    private boolean negated(DependencyTree tree, int token) {
        return negatedByDependent(tree, token) || token > 0 && lexicon.negations.matches(tree.folded(token - 1));
    }

    /** A negation word among the token's dependents, other than one coordinated with it ("conj"). */
    boolean negatedByDependent(DependencyTree tree, int token) {
        for (int c : tree.children(token)) {
            if (lexicon.negations.matches(tree.folded(c)) && !tree.baseRelation(c).equals("conj")) {
                return true;
            }
        }
        return false;
    }

    private boolean conditional(DependencyTree tree, int predicate, EventKind kind) {
        if (anyWord(lexicon.conditionalMarks, tree.marker(predicate))) {
            return true;
        }
        if (kind == EventKind.THREAT) {
            return false; // a threat states its condition: "threatened tariffs if ..." still happened.
        }
        // The main clause of a condition: "if the talks succeed, they will hold ...".
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).equals("advcl") && anyWord(lexicon.conditionalMarks, tree.marker(c))) {
                return true;
            }
        }
        return false;
    }

    /** A future, a conditional or a modal on the predicate: "would reexamine", "will impose", "impondría". */
    public boolean prospective(DependencyTree tree, int predicate) {
        boolean modal = false;
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).equals("aux") && lexicon.perfectAuxiliaries.matches(tree, c)) {
                return false; // "would have ground to a halt": what did not happen, not what will.
            }
            modal |= tree.baseRelation(c).equals("aux") && lexicon.modals.matches(tree, c);
        }
        return modal || future(tree, predicate);
    }

    private boolean future(DependencyTree tree, int predicate) {
        for (int c : tree.children(predicate)) {
            if (tree.baseRelation(c).equals("aux") && lexicon.futureAuxiliaries.matches(tree, c)) {
                return true;
            }
        }
        String word = tree.folded(predicate);
        String lemma = tree.lemma(predicate);
        if (lexicon.futureStems.matches(word)) {
            return true;
        }
        // Spanish synthetic future or conditional: "se reunirá", "firmarían".
        return !word.equals(lemma) && lemma.matches(".*[aei]r(se)?") && word.startsWith(lemma.replaceFirst("se$", ""))
                && word.substring(lemma.replaceFirst("se$", "").length()).matches("(a|an|e|emos|as|ia|ian)(se|nos)?");
    }

    private static boolean accentedFuture(DependencyTree tree, int verb) {
        return SPANISH_FUTURE_ENDING.matcher(tree.token(verb).word().toLowerCase()).find();
    }

    private boolean planned(DependencyTree tree, int predicate, boolean spanish) {
        if (future(tree, predicate)) {
            return true;
        }
        String word = tree.folded(predicate);
        String lemma = tree.lemma(predicate);
        String rel = tree.baseRelation(predicate);
        if (rel.equals("xcomp")) {
            return true; // "agreed to meet", "acordaron reunirse", "planea visitar".
        }
        if (!rel.equals("root") && anyWord(lexicon.infinitiveMarks, tree.marker(predicate))
                && (rel.equals("acl") || rel.equals("advcl") || rel.equals("ccomp"))) {
            return true; // "the decision to meet", "para reunirse".
        }
        if (spanish && !rel.equals("root") && !rel.equals("conj") && word.matches(".*[aei]r(se|lo|la|le)?")
                && lemma.startsWith(word.replaceFirst("(se|lo|la|le)$", ""))) {
            return true; // a Spanish infinitive below another word: "para reunirse", "la decisión de visitar".
        }
        int head = tree.head(predicate);
        return head >= 0 && lexicon.planVerbs.matches(tree, head);
    }
}
