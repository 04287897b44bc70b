package dev.parley.dedup;

import dev.parley.text.Hashing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * LSH banding over MinHash signatures: the signature is cut into b bands of r rows; two articles are candidates
 * when some band is identical. Band keys are strings ("b07:1f3a...") so a key-value store can hold the buckets.
 */
public final class LshBanding {

    private LshBanding() {
    }

    private static String key(int band, long hash) {
        return (band < 10 ? "b0" : "b") + band + ":" + Hashing.hex16(hash);
    }

    public static List<String> bandKeys(long[] signature, int bands, int rows) {
        List<String> keys = new ArrayList<>(bands);
        ByteBuffer buf = ByteBuffer.allocate(rows * Long.BYTES + Integer.BYTES);
        for (int b = 0; b < bands; b++) {
            buf.clear();
            buf.putInt(b);
            for (int r = 0; r < rows; r++) {
                buf.putLong(signature[b * rows + r]);
            }
            long h = Hashing.murmur3x64(buf.array(), 0);
            keys.add(key(b, h));
        }
        return keys;
    }
}
