package dev.parley.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way tests wait: poll a probe until its answer satisfies a condition, or fail after a timeout with what
 * was awaited and the last answer (or exception) seen. A probe that throws counts as "not yet" (a server still
 * starting, a store still restoring), so the last exception is the failure's cause. Probes that block themselves
 * (a consumer's {@code poll(200 ms)}) can use {@link Duration#ZERO} as the pause.
 */
public final class Await {

    public static final Duration DEFAULT_PAUSE = Duration.ofMillis(100);

    private Await() {
    }

    /** Polls {@code probe} every {@link #DEFAULT_PAUSE} until {@code done} holds for its answer; returns that answer. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        return until(what, timeout, DEFAULT_PAUSE, probe, done);
    }

    /** Waits until {@code condition} is true. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, DEFAULT_PAUSE, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code condition} is true, pausing {@code pause} between tries. */
    public static void until(String what, Duration timeout, Duration pause, Callable<Boolean> condition) {
        until(what, timeout, pause, condition, Boolean.TRUE::equals);
    }

    public static <T> T until(String what, Duration timeout, Duration pause, Callable<T> probe,
                              Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while awaiting " + what, e);
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String seen = lastError != null ? "last error: " + lastError : "last seen: " + last;
                throw new AssertionError("Timed out after " + timeout + " awaiting " + what + " (" + seen + ")",
                        lastError);
            }
            sleep(pause, what);
        }
    }

    private static void sleep(Duration pause, String what) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while awaiting " + what, e);
        }
    }
}
