package dev.parley.views;

/**
 * One change on the live feed.
 *
 * @param type  the view ({@code statement}, …)
 * @param op    {@code upsert}, or {@code delete} for a tombstone
 * @param key   the record key (statement id, …)
 * @param data  the value as the API shows it; null on delete
 * @param id    {@code topic/partition/offset}: unique, usable as the SSE event id
 * @param at    the record's event time, ISO-8601
 */
public record FeedEvent(String type, String op, String key, Object data, String id, String at) {
}
