package dev.parley.views.stream;

import dev.parley.avro.ReprintedStatement;
import dev.parley.avro.StatementReprint;
import dev.parley.kafka.DiscardedPlanException;
import dev.parley.views.MembershipChange;
import dev.parley.views.StatementMembership;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Turns each new version of a statement into membership changes keyed by article id (see StatementMembership). */
final class StatementMembershipProcessor implements Processor<String, ReprintedStatement, String, MembershipChange> {

    private ProcessorContext<String, MembershipChange> context;
    private KeyValueStore<String, List<String>> members;

    @Override
    public void init(ProcessorContext<String, MembershipChange> context) {
        this.context = context;
        this.members = context.getStateStore(DedupViewsTopology.STATEMENT_MEMBERS_STORE);
    }

    @Override
    public void process(Record<String, ReprintedStatement> record) {
        String statementId = record.key();
        if (statementId == null) {
            return;
        }
        record Plan(List<String> after, List<Map.Entry<String, MembershipChange>> changes) {
        }
        Plan plan = DiscardedPlanException.planned("statement membership of " + statementId, () -> {
            List<String> before = members.get(statementId);
            List<String> after = record.value() == null ? List.of()
                    : record.value().getReprints().stream().map(StatementReprint::getArticleId).sorted().toList();
            return new Plan(after, List.copyOf(StatementMembership.diff(statementId,
                    before == null ? List.of() : before, after)));
        });
        if (plan.after().isEmpty()) {
            members.delete(statementId);
        } else {
            members.put(statementId, plan.after());
        }
        for (Map.Entry<String, MembershipChange> change : plan.changes()) {
            context.forward(record.withKey(change.getKey()).withValue(change.getValue()));
        }
    }
}
