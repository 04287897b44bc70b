package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;

/** What a view query yields: the value (or list), nothing under that key, or "not answerable now, retry". */
public sealed interface ViewAnswer {

    record Found(JsonNode value) implements ViewAnswer {
    }

    record Missing() implements ViewAnswer {
    }

    /** Rebalancing, store restoring, owner unreachable: the client should retry; never a guess. */
    record Unavailable(String reason) implements ViewAnswer {
    }
}
