package dev.parley.extract.syntax;

import dev.parley.extract.EventKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The participants of a trigger by syntax: subjects (nsubj, a passive's "por/by" agent, an event noun's "de/of" or
 * possessor), objects (obj, iobj, "con/with/a/to/entre/between" obliques; "in/en" after arrival verbs), each with its
 * conjuncts. A phrase keeps names, titles in apposition and "de/of" complements ("el presidente de Estados Unidos,
 * Barack Obama"); other modifiers ("la crisis en Venezuela") are context, not part of the argument.
 */
public final class ArgumentReader {

    private static final Set<String> SUBJECT = Set.of("nsubj", "csubj");
    private static final Set<String> PASSIVE_SUBJECT = Set.of("nsubj:pass", "nsubjpass");
    private static final Set<String> OBJECT = Set.of("obj", "iobj", "dobj");
    private static final Set<String> PHRASE = Set.of("flat", "compound", "appos", "det", "nummod", "fixed", "name",
            "goeswith");

    private final TriggerLexicon lexicon;

    public ArgumentReader(TriggerLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public EventArguments read(DependencyTree tree, EventTrigger trigger) {
        List<Integer> subjectHeads = new ArrayList<>();
        List<Integer> objectHeads = new ArrayList<>();
        int p = trigger.predicate();
        boolean passive = false;
        for (int c : tree.children(p)) {
            String rel = tree.relation(c);
            if (c == trigger.token()) {
                continue;
            }
            if (SUBJECT.contains(rel) || SUBJECT.contains(tree.baseRelation(c)) && !PASSIVE_SUBJECT.contains(rel)) {
                subjectHeads.add(c);
            } else if (PASSIVE_SUBJECT.contains(rel)) {
                passive = true;
                objectHeads.add(c);
            }
        }
        if (subjectHeads.isEmpty() && !passive) {
            // Coordinated or controlled verbs share the subject of the verb they hang on.
            for (int k = p, up = 0; up < 3 && subjectHeads.isEmpty(); up++) {
                String rel = tree.baseRelation(k);
                int head = tree.head(k);
                if (head < 0 || !(rel.equals("conj") || rel.equals("xcomp") || rel.equals("parataxis"))) {
                    break;
                }
                for (int c : tree.children(head)) {
                    if (SUBJECT.contains(tree.baseRelation(c)) && !PASSIVE_SUBJECT.contains(tree.relation(c))) {
                        subjectHeads.add(c);
                    }
                }
                k = head;
            }
        }
        if (subjectHeads.isEmpty() && trigger.noun() && trigger.token() == p && TriggerFinder.CONTACTS.contains(
                trigger.kind()) && tree.baseRelation(p).equals("obl") && tree.head(p) >= 0
                && "VERB".equals(tree.pos(tree.head(p))) && TriggerFinder.anyWord(lexicon.settingCases, tree.marker(p))) {
            // "In meetings with the foreign minister, Howard said ...": who acts in the scene was in it.
            tree.children(tree.head(p)).stream().filter(c -> tree.baseRelation(c).equals("nsubj")
                    && !PASSIVE_SUBJECT.contains(tree.relation(c))).forEach(subjectHeads::add);
        }
        boolean arrival = lexicon.arrivalVerbs.matches(tree, p);
        boolean comingBack = !trigger.noun() && lexicon.returnVerbs.matches(tree, p);
        // What is agreed or signed is not a party to it: "signed a trade accord with Argentina".
        boolean agreement = trigger.kind() == EventKind.AGREEMENT_COMMITMENT;
        List<Integer> holders = trigger.noun() && trigger.token() != p ? List.of(p, trigger.token()) : List.of(p);
        for (int holder : holders) {
            for (int c : tree.children(holder)) {
                if (c == trigger.token()) {
                    continue;
                }
                String rel = tree.relation(c);
                String base = tree.baseRelation(c);
                String marker = tree.marker(c);
                if (OBJECT.contains(base) && holder == p && !agreement) {
                    objectHeads.add(c);
                } else if (rel.equals("nmod:poss") && holder == trigger.token()) {
                    subjectHeads.add(c);
                } else if (holder == trigger.token() && TriggerFinder.DIRECTED_ACTS.contains(trigger.kind())
                        && rel.equals("compound") && tree.pos(c).equals("PROPN") && c < holder) {
                    subjectHeads.add(c); // "U.S. urgings", "Japanese ministry criticism"
                } else if (holder == trigger.token() && trigger.kind() == EventKind.DEMAND && base.equals("acl")) {
                    // "urgings for Japan to take steps": whom a demand asks is the subject of what it asks for.
                    tree.children(c).stream().filter(k -> SUBJECT.contains(tree.baseRelation(k))).forEach(objectHeads::add);
                } else if (comingBack && (base.equals("obl") || base.equals("nmod"))) {
                    if (TriggerFinder.anyWord(lexicon.returnCases, marker)) {
                        objectHeads.add(c);
                    }
                } else if (base.equals("obl") || base.equals("nmod")) {
                    if (TriggerFinder.anyWord(lexicon.agentCases, marker) && passive) {
                        subjectHeads.add(c);
                    } else if (TriggerFinder.anyWord(lexicon.objectCases, marker)
                            || (arrival && TriggerFinder.anyWord(lexicon.arrivalCases, marker))
                            || lexicon.triggerCase(tree.lemma(trigger.token()), marker)) {
                        objectHeads.add(c);
                    } else if (trigger.noun() && holder == trigger.token()
                            && TriggerFinder.anyWord(lexicon.partyCases, marker)) {
                        subjectHeads.add(c);
                    }
                }
            }
        }
        List<Integer> nationalOnly = new ArrayList<>();
        if ((trigger.kind() == EventKind.DEMAND || trigger.kind() == EventKind.REJECTION) && objectHeads.isEmpty()
                && !trigger.noun()) {
            // "pidió que el gobierno de Ucrania se comprometiera ...", "demanded that Japan open ...": whom a demand
            // asks is the subject of what it asks for; whom a charge accuses, the subject of what it charges.
            // A thing's nationality counts there: "charged that the Japanese public sector is closed" accuses Japan.
            for (int c : tree.children(p)) {
                if (Set.of("ccomp", "xcomp").contains(tree.baseRelation(c))) {
                    tree.children(c).stream().filter(k -> tree.baseRelation(k).equals("nsubj")).forEach(k -> {
                        objectHeads.add(k);
                        nationalOnly.addAll(tree.children(k, Set.of("amod")));
                    });
                }
            }
        }
        if (trigger.kind() == EventKind.REJECTION && !trigger.noun()) {
            // "Japan denied breaking a pact with the U.S.": rejecting what two states hold rejects the other one.
            objectHeads.addAll(accordParties(tree, p, 2));
            objectHeads.addAll(blamedParties(tree, p));
        }
        if (trigger.kind() == EventKind.THREAT && objectHeads.isEmpty() && !trigger.noun()) {
            // "advirtió que está preparado para atacar Siria": whom a threat is made against is the object of the
            // action it threatens, a clause or two down.
            objectHeads.addAll(threatenedObjects(tree, p, 3));
        }
        List<List<Integer>> punished = new ArrayList<>();
        List<Integer> targets = trigger.kind() == EventKind.THREAT
                ? TriggerFinder.punitiveTargets(lexicon, tree, trigger.token()) : List.of();
        if (!targets.isEmpty()) {
            // "imposed tariffs on Japanese goods": the goods' nationality is the state the act falls on.
            for (int target : targets) {
                if (!objectHeads.contains(target)) {
                    for (List<Integer> phrase : phrases(tree, List.of(target))) {
                        tree.children(target, Set.of("amod")).forEach(phrase::add);
                        phrase.sort(Integer::compare);
                        punished.add(phrase);
                    }
                }
            }
        }
        if (!targets.isEmpty() && trigger.noun() && subjectHeads.isEmpty()) {
            // "Sweden announced its program of sanctions against ...", "la UE aprobó sanciones contra ...": who
            // imposes them is the subject of the verb they hang on.
            for (int k = tree.head(trigger.token()), up = 0; k >= 0 && up < 3; k = tree.head(k), up++) {
                if ("VERB".equals(tree.pos(k))) {
                    tree.children(k).stream().filter(c -> SUBJECT.contains(tree.baseRelation(c))
                            && !PASSIVE_SUBJECT.contains(tree.relation(c))).forEach(subjectHeads::add);
                    break;
                }
            }
        }
        if (actOnSubject(tree, trigger)) {
            // "Thailand has been under pressure from Tokyo to ...": the act comes from its "from" party and is
            // made on the subject of the noun.
            List<Integer> on = tree.children(p).stream().filter(c -> SUBJECT.contains(tree.baseRelation(c))).toList();
            subjectHeads.removeAll(on);
            objectHeads.addAll(on);
        }
        List<List<Integer>> objects = phrases(tree, objectHeads);
        objects.addAll(punished);
        nationalOnly.forEach(a -> objects.add(List.of(a)));
        return new EventArguments(phrases(tree, subjectHeads), objects);
    }

    private static final Set<String> CONTENT = Set.of("ccomp", "xcomp", "advcl");

    private static List<Integer> threatenedObjects(DependencyTree tree, int verb, int depth) {
        List<Integer> out = new ArrayList<>();
        for (int c : tree.children(verb)) {
            if (!CONTENT.contains(tree.baseRelation(c))) {
                continue;
            }
            for (int k : tree.children(c)) {
                if (OBJECT.contains(tree.baseRelation(k))) {
                    out.add(k);
                }
            }
            if (out.isEmpty() && depth > 1) {
                out.addAll(threatenedObjects(tree, c, depth - 1));
            }
        }
        return out;
    }

    /** Whom the verb's object is laid on by a clause that modifies it: "the violence, which it blamed on ...". */
    private List<Integer> blamedParties(DependencyTree tree, int verb) {
        List<Integer> out = new ArrayList<>();
        for (int object : tree.children(verb, OBJECT)) {
            for (int clause : tree.children(object, Set.of("acl"))) {
                if (!lexicon.attributionVerbs.matches(tree, clause)) {
                    continue;
                }
                for (int k : tree.children(clause)) {
                    if (Set.of("obj", "iobj", "obl").contains(tree.baseRelation(k))
                            && TriggerFinder.anyWord(lexicon.attributionCases, tree.marker(k))) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /** Relations by which a verb takes what it acts on, a clause deep ("denied breaking a pact": a wrong "dep"). */
    private static final Set<String> ACTED_ON = Set.of("ccomp", "xcomp", "dep");

    /** The "with/con" parties of accord nouns the verb (or a verb it governs) takes as object. */
    private List<Integer> accordParties(DependencyTree tree, int verb, int depth) {
        List<Integer> out = new ArrayList<>();
        for (int c : tree.children(verb)) {
            if (OBJECT.contains(tree.baseRelation(c)) && lexicon.accordNouns.matches(tree, c)) {
                for (int k : tree.children(c)) {
                    if (Set.of("nmod", "obl").contains(tree.baseRelation(k))
                            && TriggerFinder.anyWord(lexicon.accordCases, tree.marker(k))) {
                        out.add(k);
                    }
                }
            } else if (ACTED_ON.contains(tree.baseRelation(c)) && depth > 1) {
                out.addAll(accordParties(tree, c, depth - 1));
            }
        }
        return out;
    }

    /** A demand, threat or rejection noun that is its own predicate and names whom it comes from. */
    private boolean actOnSubject(DependencyTree tree, EventTrigger trigger) {
        if (!trigger.noun() || trigger.token() != trigger.predicate() || !TriggerFinder.DIRECTED_ACTS.contains(trigger.kind())) {
            return false;
        }
        return tree.children(trigger.token()).stream().anyMatch(c -> Set.of("obl", "nmod").contains(tree.baseRelation(c))
                && TriggerFinder.anyWord(lexicon.partyCases, tree.marker(c)));
    }

    private List<List<Integer>> phrases(DependencyTree tree, List<Integer> heads) {
        List<List<Integer>> out = new ArrayList<>();
        for (int h : heads) {
            for (int member : conjuncts(tree, h)) {
                List<Integer> phrase = new ArrayList<>();
                collect(tree, member, phrase);
                phrase.sort(Integer::compare);
                out.add(phrase);
            }
        }
        return out;
    }

    private static List<Integer> conjuncts(DependencyTree tree, int head) {
        List<Integer> out = new ArrayList<>(List.of(head));
        for (int i = 0; i < out.size(); i++) {
            for (int c : tree.children(out.get(i))) {
                if (tree.baseRelation(c).equals("conj") && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private void collect(DependencyTree tree, int token, List<Integer> into) {
        collect(tree, token, into, false);
    }

    /**
     * A qualifier keeps its conjuncts: "officials of Chile and Peru", "Chilean and Peruvian officials" name both
     * sides, where the head's own conjuncts are phrases of their own.
     */
    private void collect(DependencyTree tree, int token, List<Integer> into, boolean qualifier) {
        into.add(token);
        boolean person = personLike(tree, token);
        for (int c : tree.children(token)) {
            String base = tree.baseRelation(c);
            String rel = tree.relation(c);
            boolean qualifying = (base.equals("amod") && person)
                    || (base.equals("nmod") && TriggerFinder.anyWord(lexicon.partyCases, tree.marker(c)));
            boolean keep = PHRASE.contains(base) || rel.equals("nmod:poss") || qualifying
                    || (qualifier && base.equals("conj"));
            if (keep) {
                collect(tree, c, into, qualifying || qualifier && base.equals("conj"));
            } else if (base.equals("case") && into.contains(token)) {
                into.add(c);
            }
        }
    }

    /** Nationality adjectives belong to people and offices ("el canciller mexicano"), not to things ("trade agreement"). */
    private boolean personLike(DependencyTree tree, int token) {
        return "PROPN".equals(tree.pos(token)) || !"O".equals(tree.token(token).ner())
                || lexicon.officeNouns.matches(tree, token);
    }
}
