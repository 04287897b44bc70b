package dev.parley.ops;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a replay: how much of the archive (in bytes, known up front from the file sizes) has been read, how
 * many articles were accepted and rejected, the rate and the time left. Renders a one-line bar for a terminal or a
 * plain line for logs. Not thread-safe: one replay thread updates it.
 */
public final class ReplayProgress {

    private static final int BAR_WIDTH = 30;

    private final long totalBytes;
    private final long startNanos;
    private long doneBytes;
    private long accepted;
    private long rejected;

    public ReplayProgress(long totalBytes, long startNanos) {
        this.totalBytes = Math.max(0, totalBytes);
        this.startNanos = startNanos;
    }

    public void accepted() {
        accepted++;
    }

    public void rejected() {
        rejected++;
    }

    public void fileDone(long bytes) {
        doneBytes = Math.min(totalBytes, doneBytes + Math.max(0, bytes));
    }

    public long acceptedCount() {
        return accepted;
    }

    public long rejectedCount() {
        return rejected;
    }

    public double fraction() {
        return totalBytes == 0 ? 1.0 : (double) doneBytes / totalBytes;
    }

    /** Items (accepted + rejected) per second since the start. */
    public double rate(long nowNanos) {
        double seconds = (nowNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : (accepted + rejected) / seconds;
    }

    /** Time left, extrapolated from the share of bytes read so far; null while nothing has been read. */
    public Duration eta(long nowNanos) {
        double f = fraction();
        if (f <= 0) {
            return null;
        }
        long elapsed = nowNanos - startNanos;
        return Duration.ofNanos((long) (elapsed * (1 - f) / f));
    }

    /** {@code [#######.......]  42%  8,400 articles  12 rejected  1,234/s  ETA 0:12} */
    public String bar(long nowNanos) {
        int filled = (int) Math.round(fraction() * BAR_WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + counts(nowNanos);
    }

    /** {@code replay: 42% 8400 accepted, 12 rejected, 1234 articles/s, ETA 0:12} */
    public String line(long nowNanos) {
        return "replay: " + counts(nowNanos);
    }

    private String counts(long nowNanos) {
        Duration eta = eta(nowNanos);
        return String.format(Locale.ROOT, "%3d%% %,d accepted, %,d rejected, %,.0f articles/s, ETA %s",
                (int) Math.floor(fraction() * 100), accepted, rejected, rate(nowNanos), eta == null ? "?" : clock(eta));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
