package dev.parley.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread of repeated measurements, and percentiles of latency samples. */
public record Stats(int n, double median, double min, double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, median, sorted.get(0), sorted.get(n - 1));
    }

    /** Nearest-rank percentile (p in (0, 100]) of unsorted samples. */
    public static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public String describe(String unit) {
        return describe(unit, 1);
    }

    public String describe(String unit, int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "median " + f + " %s (min " + f + ", max " + f + ", n=%d)", median, unit, min,
                max, n);
    }
}
