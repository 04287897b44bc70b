package dev.parley.views.stream;

import dev.parley.avro.EngagementEvent;
import dev.parley.kafka.DiscardedPlanException;
import dev.parley.views.ActorEvent;
import dev.parley.views.ActorView;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each actor's view ({@code actor|event} in, actor id → {@link ActorView} in the store). */
final class ActorsProcessor implements Processor<String, EngagementEvent, Void, Void> {

    private final Function<String, List<String>> officesOf;
    private KeyValueStore<String, ActorView> actors;

    /** @param officesOf an actor's offices (gazetteer roles); empty when unknown */
    ActorsProcessor(Function<String, List<String>> officesOf) {
        this.officesOf = officesOf;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        actors = context.getStateStore(EngagementViews.actorsStore());
    }

    @Override
    public void process(Record<String, EngagementEvent> record) {
        String actorId = GroupPartitioner.group(record.key());
        String eventId = GroupPartitioner.id(record.key());
        record Plan(ActorView before, ActorView after) {
        }
        Plan plan = DiscardedPlanException.planned("actor view of " + actorId, () -> {
            ActorView view = Optional.ofNullable(actors.get(actorId))
                    .orElseGet(() -> ActorView.empty(actorId, officesOf.apply(actorId)));
            Optional<ActorEvent> part = record.value() == null ? Optional.empty()
                    : ActorEvent.of(record.value(), actorId);
            return new Plan(view, part.map(view::with).orElseGet(() -> view.without(eventId)));
        });
        if (plan.after().isEmpty()) {
            actors.delete(actorId);
        } else if (!plan.after().equals(plan.before())) {
            actors.put(actorId, plan.after());
        }
    }
}
