package dev.parley.views;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans feed events out to the subscribers of this instance (SSE clients). Each instance follows the feed topics
 * itself, so a client connected to any instance sees every change. A subscriber that throws is dropped.
 *
 * <p>Every event gets a resume id {@code <epoch>-<sequence>} (the SSE {@code id:}) and the last {@code capacity}
 * events are kept, so a client that reconnects with {@code Last-Event-ID} gets exactly what it missed. The epoch
 * is random per hub: an id from another instance or from before a restart, or one older than the buffer, cannot
 * be resumed from, and the client is told to reload ({@link Resume.Reset}) rather than silently miss changes.
 */
public final class FeedHub {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    public static final int DEFAULT_CAPACITY = 4096;

    /** A published event with its resume id. */
    public record Sent(String resumeId, FeedEvent event) {
    }

    /** What a (re)connecting client is owed before live events. */
    public sealed interface Resume {
        /** Nothing asked, or the missed events (possibly none). */
        record Replay(List<Sent> missed) implements Resume {
        }

        /** The id cannot be resumed from: reload everything. */
        record Reset(String reason) implements Resume {
        }
    }

    public record Subscription(Set<String> types, Consumer<Sent> sink) {
        boolean wants(FeedEvent event) {
            return types.isEmpty() || types.contains(event.type());
        }
    }

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final int capacity;
    private final Deque<Sent> recent = new ArrayDeque<>();
    private long sequence;

    public FeedHub() {
        this(DEFAULT_CAPACITY);
    }

    public FeedHub(int capacity) {
        this.capacity = capacity;
    }

    /** @param types the event types wanted; empty for all */
    public Subscription subscribe(Set<String> types, Consumer<Sent> sink) {
        return subscribe(types, null, sink, resume -> { });
    }

    /**
     * Subscribes and, atomically with it, hands {@code onResume} what the client missed after {@code lastEventId}
     * (nothing when null), so no event is lost or sent twice between the replay and the live events.
     */
    public synchronized Subscription subscribe(Set<String> types, String lastEventId, Consumer<Sent> sink,
                                               Consumer<Resume> onResume) {
        Subscription subscription = new Subscription(Set.copyOf(types), sink);
        Resume resume = resume(lastEventId);
        if (resume instanceof Resume.Replay replay) {
            resume = new Resume.Replay(replay.missed().stream().filter(s -> subscription.wants(s.event())).toList());
        }
        onResume.accept(resume);
        subscriptions.add(subscription);
        return subscription;
    }

    private Resume resume(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Resume.Replay(List.of());
        }
        String[] parts = lastEventId.trim().split("-");
        long seen;
        try {
            seen = parts.length == 2 && parts[0].equals(epoch) ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            seen = -1;
        }
        if (seen < 0 || seen > sequence) {
            return new Resume.Reset("event id " + lastEventId + " is not from this instance's feed (another instance "
                    + "or a restart): reload the views");
        }
        long oldestKept = recent.isEmpty() ? sequence + 1 : sequence(recent.peekFirst());
        if (seen + 1 < oldestKept) {
            return new Resume.Reset("event id " + lastEventId + " is older than the " + capacity
                    + " events kept: reload the views");
        }
        List<Sent> missed = new ArrayList<>();
        for (Sent sent : recent) {
            if (sequence(sent) > seen) {
                missed.add(sent);
            }
        }
        return new Resume.Replay(missed);
    }

    private static long sequence(Sent sent) {
        return Long.parseLong(sent.resumeId().substring(sent.resumeId().indexOf('-') + 1));
    }

    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    public int subscribers() {
        return subscriptions.size();
    }

    public synchronized void publish(FeedEvent event) {
        Sent sent = new Sent(epoch + "-" + (++sequence), event);
        recent.addLast(sent);
        if (recent.size() > capacity) {
            recent.removeFirst();
        }
        for (Subscription subscription : subscriptions) {
            if (!subscription.wants(event)) {
                continue;
            }
            try {
                subscription.sink().accept(sent);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a feed subscriber: {}", e.toString());
                subscriptions.remove(subscription);
            }
        }
    }
}
