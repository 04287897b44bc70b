package dev.parley.views.stream;

import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateFormat.Upgrades;
import dev.parley.views.ActorView;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMember;
import dev.parley.views.ClusterMembers;
import dev.parley.views.MembershipChange;
import dev.parley.views.ProvenancePart;
import java.util.List;

/** The views stage's stored types (view store values and the repartitions that feed them). */
public final class ViewStateFormats {

    static final StateFormat<ClusterMember> CLUSTER_MEMBER = StateFormat.of("views.cluster-member", ClusterMember.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    static final StateFormat<ClusterMembers> CLUSTER_MEMBERS = StateFormat.of("views.cluster-members", ClusterMembers.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    static final StateFormat<MembershipChange> MEMBERSHIP_CHANGE = StateFormat.of("views.membership-change", MembershipChange.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    static final StateFormat<ArticleStatements> ARTICLE_STATEMENTS = StateFormat.of("views.article-statements", ArticleStatements.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    static final StateFormat<DyadStateProcessors.PendingFold> PENDING_FOLD = StateFormat.of("views.pending-fold", DyadStateProcessors.PendingFold.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    static final StateFormat<ProvenancePart> PROVENANCE_PART = StateFormat.of("views.provenance-part", ProvenancePart.class)
            .upgradeFrom(0, Upgrades::unchanged)
            .build();
    /** Version 0 stored {@code ActorView.isEmpty()} as a property. */
    static final StateFormat<ActorView> ACTOR_VIEW = StateFormat.of("views.actor", ActorView.class)
            .upgradeFrom(0, Upgrades.dropDerived("empty"))
            .build();

    private ViewStateFormats() {
    }

    public static List<StateFormat<?>> all() {
        return List.of(CLUSTER_MEMBER, CLUSTER_MEMBERS, MEMBERSHIP_CHANGE, ARTICLE_STATEMENTS, PENDING_FOLD, ACTOR_VIEW,
                PROVENANCE_PART);
    }
}
