package dev.parley.extract.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Folded keys in a character trie: from one start position, one walk finds every key that begins there, so the
 * whole text is scanned once however many forms there are. Edges live in one open-addressing table of primitive
 * longs (no boxing on the hot path).
 */
final class CharTrie<V> {

    private long[] keys = new long[1 << 12];
    private int[] targets = new int[1 << 12];
    private int edgeCount;
    private final List<V> values = new ArrayList<>();

    CharTrie() {
        java.util.Arrays.fill(keys, -1L);
        values.add(null); // the root
    }

    /** The value at the key's node, creating it with {@code created} if absent. */
    V computeIfAbsent(String key, Supplier<V> created) {
        int node = 0;
        for (int i = 0; i < key.length(); i++) {
            int next = target(node, key.charAt(i));
            if (next < 0) {
                next = values.size();
                values.add(null);
                put(edge(node, key.charAt(i)), next);
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
            node = target(node, text[i]);
            if (node < 0) {
                return;
            }
            V value = values.get(node);
            if (value != null) {
                visitor.found(i + 1, value);
            }
        }
    }

    private int target(int node, char c) {
        long edge = edge(node, c);
        int mask = keys.length - 1;
        for (int slot = slot(edge, mask); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == edge) {
                return targets[slot];
            }
            if (k == -1L) {
                return -1;
            }
        }
    }

    private void put(long edge, int target) {
        if ((edgeCount + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(edge, mask);
        while (keys[slot] != -1L) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = edge;
        targets[slot] = target;
        edgeCount++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldTargets = targets;
        keys = new long[oldKeys.length * 2];
        targets = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, -1L);
        edgeCount = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                put(oldKeys[i], oldTargets[i]);
            }
        }
    }

    private static int slot(long edge, int mask) {
        long h = edge * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    private static long edge(int node, char c) {
        return ((long) node << 16) | c;
    }
}
