package dev.parley.dedup;

import java.util.BitSet;

/**
 * Where each positional shingle hash of one article occurs, without boxing: an open-addressing table from hash to
 * its first position and its number of occurrences, the further positions chained in ascending order through one
 * int array. Built once per article side of an alignment; read by {@link PassageAligner}.
 */
final class ShinglePositions {

    static final int ABSENT = -1;

    private final long[] keys;
    /** Per slot its first position + 1, 0 for an empty slot (so a new table needs no filling). */
    private final int[] first;
    private final int[] counts;
    private final int[] next;
    private final int mask;

    /** The positions of {@code hashes}, leaving out those set in {@code masked}. */
    ShinglePositions(long[] hashes, BitSet masked) {
        int capacity = Integer.highestOneBit(Math.max(1, hashes.length) * 2) * 2; // load factor at most 1/2
        keys = new long[capacity];
        first = new int[capacity];
        counts = new int[capacity];
        next = new int[hashes.length];
        mask = capacity - 1;
        for (int j = hashes.length - 1; j >= 0; j--) { // backwards, so that each chain runs forwards
            if (masked.get(j)) {
                continue;
            }
            int slot = slotFor(hashes[j]);
            next[j] = first[slot] - 1;
            if (first[slot] == 0) {
                keys[slot] = hashes[j];
            }
            first[slot] = j + 1;
            counts[slot]++;
        }
    }

    /** The slot holding {@code hash}, or {@link #ABSENT}. */
    int find(long hash) {
        int slot = slotFor(hash);
        return first[slot] == 0 ? ABSENT : slot;
    }

    /** Occurrences of the slot's hash. */
    int count(int slot) {
        return counts[slot];
    }

    /** The slot's first (lowest) position. */
    int firstPosition(int slot) {
        return first[slot] - 1;
    }

    /** The next position with the same hash after {@code position}, or {@link #ABSENT}. */
    int nextPosition(int position) {
        return next[position];
    }

    /** Occurrences of {@code hash} (0 when absent). */
    int count(long hash) {
        int slot = find(hash);
        return slot == ABSENT ? 0 : counts[slot];
    }

    /** The slot of {@code hash}, or the empty slot where it would go. */
    private int slotFor(long hash) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed ^ (mixed >>> 32)) & mask;
        while (first[slot] != 0 && keys[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
