package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.text.Shingles;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void estimateTracksExactJaccard() {
        Random random = new Random(3);
        MinHash minHash = new MinHash(128);
        double worst = 0;
        for (int rep = 0; rep < 200; rep++) {
            long[] base = random.longs(300).toArray();
            long[] other = base.clone();
            int changed = random.nextInt(300);
            for (int i = 0; i < changed; i++) {
                other[i] = random.nextLong();
            }
            long[] a = Shingles.set(base);
            long[] b = Shingles.set(other);
            double exact = Shingles.jaccard(a, b);
            double estimate = MinHash.estimatedJaccard(minHash.signature(a), minHash.signature(b));
            worst = Math.max(worst, Math.abs(exact - estimate));
        }
        // Standard error at 128 permutations is at most 0.044; 200 trials stay within ~4 sigma.
        assertThat(worst).isLessThan(0.18);
    }

    @Test
    void signaturesAreDeterministic() {
        long[] set = Shingles.set(new Random(1).longs(50).toArray());
        assertThat(new MinHash(128).signature(set)).isEqualTo(new MinHash(128).signature(set));
    }

    @Test
    void sCurvePassesPairsAboveTheThresholdAndFewFarBelow() {
        DedupConfig c = DedupConfig.defaults();
        assertThat(c.candidateProbability(c.jaccardThreshold())).isGreaterThan(0.999);
        assertThat(c.candidateProbability(0.14)).isLessThan(0.02);
    }
}
