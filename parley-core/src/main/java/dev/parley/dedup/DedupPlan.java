package dev.parley.dedup;

import dev.parley.dedup.store.StoreWrites;

/**
 * What one arrival will change, computed without changing anything: the store writes and what to publish. The
 * caller applies {@link #writes()} (then publishes {@link #result()}) only once the plan is complete.
 */
public record DedupPlan(DedupResult result, StoreWrites writes) {
}
