package dev.parley.views.stream;

import dev.parley.avro.DyadState;
import dev.parley.avro.EngagementCommitment;
import dev.parley.avro.EngagementEvent;
import dev.parley.avro.ReprintedStatement;
import dev.parley.kafka.ParleyTopics;
import dev.parley.views.FeedTopic;
import dev.parley.views.ViewJson;
import java.util.ArrayList;
import java.util.List;

/** The topics the live feed follows. */
public final class FeedTopics {

    private final List<FeedTopic<?>> topics = new ArrayList<>();

    public static FeedTopics standard() {
        return new FeedTopics()
                .add(new FeedTopic<>("statement", ParleyTopics.STATEMENTS, ReprintedStatement.class, ViewJson::statement))
                .add(new FeedTopic<>("event", ParleyTopics.ENGAGEMENT_EVENTS, EngagementEvent.class, ViewJson::record))
                .add(new FeedTopic<>("commitment", ParleyTopics.ENGAGEMENT_COMMITMENTS, EngagementCommitment.class,
                        ViewJson::record))
                .add(new FeedTopic<>("dyad", ParleyTopics.DYAD_STATE, DyadState.class, ViewJson::record));
    }

    public FeedTopics add(FeedTopic<?> topic) {
        topics.add(topic);
        return this;
    }

    public List<FeedTopic<?>> all() {
        return List.copyOf(topics);
    }
}
