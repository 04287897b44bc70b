package dev.parley.nlp.corenlp;

import java.util.Map;

/**
 * Penn Treebank tags (CoreNLP's English tagger) to universal POS tags. Where UPOS depends on syntax (an auxiliary
 * verb, a subordinating "that"), the token's dependency relation decides.
 */
final class PennToUniversalPos {

    private static final Map<String, String> BY_TAG = Map.ofEntries(
            Map.entry("CC", "CCONJ"), Map.entry("CD", "NUM"), Map.entry("DT", "DET"), Map.entry("EX", "PRON"),
            Map.entry("FW", "X"), Map.entry("IN", "ADP"), Map.entry("JJ", "ADJ"), Map.entry("JJR", "ADJ"),
            Map.entry("JJS", "ADJ"), Map.entry("LS", "X"), Map.entry("MD", "AUX"), Map.entry("NN", "NOUN"),
            Map.entry("NNS", "NOUN"), Map.entry("NNP", "PROPN"), Map.entry("NNPS", "PROPN"),
            Map.entry("PDT", "DET"), Map.entry("POS", "PART"), Map.entry("PRP", "PRON"), Map.entry("PRP$", "PRON"),
            Map.entry("RB", "ADV"), Map.entry("RBR", "ADV"), Map.entry("RBS", "ADV"), Map.entry("RP", "ADP"),
            Map.entry("SYM", "SYM"), Map.entry("TO", "PART"), Map.entry("UH", "INTJ"), Map.entry("VB", "VERB"),
            Map.entry("VBD", "VERB"), Map.entry("VBG", "VERB"), Map.entry("VBN", "VERB"), Map.entry("VBP", "VERB"),
            Map.entry("VBZ", "VERB"), Map.entry("WDT", "PRON"), Map.entry("WP", "PRON"), Map.entry("WP$", "PRON"),
            Map.entry("WRB", "ADV"), Map.entry("$", "SYM"), Map.entry("#", "SYM"), Map.entry("ADD", "X"),
            Map.entry("AFX", "ADJ"), Map.entry("GW", "X"), Map.entry("XX", "X"), Map.entry("NFP", "PUNCT"),
            Map.entry("HYPH", "PUNCT"), Map.entry(".", "PUNCT"), Map.entry(",", "PUNCT"), Map.entry(":", "PUNCT"),
            Map.entry("``", "PUNCT"), Map.entry("''", "PUNCT"), Map.entry("-LRB-", "PUNCT"),
            Map.entry("-RRB-", "PUNCT"));

    private PennToUniversalPos() {
    }

    /**
     * @param relation the token's UD relation to its head, or null
     */
    static String map(String pennTag, String relation) {
        if (pennTag == null) {
            return "X";
        }
        String base = relation == null ? "" : relation.split(":", 2)[0];
        if (pennTag.startsWith("VB") && (base.equals("aux") || base.equals("cop"))) {
            return "AUX";
        }
        if (pennTag.equals("IN") && base.equals("mark")) {
            return "SCONJ";
        }
        if (pennTag.equals("TO") && base.equals("case")) {
            return "ADP";
        }
        if (pennTag.equals("DT") && base.equals("nsubj")) {
            return "PRON";
        }
        if (pennTag.equals("WDT") && base.equals("det")) {
            return "DET";
        }
        return BY_TAG.getOrDefault(pennTag, "X");
    }
}
