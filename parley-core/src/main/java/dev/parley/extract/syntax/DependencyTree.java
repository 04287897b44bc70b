package dev.parley.extract.syntax;

import dev.parley.extract.Folding;
import dev.parley.nlp.Dependency;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Navigation over one parse: heads, relations, children and folded word forms by token index. */
public final class DependencyTree {

    private final ParsedSentence parse;
    private final int[] heads;
    private final String[] relations;
    private final List<List<Integer>> children = new ArrayList<>();
    private final String[] folded;
    private final String[] lemmas;

    public DependencyTree(ParsedSentence parse) {
        this.parse = parse;
        int n = parse.tokens().size();
        heads = new int[n];
        Arrays.fill(heads, -1);
        relations = new String[n];
        Arrays.fill(relations, "root");
        folded = new String[n];
        lemmas = new String[n];
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
            Token t = parse.tokens().get(i);
            folded[i] = Folding.fold(t.word());
            lemmas[i] = t.lemma() == null ? folded[i] : Folding.fold(t.lemma());
        }
        for (Dependency d : parse.dependencies()) {
            if (d.dependent() < 0 || d.dependent() >= n) {
                continue;
            }
            heads[d.dependent()] = d.head();
            relations[d.dependent()] = d.relation().toLowerCase();
            if (d.head() >= 0 && d.head() < n) {
                children.get(d.head()).add(d.dependent());
            }
        }
    }

    public ParsedSentence parse() {
        return parse;
    }

    public int size() {
        return heads.length;
    }

    public Token token(int i) {
        return parse.tokens().get(i);
    }

    public int head(int i) {
        return heads[i];
    }

    /** The relation of a token to its head, lower case ("nsubj", "obl:tmod"…). */
    public String relation(int i) {
        return relations[i];
    }

    /** The relation without its subtype: "obl:tmod" gives "obl". */
    public String baseRelation(int i) {
        int colon = relations[i].indexOf(':');
        return colon < 0 ? relations[i] : relations[i].substring(0, colon);
    }

    public List<Integer> children(int i) {
        return children.get(i);
    }

    public List<Integer> children(int i, Set<String> baseRelations) {
        return children.get(i).stream().filter(c -> baseRelations.contains(baseRelation(c))
                || baseRelations.contains(relation(c))).toList();
    }

    public String folded(int i) {
        return folded[i];
    }

    public String lemma(int i) {
        return lemmas[i];
    }

    public String pos(int i) {
        return token(i).pos();
    }

    /** The folded words of a token's "case" and "mark" children ("con", "with", "entre", "if"), joined by spaces. */
    public String marker(int i) {
        StringBuilder out = new StringBuilder();
        for (int c : children.get(i)) {
            String rel = baseRelation(c);
            if (rel.equals("case") || rel.equals("mark")) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(folded[c]);
            }
        }
        return out.toString();
    }

    /** Whether {@code ancestor} is {@code i} or above it. */
    public boolean dominates(int ancestor, int i) {
        for (int k = i, guard = 0; k >= 0 && guard <= heads.length; k = heads[k], guard++) {
            if (k == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The token whose span contains the sentence offset, or -1. */
    public int tokenAt(int offset) {
        for (Token t : parse.tokens()) {
            if (offset >= t.begin() && offset < t.end()) {
                return t.index();
            }
        }
        return -1;
    }

    /** Tokens overlapping [begin, end) in sentence offsets. */
    public List<Integer> tokensIn(int begin, int end) {
        List<Integer> out = new ArrayList<>();
        for (Token t : parse.tokens()) {
            if (t.begin() < end && begin < t.end()) {
                out.add(t.index());
            }
        }
        return out;
    }

    /** Of a set of tokens, the one whose head lies outside the set (the phrase head), or -1. */
    public int phraseHead(List<Integer> tokens) {
        for (int t : tokens) {
            if (!tokens.contains(heads[t])) {
                return t;
            }
        }
        return tokens.isEmpty() ? -1 : tokens.get(0);
    }
}
