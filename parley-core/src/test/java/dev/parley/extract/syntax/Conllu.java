package dev.parley.extract.syntax;

import dev.parley.nlp.Dependency;
import dev.parley.nlp.ParsedSentence;
import dev.parley.nlp.Token;

import java.util.ArrayList;
import java.util.List;

/** Hand-written parses in a CoNLL-U-like shorthand: "id word lemma UPOS head relation [NER]", 1-based, head 0 = root. */
final class Conllu {

    private Conllu() {
    }

    static ParsedSentence parse(String... lines) {
        List<Token> tokens = new ArrayList<>();
        List<Dependency> deps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            int index = Integer.parseInt(f[0]) - 1;
            boolean glue = f[1].matches("[,.;:]");
            if (text.length() > 0 && !glue) {
                text.append(' ');
            }
            int begin = text.length();
            text.append(f[1]);
            tokens.add(new Token(index, f[1], f[2], f[3], f.length > 6 ? f[6] : "O", begin, text.length()));
            deps.add(new Dependency(Integer.parseInt(f[4]) - 1, index, f[5]));
        }
        return new ParsedSentence(text.toString(), tokens, List.of(), deps);
    }
}
