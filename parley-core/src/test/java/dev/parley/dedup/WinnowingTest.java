package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WinnowingTest {

    @Test
    void everySharedRunOfWindowPlusKMinusOneWordsSharesAFingerprint() {
        Random random = new Random(42);
        int k = 5;
        int w = 4;
        for (int rep = 0; rep < 500; rep++) {
            // Shingle hashes of two texts sharing one run of w + k - 1 words = w shingles, at random places.
            long[] shared = random.longs(w).toArray();
            long[] a = random.longs(20 + random.nextInt(80)).toArray();
            long[] b = random.longs(20 + random.nextInt(80)).toArray();
            int pa = random.nextInt(a.length - w);
            int pb = random.nextInt(b.length - w);
            System.arraycopy(shared, 0, a, pa, w);
            System.arraycopy(shared, 0, b, pb, w);
            Set<Long> fa = hashes(Winnowing.fingerprints(a, w));
            Set<Long> fb = hashes(Winnowing.fingerprints(b, w));
            fa.retainAll(fb);
            assertThat(fa).as("repetition %d", rep).isNotEmpty();
        }
    }

    @Test
    void keepsAboutTwoOverWindowPlusOneOfTheShingles() {
        long[] h = new Random(7).longs(100_000).toArray();
        double density = (double) Winnowing.fingerprints(h, 4).size() / h.length;
        assertThat(density).isBetween(0.35, 0.45); // 2 / (w + 1) = 0.4
    }

    private static Set<Long> hashes(List<Winnowing.Fingerprint> fps) {
        Set<Long> s = new HashSet<>();
        fps.forEach(f -> s.add(f.hash()));
        return s;
    }
}
