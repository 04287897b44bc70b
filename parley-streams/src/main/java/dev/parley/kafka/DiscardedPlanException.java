package dev.parley.kafka;

/**
 * Thrown by a stateful processor that failed while planning, before it wrote any store or forwarded anything: the
 * record left no trace, so the processing-exception handler may dead-letter it and go on. Any other exception from
 * a stateful processor may come after a partial write and fails the task instead.
 */
public final class DiscardedPlanException extends RuntimeException {

    public DiscardedPlanException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Runs a planning step that reads state and writes none: whatever it throws becomes a DiscardedPlanException,
     * so the record is dead-lettered and the stage goes on. Apply the plan after this returns.
     */
    public static <T> T planned(String what, java.util.function.Supplier<T> planning) {
        try {
            return planning.get();
        } catch (DiscardedPlanException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DiscardedPlanException(what + " failed before it changed anything", e);
        }
    }
}
