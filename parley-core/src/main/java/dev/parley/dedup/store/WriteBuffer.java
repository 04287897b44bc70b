package dev.parley.dedup.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Stages writes instead of making them: a staged store answers reads with what the computation has written so far
 * (so code that reads its own writes behaves exactly as on the real store) and records every write, and
 * {@link #writes()} is the finished plan. Until that plan is applied the real stores are untouched, so a
 * computation that throws half-way leaves no trace.
 *
 * <p>One buffer per unit of work (one record, one expiry); it is not thread-safe.
 */
public final class WriteBuffer {

    private final Map<KeyValueStore<String, ?>, Staged<?>> staged = new IdentityHashMap<>();
    private final List<Staged<?>> order = new ArrayList<>();

    /** The store seen through this buffer; staging the same store twice gives the same view. */
    @SuppressWarnings("unchecked")
    public <V> KeyValueStore<String, V> stage(KeyValueStore<String, V> target) {
        Objects.requireNonNull(target);
        Staged<V> view = (Staged<V>) staged.get(target);
        if (view == null) {
            view = new Staged<>(target);
            staged.put(target, view);
            order.add(view);
        }
        return view;
    }

    /** All eight dedup stores seen through this buffer. */
    public DedupStores stage(DedupStores base) {
        return new StagedDedupStores(stage(base.articles()), stage(base.postings()), stage(base.decisions()),
                stage(base.passages()), stage(base.statements()), stage(base.statementsByArticle()),
                stage(base.phraseArticles()), stage(base.expiryIndex()));
    }

    /** What has been written so far, as an immutable value. */
    public StoreWrites writes() {
        List<StoreWrite<?>> all = new ArrayList<>();
        for (Staged<?> view : order) {
            view.collect(all);
        }
        return new StoreWrites(all);
    }

    private record StagedDedupStores(KeyValueStore<String, StoredArticle> articles,
                                     KeyValueStore<String, List<Posting>> postings,
                                     KeyValueStore<String, dev.parley.dedup.ArticleDecision> decisions,
                                     KeyValueStore<String, List<dev.parley.dedup.PassageMatch>> passages,
                                     KeyValueStore<String, dev.parley.dedup.Statement> statements,
                                     KeyValueStore<String, List<String>> statementsByArticle,
                                     KeyValueStore<String, Integer> phraseArticles,
                                     KeyValueStore<String, List<String>> expiryIndex) implements DedupStores {
    }

    private static final class Staged<V> implements KeyValueStore<String, V> {
        private static final Object DELETED = new Object();

        private final KeyValueStore<String, V> target;
        /** key -> pending value, or DELETED. */
        private final Map<String, Object> pending = new LinkedHashMap<>();

        Staged(KeyValueStore<String, V> target) {
            this.target = target;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Optional<V> get(String key) {
            Object p = pending.get(key);
            if (p == null) {
                return target.get(key);
            }
            return p == DELETED ? Optional.empty() : Optional.of((V) p);
        }

        @Override
        public void put(String key, V value) {
            pending.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        }

        @Override
        public void delete(String key) {
            pending.put(Objects.requireNonNull(key), DELETED);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void forEach(BiConsumer<String, V> action) {
            // A snapshot of the pending writes, so the action may write through this view while it iterates.
            Map<String, Object> seen = new LinkedHashMap<>(pending);
            target.forEach((k, v) -> {
                if (!seen.containsKey(k)) {
                    action.accept(k, v);
                }
            });
            seen.forEach((k, p) -> {
                if (p != DELETED) {
                    action.accept(k, (V) p);
                }
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public void range(String from, String to, BiConsumer<String, V> action) {
            java.util.TreeMap<String, Object> merged = new java.util.TreeMap<>();
            target.range(from, to, merged::put);
            pending.forEach((k, p) -> {
                if (k.compareTo(from) >= 0 && k.compareTo(to) < 0) {
                    merged.put(k, p);
                }
            });
            merged.forEach((k, p) -> {
                if (p != DELETED) {
                    action.accept(k, (V) p);
                }
            });
        }

        @SuppressWarnings("unchecked")
        void collect(List<StoreWrite<?>> into) {
            pending.forEach((k, p) -> into.add(new StoreWrite<>(target, k, p == DELETED ? null : (V) p)));
        }
    }
}
