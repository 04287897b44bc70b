package dev.parley.ingest;

import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds dead-letter records, the same shape whichever stage rejects: ingest (files, HTTP, feeds) or a stream stage
 * (poison records). The id depends on stage, origin and the original bytes, so rejecting the same thing twice gives
 * the same id.
 */
public final class Rejections {

    /** How many of the original bytes a dead letter keeps unless configured otherwise. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private Rejections() {
    }

    public static RejectedInput of(String stage, String origin, RejectReason reason, String message,
                                   byte[] originalOrNull, int maxBytes, Instant at) {
        return of(stage, origin, reason, message,
                originalOrNull == null ? OriginalInput.UNKNOWN : OriginalInput.of(originalOrNull, maxBytes), at);
    }

    static RejectedInput of(String stage, String origin, RejectReason reason, String message, OriginalInput original,
                            Instant at) {
        byte[] idInput = (stage + "\n" + origin + "\n" + (original.sha256() == null ? "" : original.sha256()))
                .getBytes(StandardCharsets.UTF_8);
        return RejectedInput.newBuilder()
                .setId(Hashes.id128(idInput))
                .setStage(stage)
                .setReason(reason)
                .setMessage(oneLine(message))
                .setOrigin(origin)
                .setOriginalBytes(original.head() == null ? null : ByteBuffer.wrap(original.head()))
                .setOriginalSize(original.size())
                .setOriginalSha256(original.sha256())
                .setTruncated(original.truncated())
                .setRejectedAt(at)
                .build();
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() > 1000 ? line.substring(0, 1000) + "…" : line;
    }
}
