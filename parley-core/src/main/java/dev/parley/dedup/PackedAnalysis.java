package dev.parley.dedup;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.BitSet;

/**
 * What the comparisons need of an article, in a compact byte form stored with it (the index's
 * {@code StoredArticle.analysis}), so that reading a partner back needs no re-tokenising and no re-hashing.
 *
 * <p>Layout (version {@value #VERSION}): version byte; k (shingle words); text length; word count; per word the
 * gap from the previous word's end and its length (varints); the substantive-word bits; the positional shingle
 * hashes (8 bytes each, by position); the exact-text key's two hashes. Word offsets cost ~2 bytes, a shingle 8.
 * Bytes of another version, another k or another text length are not used: {@link #unpack} answers null and the
 * article is analysed from its text, as a build before this format did (so an older index needs no rebuild).
 */
public final class PackedAnalysis {

    static final int VERSION = 1;

    private PackedAnalysis() {
    }

    public static byte[] pack(AnalyzedArticle a, int shingleWords) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + a.words().size() * 3
                + a.positionalShingles().length * 8);
        out.write(VERSION);
        varint(out, shingleWords);
        varint(out, a.text().length());
        WordSpans w = a.words();
        varint(out, w.size());
        int previousEnd = 0;
        for (int i = 0; i < w.size(); i++) {
            varint(out, zigzag(w.start(i) - previousEnd));
            varint(out, w.end(i) - w.start(i));
            previousEnd = w.end(i);
        }
        byte[] bits = w.substantiveWords().toByteArray();
        varint(out, bits.length);
        out.write(bits, 0, bits.length);
        long[] positional = a.positionalShingles();
        varint(out, positional.length);
        ByteBuffer longs = ByteBuffer.allocate(positional.length * 8 + 16);
        for (long h : positional) {
            longs.putLong(h);
        }
        String key = a.exactKey().substring(2);
        longs.putLong(Long.parseUnsignedLong(key.substring(0, 16), 16));
        longs.putLong(Long.parseUnsignedLong(key.substring(16), 16));
        out.write(longs.array(), 0, longs.position());
        return out.toByteArray();
    }

    /** The article as {@link AnalyzedArticle#of} would analyse it, or null when the bytes do not fit it. */
    public static AnalyzedArticle unpack(byte[] packed, String id, long publishedAtMillis, String text,
                                         int shingleWords) {
        if (packed == null || packed.length == 0) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(packed);
        if (in.get() != VERSION || varint(in) != shingleWords || varint(in) != text.length()) {
            return null;
        }
        int n = varint(in);
        int[] starts = new int[n];
        int[] ends = new int[n];
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            starts[i] = previousEnd + unzigzag(varint(in));
            ends[i] = starts[i] + varint(in);
            previousEnd = ends[i];
        }
        byte[] bits = new byte[varint(in)];
        in.get(bits);
        long[] positional = new long[varint(in)];
        for (int i = 0; i < positional.length; i++) {
            positional[i] = in.getLong();
        }
        String exactKey = "x:" + dev.parley.text.Hashing.hex16(in.getLong())
                + dev.parley.text.Hashing.hex16(in.getLong());
        return new AnalyzedArticle(id, publishedAtMillis, text, new WordSpans(starts, ends, BitSet.valueOf(bits)),
                positional, exactKey);
    }

    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    private static int unzigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int varint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
