package dev.parley.extract.actors;

import dev.parley.extract.Folding;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Person names as folded word lists: for ids across articles and for surname-only mentions within one. */
final class PersonNames {

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sr", "sra", "srta", "don", "dona",
            "sir", "lic", "ing", "dra", "gen", "mme", "m");

    /** Name particles: never a surname on their own ("De acuerdo con…" is not Juan Ramón de la Fuente). */
    private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "van", "von", "der",
            "da", "di", "do", "dos", "du", "le", "el", "al", "bin", "ibn");

    private PersonNames() {
    }

    /** "Sr. Enrique Peña Nieto" → [enrique, pena, nieto]. */
    static List<String> words(String name) {
        List<String> words = Arrays.stream(Folding.fold(name).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toList();
        int first = 0;
        while (first < words.size() - 1 && HONORIFICS.contains(words.get(first))) {
            first++;
        }
        return words.subList(first, words.size());
    }

    /** "enrique-pena-nieto". */
    static String slug(String name) {
        return String.join("-", words(name));
    }

    /**
     * Whether {@code mention} is a surname part of {@code full}: a run of its words other than the first given
     * name ("Peña Nieto", "Nieto" and, as Spanish usage has it, the paternal surname "Ibarra" of "Alejandro Ibarra
     * Solís").
     */
    static boolean isSurnameOf(List<String> mention, List<String> full) {
        if (mention.isEmpty() || mention.size() >= full.size() || PARTICLES.contains(mention.get(mention.size() - 1))) {
            return false;
        }
        for (int start = 1; start + mention.size() <= full.size(); start++) {
            if (full.subList(start, start + mention.size()).equals(mention)) {
                return true;
            }
        }
        return false;
    }
}
