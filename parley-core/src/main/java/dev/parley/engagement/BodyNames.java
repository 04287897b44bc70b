package dev.parley.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.Folding;
import dev.parley.extract.Resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Do two names name one joint body? Folded, without articles, prepositions and qualifiers papers add or drop
 * ("el Grupo de Implementación de Seguridad bilateral" = "Grupo de Implementación de Seguridad"); one name may be
 * the other's initials ("GIS") or only its head noun ("the group", when the article refers back to it).
 */
public final class BodyNames {

    private final Set<String> ignored = new HashSet<>();

    public BodyNames() {
        try (InputStream in = Resources.open("parley/meetings.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            root.get("nameWords").forEach(w -> ignored.add(w.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        Set<String> small = x.size() <= y.size() ? x : y;
        Set<String> large = small == x ? y : x;
        if (large.containsAll(small) && (small.size() >= 2 || isHead(small, large))) {
            return true;
        }
        return initials(a, b) || initials(b, a);
    }

    /**
     * Tokens such that {@link #same} holds only for names sharing one: same() needs a common word (equal or
     * contained word sets are not empty) or an acronym equal to the other name's initials.
     */
    public Set<String> keys(String name) {
        Set<String> out = new java.util.TreeSet<>();
        if (name == null) {
            return out;
        }
        words(name).forEach(w -> out.add("w:" + w));
        String a = name.strip();
        if (a.matches("\\p{Lu}{2,6}")) {
            out.add("i:" + Folding.fold(a));
        }
        out.add("i:" + initialsOf(name));
        return out;
    }

    /** A lone head noun ("group") names the body whose name it ends or starts ("Security Implementation Group"). */
    private static boolean isHead(Set<String> lone, Set<String> name) {
        return lone.size() == 1 && name.size() >= 2;
    }

    private boolean initials(String acronym, String name) {
        String a = acronym.strip();
        if (!a.matches("\\p{Lu}{2,6}")) {
            return false;
        }
        return initialsOf(name).equals(Folding.fold(a));
    }

    private String initialsOf(String name) {
        return Arrays.stream(Folding.fold(name).split("[^\\p{L}]+"))
                .filter(w -> !w.isEmpty() && !ignored.contains(w)).map(w -> w.substring(0, 1))
                .collect(Collectors.joining());
    }

    private Set<String> words(String name) {
        // Parenthesised qualifiers ("(US–MX)") and two-letter codes say whose body it is, not which.
        String plain = name.replaceAll("\\([^)]*\\)", " ");
        return Arrays.stream(Folding.fold(plain).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2 && !ignored.contains(w))
                .collect(Collectors.toSet());
    }
}
