package dev.parley.kafka;

import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/** Builds {@link RejectedInput} records: the same shape whichever stage rejects. */
public final class DeadLetters {

    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private DeadLetters() {
    }

    public static RejectedInput rejected(String stage, RejectReason reason, String message, String origin,
                                         byte[] original, int maxBytes, Instant at) {
        RejectedInput.Builder builder = RejectedInput.newBuilder()
                .setStage(stage)
                .setReason(reason)
                .setMessage(oneLine(message))
                .setOrigin(origin)
                .setRejectedAt(at);
        String idSource = stage + "\n" + origin + "\n";
        if (original == null) {
            builder.setOriginalBytes(null).setOriginalSize(-1).setOriginalSha256(null).setTruncated(false);
            builder.setId(shortSha256(idSource.getBytes(StandardCharsets.UTF_8)));
        } else {
            boolean truncated = original.length > maxBytes;
            byte[] kept = truncated ? Arrays.copyOf(original, maxBytes) : original;
            String sha = sha256Hex(original);
            builder.setOriginalBytes(ByteBuffer.wrap(kept)).setOriginalSize(original.length)
                    .setOriginalSha256(sha).setTruncated(truncated);
            builder.setId(shortSha256((idSource + sha).getBytes(StandardCharsets.UTF_8)));
        }
        return builder.build();
    }

    static String oneLine(String message) {
        String m = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return m.length() > 1000 ? m.substring(0, 1000) + "…" : m;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortSha256(byte[] bytes) {
        return sha256Hex(bytes).substring(0, 32);
    }
}
