package dev.parley.extract.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the two TSV files of parley/world (format: the README section "World knowledge data"). */
final class WorldData {

    record Validity(Country country, LocalDate from, LocalDate to) {

        boolean validOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
        }

        boolean current() {
            return to == null;
        }
    }

    private WorldData() {
    }

    static Map<String, Validity> countries(Reader tsv) {
        Map<String, Validity> out = new LinkedHashMap<>();
        for (String[] f : rows(tsv, 5)) {
            String code = f[0];
            LocalDate to = date(f[4]);
            Validity v = new Validity(new Country(code, f[1], f[2], to != null), date(f[3]), to);
            if (out.put(code, v) != null) {
                throw new IllegalArgumentException("country listed twice: " + code);
            }
        }
        return out;
    }

    static List<FormEntry> forms(Reader tsv, Map<String, Validity> countries) {
        List<FormEntry> out = new ArrayList<>();
        for (String[] f : rows(tsv, 5)) {
            Set<String> flags = f[3].equals("-") ? Set.of() : Set.of(f[3].split(","));
            for (String flag : flags) {
                if (!Set.of("cased", "person", "ctx").contains(flag)) {
                    throw new IllegalArgumentException("unknown flag " + flag + " in " + String.join(" ", f));
                }
            }
            boolean block = f[1].equals("BLOCK");
            String code = block || flags.contains("ctx") ? null : f[0];
            if (code != null && !countries.containsKey(code)) {
                throw new IllegalArgumentException("unknown country code " + code);
            }
            Via via = block ? null : Via.valueOf(f[1]);
            String lang = f[2];
            if (!Set.of("es", "en", "*").contains(lang)) {
                throw new IllegalArgumentException("language must be es, en or *: " + lang);
            }
            for (String listed : f[4].split(";")) {
                for (String form : expand(listed.strip())) {
                    out.add(entry(code, via, lang, form, flags));
                    if (form.endsWith(".") && form.length() > 2) {
                        // "EE.UU" and "U.S" when the sentence's own punctuation follows
                        out.add(entry(code, via, lang, form.substring(0, form.length() - 1), flags));
                    }
                }
            }
        }
        return out;
    }

    private static FormEntry entry(String code, Via via, String lang, String form, Set<String> flags) {
        FoldedText folded = FoldedText.of(form);
        boolean[] upper = new boolean[folded.length];
        for (int k = 0; k < folded.length; k++) {
            upper[k] = Character.isUpperCase(form.charAt(folded.origin[k]));
        }
        return new FormEntry(code, via, lang, form, flags.contains("cased"), flags.contains("person"), upper);
    }

    /** "mexican{o,a,os,as}" is four forms; "estadounidense{,s}" two. */
    static List<String> expand(String form) {
        int open = form.indexOf('{');
        if (open < 0) {
            return form.isEmpty() ? List.of() : List.of(form);
        }
        int close = form.indexOf('}', open);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed { in " + form);
        }
        List<String> out = new ArrayList<>();
        for (String alternative : form.substring(open + 1, close).split(",", -1)) {
            out.addAll(expand(form.substring(0, open) + alternative + form.substring(close + 1)));
        }
        return out;
    }

    private static LocalDate date(String field) {
        return field.equals("-") ? null : LocalDate.parse(field);
    }

    private static List<String[]> rows(Reader tsv, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(tsv)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != columns) {
                    throw new IllegalArgumentException("line " + number + ": expected " + columns
                            + " tab-separated columns, got " + f.length + ": " + line);
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
