package dev.parley.engagement;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Items and their blocking keys; a block is a connected component: PEER keys join their holders, a LEFT key joins
 * its holders to the RIGHT holders of the same name (and not to each other). Finding a block costs its size.
 */
final class KeyGraph {

    private final Map<String, Set<MergeBlocks.Key>> keysOf = new HashMap<>();
    private final Map<String, Map<MergeBlocks.Role, Set<String>>> holders = new HashMap<>();

    void add(String item, Set<MergeBlocks.Key> keys) {
        remove(item);
        keysOf.put(item, keys);
        for (MergeBlocks.Key k : keys) {
            holders.computeIfAbsent(k.name(), n -> new EnumMap<>(MergeBlocks.Role.class))
                    .computeIfAbsent(k.role(), r -> new HashSet<>()).add(item);
        }
    }

    void remove(String item) {
        Set<MergeBlocks.Key> keys = keysOf.remove(item);
        if (keys == null) {
            return;
        }
        for (MergeBlocks.Key k : keys) {
            Map<MergeBlocks.Role, Set<String>> byRole = holders.get(k.name());
            Set<String> of = byRole.get(k.role());
            of.remove(item);
            if (of.isEmpty()) {
                byRole.remove(k.role());
            }
            if (byRole.isEmpty()) {
                holders.remove(k.name());
            }
        }
    }

    boolean contains(String item) {
        return keysOf.containsKey(item);
    }

    Set<String> component(String seed) {
        Set<String> out = new TreeSet<>();
        Set<MergeBlocks.Key> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        out.add(seed);
        todo.add(seed);
        while (!todo.isEmpty()) {
            for (MergeBlocks.Key k : keysOf.get(todo.poll())) {
                if (!seen.add(k)) {
                    continue;
                }
                MergeBlocks.Role other = switch (k.role()) {
                    case PEER -> MergeBlocks.Role.PEER;
                    case LEFT -> MergeBlocks.Role.RIGHT;
                    case RIGHT -> MergeBlocks.Role.LEFT;
                };
                for (String next : holders.get(k.name()).getOrDefault(other, Set.of())) {
                    if (out.add(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        return out;
    }
}
