package dev.parley.dedup.eval;

import dev.parley.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in dating for evaluation input that has not been through ingest: a "date" metadata line, else the first
 * full date written in the text ("15 de enero de 2026", "January 16, 2026"), else 1970-01-01.
 */
final class EvalDates {

    private static final Pattern ISO_LINE = Pattern.compile("(?m)\\bdate:?\\s*(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) de (\\p{L}+) de (\\d{4})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(\\p{L}+) (\\d{1,2}), (\\d{4})");
    private static final Map<String, Integer> MONTHS = loadMonths();

    private EvalDates() {
    }

    static long guessMillis(String text) {
        Matcher iso = ISO_LINE.matcher(text);
        if (iso.find()) {
            return millis(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        }
        Long best = null;
        int bestAt = Integer.MAX_VALUE;
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        if (dmy.find() && MONTHS.containsKey(fold(dmy.group(2)))) {
            best = millis(Integer.parseInt(dmy.group(3)), MONTHS.get(fold(dmy.group(2))),
                    Integer.parseInt(dmy.group(1)));
            bestAt = dmy.start();
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        while (mdy.find() && mdy.start() < bestAt) {
            if (MONTHS.containsKey(fold(mdy.group(1)))) {
                best = millis(Integer.parseInt(mdy.group(3)), MONTHS.get(fold(mdy.group(1))),
                        Integer.parseInt(mdy.group(2)));
                break;
            }
        }
        return best == null ? 0L : best;
    }

    private static String fold(String w) {
        return String.join("", Tokenizer.words(w));
    }

    private static long millis(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static Map<String, Integer> loadMonths() {
        Map<String, Integer> months = new HashMap<>();
        try (InputStream in = EvalDates.class.getResourceAsStream("/text/month-names.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.strip().split("=");
                    months.put(kv[0], Integer.parseInt(kv[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return months;
    }
}
