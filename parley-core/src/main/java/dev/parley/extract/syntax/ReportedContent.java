package dev.parley.extract.syntax;

import dev.parley.extract.EventKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reporting verb reports, read on its clausal complement. Wire copy tells most threats, rejections and demands
 * as speech: "the U.S. said it would reexamine the issue if Japan did not roll back ..." is a threat, "Kuroda said
 * the decision was based on incorrect data" a rejection, "he said Japan should boost domestic demand" a demand. The
 * verb only says who spoke; the complement says what the act was.
 */
public final class ReportedContent {

    private static final Set<String> COMPLEMENTS = Set.of("ccomp", "parataxis");

    private final TriggerLexicon lexicon;
    private final TriggerLexicon.ContentCues cues;
    private final TriggerFinder finder;

    public ReportedContent(TriggerLexicon lexicon, TriggerFinder finder) {
        this.lexicon = lexicon;
        this.cues = lexicon.content;
        this.finder = finder;
    }

    /**
     * The act the asserted reporting verb at {@code verb} reports, or null when its content is none of threat,
     * rejection, demand, or holds an asserted trigger of its own among {@code triggers} (which tells the act itself);
     * STATEMENT for a demand the speakers say they will make, a statement of intent. The content's own modality is
     * part of the act ("would retaliate"), not a hedge on it.
     */
    public EventKind of(DependencyTree tree, int verb, boolean spanish, List<EventTrigger> triggers) {
        if (finder.modality(tree, verb, verb, EventKind.STATEMENT, spanish) != Modality.ASSERTED) {
            return null; // "did not say", "would say", "if he says": no act was reported as made.
        }
        List<Integer> clauses = contentClauses(tree, verb);
        for (int clause : clauses) {
            if (triggers.stream().anyMatch(t -> t.asserted() && t.token() != verb
                    && tree.dominates(clause, t.token()) && !tree.dominates(verb, t.token()))) {
                return null;
            }
        }
        for (int clause : clauses) {
            List<Integer> words = subtree(tree, clause, verb);
            EventKind announced = announcedAct(tree, clause);
            if (announced != null) {
                return announced;
            }
            if (threat(tree, clause, words)) {
                return EventKind.THREAT;
            }
            if (rejection(tree, words)) {
                return EventKind.REJECTION;
            }
            if (demand(tree, clause)) {
                return EventKind.DEMAND;
            }
        }
        return null;
    }

    /** Whether what the verb reports holds a trigger of one of these kinds ("said it plans to hold talks with France"). */
    public boolean reportsOneOf(DependencyTree tree, int verb, List<EventTrigger> triggers, Set<EventKind> kinds) {
        for (int clause : contentClauses(tree, verb)) {
            if (triggers.stream().anyMatch(t -> t.token() != verb && kinds.contains(t.kind())
                    && (t.token() == clause || tree.dominates(clause, t.token())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether what the verb reports is a transaction between states ("said Venezuela will lend Ecuador ..."). */
    public boolean reportsTransaction(DependencyTree tree, int verb) {
        return contentClauses(tree, verb).stream().anyMatch(c -> "VERB".equals(tree.pos(c))
                && lexicon.transactionVerbs.matches(tree, c));
    }

    /**
     * The heads of what was said: the verb's clausal complements ("said that ..."), or, when the quote comes first
     * ("'...,' the ministry said"), the clause the verb hangs on; with their coordinated clauses.
     */
    private List<Integer> contentClauses(DependencyTree tree, int verb) {
        List<Integer> heads = new ArrayList<>(tree.children(verb, COMPLEMENTS));
        for (int c : tree.children(verb, Set.of("xcomp"))) {
            // The Spanish parse often hangs "dijo que Argentina debe ..." as an xcomp: a clause with its own subject.
            if (tree.children(c).stream().anyMatch(k -> tree.baseRelation(k).equals("nsubj")
                    || tree.baseRelation(k).equals("mark"))) {
                heads.add(c);
            }
        }
        int head = tree.head(verb);
        if (head >= 0 && COMPLEMENTS.contains(tree.baseRelation(verb))) {
            heads.add(head);
        }
        List<Integer> out = new ArrayList<>();
        for (int h : heads) {
            out.add(h);
            for (int c : tree.children(h)) {
                if (tree.baseRelation(c).equals("conj") && c != verb) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * "told their partners they would strongly oppose the tax": a rejection or threat the speakers say they will make
     * is made by saying so; a demand they will make is announced. Only a clause of the speakers' own (no other
     * subject than a pronoun) counts.
     */
    private EventKind announcedAct(DependencyTree tree, int clause) {
        if (!finder.prospective(tree, clause) || finder.negatedByDependent(tree, clause)) {
            return null;
        }
        boolean ownClause = tree.children(clause).stream().filter(c -> tree.baseRelation(c).startsWith("nsubj"))
                .allMatch(c -> "PRON".equals(tree.pos(c)));
        if (!ownClause) {
            return null;
        }
        for (EventKind kind : List.of(EventKind.REJECTION, EventKind.THREAT, EventKind.DEMAND)) {
            TriggerLexicon.Words words = lexicon.verbs.get(kind);
            if (words != null && words.matches(tree, clause)) {
                // "said he will ask Estonia to cut fees": a request still to be made, told now: a statement.
                return kind == EventKind.DEMAND ? EventKind.STATEMENT : kind;
            }
        }
        return null;
    }

    /** A consequence announced on a condition, or a punitive act announced or weighed. */
    private boolean threat(DependencyTree tree, int clause, List<Integer> words) {
        boolean prospective = finder.prospective(tree, clause);
        boolean conditioned = tree.children(clause).stream().anyMatch(c -> tree.baseRelation(c).equals("advcl")
                && TriggerFinder.anyWord(lexicon.conditionalMarks, tree.marker(c)));
        if (prospective && conditioned && !finder.negatedByDependent(tree, clause)) {
            return true;
        }
        boolean weighing = cues.weighingVerbs.matches(tree, clause);
        boolean punitive = words.stream().anyMatch(w -> cues.punitiveWords.matches(tree, w)
                || lexicon.threatActions.matches(tree, w));
        if (punitive && (prospective || weighing)) {
            return true;
        }
        return weighing && tree.children(clause).stream()
                .anyMatch(c -> tree.baseRelation(c).equals("obj") && cues.measureNouns.matches(tree, c));
    }

    /** The other side's act called wrong, false or a breach; or something not reasonable, not accepted. */
    private boolean rejection(DependencyTree tree, List<Integer> words) {
        for (int w : words) {
            if (cues.rejectionWords.matches(tree, w)) {
                return true;
            }
            if (cues.approvalWords.matches(tree, w) && finder.negatedByDependent(tree, w)) {
                return true;
            }
        }
        return false;
    }

    /** What someone other than the speakers should or must do. */
    private boolean demand(DependencyTree tree, int clause) {
        boolean obliged = tree.children(clause).stream().anyMatch(c -> tree.baseRelation(c).equals("aux")
                && cues.obligationModals.matches(tree, c))
                || cues.obligationModals.phraseAt(tree, clause) > 0; // "tiene que abrir", "has to open"
        if (!obliged) {
            return false;
        }
        return tree.children(clause).stream().filter(c -> tree.baseRelation(c).startsWith("nsubj"))
                .noneMatch(c -> cues.firstPersons.matches(tree.folded(c)));
    }

    /** The tokens of a clause, without the reporting verb's own subtree when the verb hangs on the clause. */
    private static List<Integer> subtree(DependencyTree tree, int clause, int verb) {
        boolean verbInside = tree.dominates(clause, verb);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            if (tree.dominates(clause, i) && !(verbInside && tree.dominates(verb, i))) {
                out.add(i);
            }
        }
        return out;
    }
}
