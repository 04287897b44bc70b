package dev.parley.ingest;

import java.time.LocalDate;

/**
 * Size limits of ingest.
 *
 * @param maxArticleBytes    largest accepted article body, in UTF-8 bytes (default 1 MiB); larger → TOO_LARGE
 * @param maxDeadLetterBytes how many of the original bytes a dead-letter record keeps (default 256 KiB)
 * @param maxFileBytes       largest input file, feed download or request body read at all (default 64 MiB)
 * @param earliestDate       the earliest plausible publication date (default 1800-01-01)
 */
public record IngestLimits(int maxArticleBytes, int maxDeadLetterBytes, long maxFileBytes, LocalDate earliestDate) {

    public static final int MIB = 1024 * 1024;

    public IngestLimits {
        if (maxArticleBytes <= 0 || maxDeadLetterBytes < 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxArticleBytes + ", "
                    + maxDeadLetterBytes + ", " + maxFileBytes);
        }
    }

    public IngestLimits(int maxArticleBytes, int maxDeadLetterBytes, long maxFileBytes) {
        this(maxArticleBytes, maxDeadLetterBytes, maxFileBytes, PublicationDateFinder.DEFAULT_EARLIEST);
    }

    public static IngestLimits defaults() {
        return new IngestLimits(MIB, 256 * 1024, 64L * MIB);
    }
}
