package dev.parley.views;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The inverse index of statements: which statements each article carries. A statement record replaces the
 * previous version of itself (or deletes it), so the index is maintained from the difference between the
 * statement's old and new reprint sets; a re-sent identical statement changes nothing.
 */
public final class StatementMembership {

    private StatementMembership() {
    }

    /** Changes keyed by article id, removals first, each side in article id order (deterministic output). */
    public static List<Map.Entry<String, MembershipChange>> diff(String statementId, Collection<String> before,
                                                                 Collection<String> after) {
        SortedSet<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        SortedSet<String> added = new TreeSet<>(after);
        added.removeAll(before);
        List<Map.Entry<String, MembershipChange>> changes = new ArrayList<>();
        removed.forEach(a -> changes.add(Map.entry(a, new MembershipChange(statementId, false))));
        added.forEach(a -> changes.add(Map.entry(a, new MembershipChange(statementId, true))));
        return changes;
    }
}
