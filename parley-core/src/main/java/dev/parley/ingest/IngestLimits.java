package dev.parley.ingest;

/**
 * Size limits of ingest.
 *
 * @param maxArticleBytes    largest accepted article body, in UTF-8 bytes (default 1 MiB); larger → TOO_LARGE
 * @param maxDeadLetterBytes how many of the original bytes a dead-letter record keeps (default 256 KiB)
 * @param maxFileBytes       largest input file, feed download or request body read at all (default 64 MiB)
 */
public record IngestLimits(int maxArticleBytes, int maxDeadLetterBytes, long maxFileBytes) {

    public static final int MIB = 1024 * 1024;

    public IngestLimits {
        if (maxArticleBytes <= 0 || maxDeadLetterBytes < 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxArticleBytes + ", "
                    + maxDeadLetterBytes + ", " + maxFileBytes);
        }
    }

    public static IngestLimits defaults() {
        return new IngestLimits(MIB, 256 * 1024, 64L * MIB);
    }
}
