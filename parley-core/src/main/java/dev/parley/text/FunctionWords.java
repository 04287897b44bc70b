package dev.parley.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Function words of the supported languages, read from the data file {@code /text/function-words.txt}. */
public final class FunctionWords {

    private static final Set<String> WORDS = load();

    private FunctionWords() {
    }

    public static boolean contains(String foldedWord) {
        return WORDS.contains(foldedWord);
    }

    /**
     * A word that carries content of its own: written in lower case (so not a name, title or sentence start) and
     * not a function word.
     */
    public static boolean isSubstantive(String originalText, Token token) {
        return !Character.isUpperCase(originalText.codePointAt(token.start())) && !contains(token.form());
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = FunctionWords.class.getResourceAsStream("/text/function-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing /text/function-words.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
