package dev.parley.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every article of one dedup cluster, in article id order. */
public record ClusterMembers(List<ClusterMember> members) {

    public ClusterMembers {
        members = List.copyOf(members);
    }

    public static ClusterMembers empty() {
        return new ClusterMembers(List.of());
    }

    /** Adds or replaces the member with this article id. */
    public ClusterMembers with(ClusterMember member) {
        List<ClusterMember> next = new ArrayList<>(without(member).members);
        next.add(member);
        next.sort(Comparator.comparing(ClusterMember::articleId));
        return new ClusterMembers(next);
    }

    public ClusterMembers without(ClusterMember member) {
        return new ClusterMembers(members.stream().filter(m -> !m.articleId().equals(member.articleId())).toList());
    }
}
