package dev.parley.dedup.store;

import dev.parley.dedup.ArticleDecision;
import dev.parley.dedup.PassageMatch;
import dev.parley.dedup.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reference implementation for tests, the evaluation and the JMH kernels. Point reads and writes go to hash maps
 * (a sorted map of a million string keys made the kernels measure its comparisons rather than the engine);
 * iteration, ranges and snapshots are in key order, as RocksDB's are; the time index, which is read by range, is
 * a sorted map.
 */
public final class InMemoryDedupStores implements DedupStores {

    private final MapStore<StoredArticle> articles = new MapStore<>();
    private final MapStore<List<Posting>> postings = new MapStore<>();
    private final MapStore<ArticleDecision> decisions = new MapStore<>();
    private final MapStore<List<PassageMatch>> passages = new MapStore<>();
    private final MapStore<Statement> statements = new MapStore<>();
    private final MapStore<List<String>> statementsByArticle = new MapStore<>();
    private final MapStore<Integer> phraseArticles = new MapStore<>();
    private final MapStore<List<String>> expiryIndex = new MapStore<>(true);

    @Override
    public MapStore<StoredArticle> articles() {
        return articles;
    }

    @Override
    public MapStore<List<Posting>> postings() {
        return postings;
    }

    @Override
    public MapStore<ArticleDecision> decisions() {
        return decisions;
    }

    @Override
    public MapStore<List<PassageMatch>> passages() {
        return passages;
    }

    @Override
    public MapStore<Statement> statements() {
        return statements;
    }

    @Override
    public MapStore<List<String>> statementsByArticle() {
        return statementsByArticle;
    }

    @Override
    public MapStore<Integer> phraseArticles() {
        return phraseArticles;
    }

    @Override
    public MapStore<List<String>> expiryIndex() {
        return expiryIndex;
    }

    public static final class MapStore<V> implements KeyValueStore<String, V> {
        private final Map<String, V> map;

        public MapStore() {
            this(false);
        }

        /** @param sortedByKey keep the keys sorted (a store read by range), else hashed */
        public MapStore(boolean sortedByKey) {
            this.map = sortedByKey ? new TreeMap<>() : new HashMap<>();
        }

        @Override
        public Optional<V> get(String key) {
            return Optional.ofNullable(map.get(key));
        }

        @Override
        public void put(String key, V value) {
            map.put(key, value);
        }

        @Override
        public void delete(String key) {
            map.remove(key);
        }

        @Override
        public void forEach(BiConsumer<String, V> action) {
            new TreeMap<>(map).forEach(action);
        }

        @Override
        public void range(String from, String to, BiConsumer<String, V> action) {
            TreeMap<String, V> inRange = new TreeMap<>();
            if (map instanceof TreeMap<String, V> sorted) {
                inRange.putAll(sorted.subMap(from, true, to, false));
            } else {
                map.forEach((k, v) -> {
                    if (k.compareTo(from) >= 0 && k.compareTo(to) < 0) {
                        inRange.put(k, v);
                    }
                });
            }
            inRange.forEach(action);
        }

        public Map<String, V> snapshot() {
            return new TreeMap<>(map);
        }

        public int size() {
            return map.size();
        }
    }
}
