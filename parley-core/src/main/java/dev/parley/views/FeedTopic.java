package dev.parley.views;

import java.util.function.Function;

/**
 * A topic whose every record becomes a live-feed event of one type. A new view registers its topic with one
 * {@link FeedTopics#add} line.
 *
 * @param type       the SSE event name ({@code statement}, later {@code event}, {@code commitment}, {@code dyad})
 * @param valueClass the Avro class of the topic's values
 * @param toJson     the value as the API shows it
 */
public record FeedTopic<V>(String type, String topic, Class<V> valueClass, Function<V, Object> toJson) {
}
