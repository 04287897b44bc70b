package dev.parley.text;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit hashing written from the published MurmurHash3 x64_128 algorithm (Austin Appleby, public domain); we
 * keep the first 64 bits. Stable across JVMs and releases, unlike String.hashCode-based schemes, so stored
 * signatures and band keys stay valid after an upgrade.
 */
public final class Hashing {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Hashing() {
    }

    public static long hash64(String s) {
        return murmur3x64(s.getBytes(StandardCharsets.UTF_8), 0);
    }

    public static long murmur3x64(byte[] data, long seed) {
        int len = data.length;
        int nblocks = len / 16;
        long h1 = seed;
        long h2 = seed;
        for (int i = 0; i < nblocks; i++) {
            long k1 = getLong(data, i * 16);
            long k2 = getLong(data, i * 16 + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int tail = nblocks * 16;
        switch (len & 15) {
            case 15: k2 ^= ((long) data[tail + 14] & 0xff) << 48;
            case 14: k2 ^= ((long) data[tail + 13] & 0xff) << 40;
            case 13: k2 ^= ((long) data[tail + 12] & 0xff) << 32;
            case 12: k2 ^= ((long) data[tail + 11] & 0xff) << 24;
            case 11: k2 ^= ((long) data[tail + 10] & 0xff) << 16;
            case 10: k2 ^= ((long) data[tail + 9] & 0xff) << 8;
            case 9:
                k2 ^= ((long) data[tail + 8] & 0xff);
                k2 *= C2;
                k2 = Long.rotateLeft(k2, 33);
                k2 *= C1;
                h2 ^= k2;
            case 8: k1 ^= ((long) data[tail + 7] & 0xff) << 56;
            case 7: k1 ^= ((long) data[tail + 6] & 0xff) << 48;
            case 6: k1 ^= ((long) data[tail + 5] & 0xff) << 40;
            case 5: k1 ^= ((long) data[tail + 4] & 0xff) << 32;
            case 4: k1 ^= ((long) data[tail + 3] & 0xff) << 24;
            case 3: k1 ^= ((long) data[tail + 2] & 0xff) << 16;
            case 2: k1 ^= ((long) data[tail + 1] & 0xff) << 8;
            case 1:
                k1 ^= ((long) data[tail] & 0xff);
                k1 *= C1;
                k1 = Long.rotateLeft(k1, 31);
                k1 *= C2;
                h1 ^= k1;
            default:
                break;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    /** Fixed-width lower-case hex, for store keys and ids. */
    public static String hex16(long v) {
        String hex = Long.toHexString(v);
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** MurmurHash3's finaliser: a bijective 64-bit mixer, used to derive MinHash permutations. */
    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long getLong(byte[] b, int i) {
        return ((long) b[i] & 0xff) | ((long) b[i + 1] & 0xff) << 8 | ((long) b[i + 2] & 0xff) << 16
                | ((long) b[i + 3] & 0xff) << 24 | ((long) b[i + 4] & 0xff) << 32 | ((long) b[i + 5] & 0xff) << 40
                | ((long) b[i + 6] & 0xff) << 48 | ((long) b[i + 7] & 0xff) << 56;
    }
}
