package dev.parley.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): in every window of w consecutive k-gram hashes keep the minimum
 * (rightmost on ties). Guarantee: two texts sharing a run of at least w + k - 1 words share a fingerprint; a
 * fraction of about 2 / (w + 1) of the k-grams is kept.
 */
public final class Winnowing {

    public record Fingerprint(long hash, int position) {
    }

    private Winnowing() {
    }

    public static List<Fingerprint> fingerprints(long[] kgramHashes, int window) {
        List<Fingerprint> out = new ArrayList<>();
        if (kgramHashes.length == 0) {
            return out;
        }
        if (kgramHashes.length <= window) {
            out.add(new Fingerprint(kgramHashes[minIndex(kgramHashes, 0, kgramHashes.length)],
                    minIndex(kgramHashes, 0, kgramHashes.length)));
            return out;
        }
        int last = -1;
        for (int start = 0; start + window <= kgramHashes.length; start++) {
            int m = minIndex(kgramHashes, start, start + window);
            if (m != last) {
                out.add(new Fingerprint(kgramHashes[m], m));
                last = m;
            }
        }
        return out;
    }

    private static int minIndex(long[] h, int from, int to) {
        int m = from;
        for (int i = from + 1; i < to; i++) {
            if (h[i] <= h[m]) {
                m = i;
            }
        }
        return m;
    }
}
