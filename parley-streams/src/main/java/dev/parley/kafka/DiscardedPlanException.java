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
}
