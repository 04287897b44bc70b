package dev.parley.dedup;

import dev.parley.text.Hashing;

/**
 * MinHash signatures (Broder 1997). Permutation i is the bijective mixer fmix64(h ^ seed_i); seeds come from a
 * fixed SplitMix64 sequence, so signatures are identical on every machine and every run.
 */
public final class MinHash {

    private static final long SEED_BASE = 0x5EED_DED0_0001L;
    private final long[] seeds;

    public MinHash(int permutations) {
        seeds = new long[permutations];
        long x = SEED_BASE;
        for (int i = 0; i < permutations; i++) {
            x += 0x9E3779B97F4A7C15L;
            seeds[i] = Hashing.fmix64(x);
        }
    }

    public long[] signature(long[] shingleSet) {
        long[] sig = new long[seeds.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long h : shingleSet) {
            for (int i = 0; i < seeds.length; i++) {
                long v = Hashing.fmix64(h ^ seeds[i]);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    public static double estimatedJaccard(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
