package dev.parley.views.stream;

import dev.parley.kafka.serde.StateFormat;
import dev.parley.kafka.serde.StateHistoryContract;
import dev.parley.views.ActorEvent;
import dev.parley.views.ActorView;
import dev.parley.views.ArticleStatements;
import dev.parley.views.ClusterMember;
import dev.parley.views.ClusterMembers;
import dev.parley.views.MembershipChange;
import dev.parley.views.ProvenancePart;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;


/** The recorded history of the views stage's store values and repartition payloads. */
class ViewStateHistoryTest extends StateHistoryContract {

    @Override
    protected List<StateFormat<?>> formats() {
        return ViewStateFormats.all();
    }

    @Override
    protected Map<String, Object> samples() {
        ActorEvent meeting = new ActorEvent("evt-3c9d", "2025-01-11", "MEET_VISIT", List.of("MEET_VISIT", "CONSULT_CALL"),
                List.of("MX-US"), "INITIATOR", "Juan Ramón de la Fuente", "PERSON", "MX");
        return Map.of(
                ViewStateFormats.CLUSTER_MEMBER.name(), new ClusterMember("a-77c0", "NEAR_DUPLICATE"),
                ViewStateFormats.CLUSTER_MEMBERS.name(), new ClusterMembers(List.of(new ClusterMember("a-1f2e", "UNIQUE"),
                        new ClusterMember("a-77c0", "NEAR_DUPLICATE"))),
                ViewStateFormats.MEMBERSHIP_CHANGE.name(), new MembershipChange("stmt-0a1b", true),
                ViewStateFormats.ARTICLE_STATEMENTS.name(), new ArticleStatements(List.of("stmt-0a1b", "stmt-9f3c")),
                ViewStateFormats.PENDING_FOLD.name(), new DyadStateProcessors.PendingFold(LocalDate.of(2025, 1, 9),
                        new HashSet<>(List.of(LocalDate.of(2025, 1, 11), LocalDate.of(2025, 2, 3))), 1_736_553_600_000L),
                ViewStateFormats.PROVENANCE_PART.name(), ProvenancePart.cluster("a-1f2e",
                        new ClusterMembers(List.of(new ClusterMember("a-1f2e", "UNIQUE"),
                                new ClusterMember("a-77c0", "NEAR_DUPLICATE")))),
                ViewStateFormats.ACTOR_VIEW.name(), new ActorView("mx-sre-delafuente", "Juan Ramón de la Fuente", "PERSON",
                        "MX", List.of("secretary-of-foreign-affairs"), "2025-01-11", 1, List.of(meeting)));
    }
}
