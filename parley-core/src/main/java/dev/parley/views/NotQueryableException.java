package dev.parley.views;

/** The store (or the asked partition of it) cannot be read here now: restoring, rebalancing, or not active here. */
public final class NotQueryableException extends Exception {

    public NotQueryableException(String message) {
        super(message);
    }
}
