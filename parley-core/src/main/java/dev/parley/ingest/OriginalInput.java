package dev.parley.ingest;

import java.util.Arrays;

/** The original bytes of an input as a dead-letter record keeps them: a head, the full size and SHA-256. */
record OriginalInput(byte[] head, long size, String sha256, boolean truncated) {

    static final OriginalInput UNKNOWN = new OriginalInput(null, -1, null, false);

    static OriginalInput of(byte[] bytes, int maxBytes) {
        boolean truncated = bytes.length > maxBytes;
        byte[] head = truncated ? Arrays.copyOf(bytes, maxBytes) : bytes;
        return new OriginalInput(head, bytes.length, Hashes.sha256Hex(bytes), truncated);
    }
}
