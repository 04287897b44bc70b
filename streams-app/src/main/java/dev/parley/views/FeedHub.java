package dev.parley.views;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans feed events out to the subscribers of this instance (SSE clients). Each instance follows the feed topics
 * itself, so a client connected to any instance sees every change. A subscriber that throws is dropped.
 */
public final class FeedHub {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);

    public record Subscription(Set<String> types, Consumer<FeedEvent> sink) {
        boolean wants(FeedEvent event) {
            return types.isEmpty() || types.contains(event.type());
        }
    }

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** @param types the event types wanted; empty for all */
    public Subscription subscribe(Set<String> types, Consumer<FeedEvent> sink) {
        Subscription subscription = new Subscription(Set.copyOf(types), sink);
        subscriptions.add(subscription);
        return subscription;
    }

    public void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    public int subscribers() {
        return subscriptions.size();
    }

    public void publish(FeedEvent event) {
        for (Subscription subscription : subscriptions) {
            if (!subscription.wants(event)) {
                continue;
            }
            try {
                subscription.sink().accept(event);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a feed subscriber: {}", e.toString());
                subscriptions.remove(subscription);
            }
        }
    }
}
