package dev.parley.views;

import dev.parley.avro.ReprintedStatement;
import java.util.ArrayList;
import java.util.List;

/** The topics the live feed follows. */
public final class FeedTopics {

    private final List<FeedTopic<?>> topics = new ArrayList<>();

    public static FeedTopics standard() {
        return new FeedTopics()
                .add(new FeedTopic<>("statement", "parley.statements", ReprintedStatement.class, ViewJson::statement));
    }

    public FeedTopics add(FeedTopic<?> topic) {
        topics.add(topic);
        return this;
    }

    public List<FeedTopic<?>> all() {
        return List.copyOf(topics);
    }
}
