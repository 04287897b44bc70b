package dev.parley.extract.syntax;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.extract.EventKind;
import dev.parley.extract.Folding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "syntax" section of parley/lexicon.json: trigger verbs and event nouns per kind, light verbs, cues of negation,
 * condition, hedging and plans, and the prepositions that mark a participant. An entry ending in "*" is a stem (it
 * matches any word or lemma starting with it: Spanish lemmas are weak, so the folded word form counts too); an entry
 * with spaces matches consecutive words.
 */
public final class TriggerLexicon {

    /** One word list, matched on folded words and lemmas. */
    public static final class Words {
        private final List<String> exact = new ArrayList<>();
        private final List<String> stems = new ArrayList<>();
        private final List<String[]> phrases = new ArrayList<>();

        Words(List<String> entries) {
            for (String e : entries) {
                String f = Folding.fold(e.strip());
                if (f.contains(" ")) {
                    phrases.add(f.split("\\s+"));
                } else if (f.endsWith("*")) {
                    stems.add(f.substring(0, f.length() - 1));
                } else {
                    exact.add(f);
                }
            }
        }

        public boolean matches(String folded) {
            if (exact.contains(folded)) {
                return true;
            }
            for (String s : stems) {
                if (folded.startsWith(s)) {
                    return true;
                }
            }
            return false;
        }

        /** A single-word entry matches the token's word or lemma; a phrase matches words from the token on. */
        public boolean matches(DependencyTree tree, int token) {
            if (matches(tree.folded(token)) || matches(tree.lemma(token))) {
                return true;
            }
            return phraseAt(tree, token) > 0;
        }

        /** Length of a phrase entry starting at the token, 0 if none. */
        public int phraseAt(DependencyTree tree, int token) {
            for (String[] p : phrases) {
                if (token + p.length > tree.size()) {
                    continue;
                }
                boolean all = true;
                for (int k = 0; k < p.length && all; k++) {
                    String w = tree.folded(token + k);
                    all = p[k].endsWith("*") ? w.startsWith(p[k].substring(0, p[k].length() - 1))
                            : w.equals(p[k]) || tree.lemma(token + k).equals(p[k]);
                }
                if (all) {
                    return p.length;
                }
            }
            return 0;
        }

        /** Whether any entry (a stem or word, or a phrase's first word) occurs in folded text: a cheap pre-filter. */
        public boolean occursIn(List<String> foldedWords) {
            for (String w : foldedWords) {
                if (matches(w)) {
                    return true;
                }
                for (String[] p : phrases) {
                    String first = p[0].endsWith("*") ? p[0].substring(0, p[0].length() - 1) : p[0];
                    if (p[0].endsWith("*") ? w.startsWith(first) : w.equals(first)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    public final Map<EventKind, Words> verbs = new LinkedHashMap<>();
    public final Map<EventKind, Words> nouns = new LinkedHashMap<>();
    public final Words lightVerbs;
    public final Words arrivalVerbs;
    public final Words negations;
    public final Words conditionalMarks;
    public final Words modals;
    public final Words futureAuxiliaries;
    /** "would have ground to a halt": with a modal, a counterfactual. */
    public final Words perfectAuxiliaries;
    public final Words futureStems;
    public final Words planVerbs;
    public final Words hedgeModifiers;
    public final Words soCalled;
    public final Words officeNouns;
    public final Words objectCases;
    public final Words partyCases;
    public final Words agentCases;
    /** "In meetings with ..., Howard said": an event noun setting the clause's scene shares the clause's subject. */
    public final Words settingCases;
    public final Words arrivalCases;
    public final Words infinitiveMarks;
    /** "returned from Washington": the place come back from is the one visited. */
    public final Words returnVerbs;
    public final Words returnCases;
    /** Punitive acts ("impose tariffs", "sancionar"): announced for the future, the announcement is a threat. */
    public final Words threatActions;
    /** Whom a punitive act falls on: "tariffs on Japanese goods", "sanctions against South Africa". */
    public final Words punitiveCases;
    /** "levantar sus sanciones a Irán", "drop threatened sanctions": a punitive act ended or averted is no threat. */
    public final Words liftingVerbs;
    /** "denied breaking a pact with the U.S.": what two states hold together, and the case of the other one. */
    public final Words accordNouns;
    public final Words accordCases;
    /** "condemned the violence, which it blamed on Washington": what is condemned, and whom it is laid on. */
    public final Words attributionVerbs;
    public final Words attributionCases;
    /** "told Japan to resolve the row": with an addressee and an infinitive, a demand. */
    public final Words directiveVerbs;
    /** "charged that the market is closed": with a clause, a rejection. */
    public final Words accusationVerbs;
    public final Words transactionVerbs;
    /** "analizó con su homólogo", "discussed ... with the Japanese minister": talks, with a party of the other side. */
    public final Words discussionVerbs;
    public final Words discussionCases;
    /** Cues of what a reporting verb reports (the {@code reportedContent} section, read by {@link ReportedContent}). */
    public final ContentCues content;
    /** Prepositions that mark the addressee after one trigger word only ("a courtesy call on the president"). */
    public final Map<String, Words> triggerCases = new LinkedHashMap<>();

    public TriggerLexicon(JsonNode syntax) {
        syntax.get("verbs").fields().forEachRemaining(e -> verbs.put(EventKind.valueOf(e.getKey()), words(e.getValue())));
        syntax.get("nouns").fields().forEachRemaining(e -> nouns.put(EventKind.valueOf(e.getKey()), words(e.getValue())));
        lightVerbs = words(syntax.get("lightVerbs"));
        arrivalVerbs = words(syntax.get("arrivalVerbs"));
        negations = words(syntax.get("negations"));
        conditionalMarks = words(syntax.get("conditionalMarks"));
        modals = words(syntax.get("modals"));
        futureAuxiliaries = words(syntax.get("futureAuxiliaries"));
        perfectAuxiliaries = words(syntax.get("perfectAuxiliaries"));
        futureStems = words(syntax.get("futureStems"));
        planVerbs = words(syntax.get("planVerbs"));
        hedgeModifiers = words(syntax.get("hedgeModifiers"));
        soCalled = words(syntax.get("soCalled"));
        officeNouns = words(syntax.get("officeNouns"));
        objectCases = words(syntax.get("objectCases"));
        partyCases = words(syntax.get("partyCases"));
        agentCases = words(syntax.get("agentCases"));
        settingCases = words(syntax.get("settingCases"));
        arrivalCases = words(syntax.get("arrivalCases"));
        returnVerbs = words(syntax.get("returnVerbs"));
        returnCases = words(syntax.get("returnCases"));
        infinitiveMarks = words(syntax.get("infinitiveMarks"));
        threatActions = words(syntax.get("threatActions"));
        punitiveCases = words(syntax.get("punitiveCases"));
        liftingVerbs = words(syntax.get("liftingVerbs"));
        accordNouns = words(syntax.get("accordNouns"));
        accordCases = words(syntax.get("accordCases"));
        attributionVerbs = words(syntax.get("attributionVerbs"));
        attributionCases = words(syntax.get("attributionCases"));
        content = new ContentCues(syntax.path("reportedContent"));
        directiveVerbs = words(syntax.get("directiveVerbs"));
        accusationVerbs = words(syntax.get("accusationVerbs"));
        transactionVerbs = words(syntax.get("transactionVerbs"));
        discussionVerbs = words(syntax.get("discussionVerbs"));
        discussionCases = words(syntax.get("discussionCases"));
        if (syntax.has("triggerCases")) {
            syntax.get("triggerCases").fields().forEachRemaining(e -> triggerCases.put(Folding.fold(e.getKey()),
                    words(e.getValue())));
        }
    }

    /** The word lists {@link ReportedContent} reads a complement clause with. */
    public static final class ContentCues {
        public final Words punitiveWords;
        public final Words measureNouns;
        public final Words weighingVerbs;
        public final Words rejectionWords;
        public final Words approvalWords;
        public final Words obligationModals;
        public final Words firstPersons;

        ContentCues(JsonNode section) {
            punitiveWords = words(section.get("punitiveWords"));
            measureNouns = words(section.get("measureNouns"));
            weighingVerbs = words(section.get("weighingVerbs"));
            rejectionWords = words(section.get("rejectionWords"));
            approvalWords = words(section.get("approvalWords"));
            obligationModals = words(section.get("obligationModals"));
            firstPersons = words(section.get("firstPersons"));
        }
    }

    /** Whether a case marker introduces the addressee of this trigger word in particular. */
    public boolean triggerCase(String triggerLemma, String marker) {
        Words w = triggerCases.get(triggerLemma);
        return w != null && TriggerFinder.anyWord(w, marker);
    }

    /** Whether a folded sentence may hold a trigger at all (before parsing it). */
    public boolean mayHoldTrigger(List<String> foldedWords) {
        return verbs.values().stream().anyMatch(w -> w.occursIn(foldedWords))
                || nouns.values().stream().anyMatch(w -> w.occursIn(foldedWords))
                || directiveVerbs.occursIn(foldedWords) || accusationVerbs.occursIn(foldedWords)
                || discussionVerbs.occursIn(foldedWords);
    }

    private static Words words(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return new Words(out);
    }
}
