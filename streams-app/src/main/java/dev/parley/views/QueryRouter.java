package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Interactive queries across instances. A key is read from the partition that owns it: here when this instance
 * hosts the active task, otherwise from the owner over HTTP. A request that was already forwarded is answered
 * locally or not at all, so two instances with different ideas of the assignment never bounce a request between
 * them. Anything uncertain (rebalancing, restoring, owner unreachable) is {@link ViewAnswer.Unavailable}: a
 * retryable answer instead of a wrong "not found".
 */
public final class QueryRouter {

    private final StoreDirectory directory;
    private final RemoteViews remote;

    public QueryRouter(StoreDirectory directory, RemoteViews remote) {
        this.directory = directory;
        this.remote = remote;
    }

    public ViewAnswer get(ViewStore store, String key) {
        return get(store, key, false);
    }

    /** @param forwarded true when another instance sent this request: then only a local answer is allowed */
    public ViewAnswer get(ViewStore store, String key, boolean forwarded) {
        Owner owner = directory.ownerOf(store, key);
        if (owner instanceof Owner.Local local) {
            return getLocal(store, key, local.partition());
        }
        if (owner instanceof Owner.Remote r) {
            return forwarded
                    ? new ViewAnswer.Unavailable("this instance does not own " + store.name() + " partition "
                            + r.partition() + " (its owner is " + r.host() + ")")
                    : remote.get(r.host(), store, key, r.partition());
        }
        return new ViewAnswer.Unavailable(((Owner.Unknown) owner).reason());
    }

    /** The internal endpoint: the asking instance believes this one owns {@code partition}. */
    public ViewAnswer getLocal(ViewStore store, String key, int partition) {
        try {
            Optional<JsonNode> value = directory.getLocal(store, key, partition);
            return value.<ViewAnswer>map(ViewAnswer.Found::new).orElseGet(ViewAnswer.Missing::new);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
    }

    /** Every value of the store, gathered from every instance; all or nothing. */
    public ViewAnswer all(ViewStore store) {
        List<Placement> placements;
        try {
            placements = directory.placements(store);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (Placement placement : placements) {
            ViewAnswer part = placement.local()
                    ? allLocal(store, placement.partitions())
                    : remote.all(placement.host(), store, placement.partitions());
            if (!(part instanceof ViewAnswer.Found found)) {
                return part instanceof ViewAnswer.Unavailable ? part
                        : new ViewAnswer.Unavailable("no answer from " + placement.host());
            }
            found.value().forEach(values::add);
        }
        return new ViewAnswer.Found(values);
    }

    public ViewAnswer allLocal(ViewStore store, Set<Integer> partitions) {
        try {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            directory.allLocal(store, partitions).forEach(values::add);
            return new ViewAnswer.Found(values);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
    }
}
