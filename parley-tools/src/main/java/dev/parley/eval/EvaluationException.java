package dev.parley.eval;

/** A problem with the evaluation's inputs (gold file, sources) that the user can fix: printed without a trace. */
public final class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }
}
