package dev.parley.extract.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folded keys in a character trie: from one start position, one walk finds every key that begins there, so the
 * whole text is scanned once however many forms there are.
 */
final class CharTrie<V> {

    private final Map<Long, Integer> edges = new HashMap<>();
    private final List<V> values = new ArrayList<>();

    CharTrie() {
        values.add(null); // the root
    }

    /** The value at the key's node, creating it with {@code created} if absent. */
    V computeIfAbsent(String key, java.util.function.Supplier<V> created) {
        int node = 0;
        for (int i = 0; i < key.length(); i++) {
            long edge = edge(node, key.charAt(i));
            Integer next = edges.get(edge);
            if (next == null) {
                next = values.size();
                values.add(null);
                edges.put(edge, next);
            }
            node = next;
        }
        V value = values.get(node);
        if (value == null) {
            value = created.get();
            values.set(node, value);
        }
        return value;
    }

    interface Visitor<V> {
        /** A key ends at {@code end} (exclusive) in the text. */
        void found(int end, V value);
    }

    /** Every key that starts at {@code start} in {@code text}, shortest first. */
    void walk(char[] text, int start, int length, Visitor<V> visitor) {
        int node = 0;
        for (int i = start; i < length; i++) {
            Integer next = edges.get(edge(node, text[i]));
            if (next == null) {
                return;
            }
            node = next;
            V value = values.get(node);
            if (value != null) {
                visitor.found(i + 1, value);
            }
        }
    }

    private static long edge(int node, char c) {
        return ((long) node << 16) | c;
    }
}
