package dev.parley.views.stream;

import dev.parley.kafka.DiscardedPlanException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Files each version of a record (keyed by its id) under every group it belongs to, as {@code group|id}: the new
 * value for the groups it is in, null (a removal) for the groups it has left since its previous version. One
 * event can belong to several dyads and several actors; a tombstone or a change of dyads must reach the groups it
 * leaves. The groups of each id's previous version are kept in a store.
 */
final class FanOutProcessor<V> implements Processor<String, V, String, V> {

    private final String storeName;
    private final Function<V, Collection<String>> groupsOf;
    private KeyValueStore<String, List<String>> previousGroups;
    private ProcessorContext<String, V> context;

    FanOutProcessor(String storeName, Function<V, Collection<String>> groupsOf) {
        this.storeName = storeName;
        this.groupsOf = groupsOf;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.previousGroups = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        record Plan(Set<String> now, Set<String> touched) {
        }
        Plan plan = DiscardedPlanException.planned("fan-out of " + record.key(), () -> {
            List<String> before = previousGroups.get(record.key());
            Set<String> now = record.value() == null ? Set.of() : new TreeSet<>(groupsOf.apply(record.value()));
            Set<String> touched = new TreeSet<>(now);
            if (before != null) {
                touched.addAll(before);
            }
            return new Plan(now, touched);
        });
        if (plan.now().isEmpty()) {
            previousGroups.delete(record.key());
        } else {
            previousGroups.put(record.key(), List.copyOf(plan.now()));
        }
        for (String group : plan.touched()) {
            context.forward(record.withKey(GroupPartitioner.key(group, record.key()))
                    .withValue(plan.now().contains(group) ? record.value() : null));
        }
    }
}
