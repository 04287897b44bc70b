package dev.parley.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Interactive queries across instances. A key is read from the partition that owns it: here when this instance
 * hosts the active task, otherwise from the owner over HTTP. A request that was already forwarded is answered
 * locally or not at all, so two instances with different ideas of the assignment never bounce a request between
 * them. Anything uncertain (rebalancing, restoring, owner unreachable) is {@link ViewAnswer.Unavailable}: a
 * retryable answer instead of a wrong "not found". Versioned stores are read the same way, as of a day.
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
        return route(store, key, forwarded, p -> getLocal(store, key, p), (host, p) -> remote.get(host, store, key, p));
    }

    /** A versioned store's value of {@code key} as of the end of {@code day}, wherever its partition lives. */
    public ViewAnswer getAsOf(ViewStore store, String key, LocalDate day, boolean forwarded) {
        return route(store, key, forwarded, p -> getLocalAsOf(store, key, p, day),
                (host, p) -> remote.getAsOf(host, store, key, p, day));
    }

    /**
     * Every value a grouped store holds under {@code group} (a dyad's events, say), read from the one partition that
     * owns the group, here or at its owner: one routed read instead of a gather from every instance.
     */
    public ViewAnswer group(ViewStore store, String group, boolean forwarded) {
        return route(store, group, forwarded, p -> groupLocal(store, group, p),
                (host, p) -> remote.group(host, store, group, p));
    }

    /** The internal endpoint of {@link #group}: the asking instance believes this one owns {@code partition}. */
    public ViewAnswer groupLocal(ViewStore store, String group, int partition) {
        return list(() -> directory.groupLocal(store, group, partition));
    }

    private interface LocalRead {
        ViewAnswer read(int partition);
    }

    private interface RemoteRead {
        ViewAnswer read(String host, int partition);
    }

    private ViewAnswer route(ViewStore store, String key, boolean forwarded, LocalRead local, RemoteRead remoteRead) {
        Owner owner = directory.ownerOf(store, key);
        if (owner instanceof Owner.Local l) {
            return local.read(l.partition());
        }
        if (owner instanceof Owner.Remote r) {
            return forwarded
                    ? new ViewAnswer.Unavailable("this instance does not own " + store.name() + " partition "
                            + r.partition() + " (its owner is " + r.host() + ")")
                    : remoteRead.read(r.host(), r.partition());
        }
        return new ViewAnswer.Unavailable(((Owner.Unknown) owner).reason());
    }

    /** The internal endpoint: the asking instance believes this one owns {@code partition}. */
    public ViewAnswer getLocal(ViewStore store, String key, int partition) {
        return found(() -> directory.getLocal(store, key, partition));
    }

    public ViewAnswer getLocalAsOf(ViewStore store, String key, int partition, LocalDate day) {
        return found(() -> directory.getLocalAsOf(store, key, partition, day));
    }

    private interface Read {
        Optional<JsonNode> read() throws NotQueryableException;
    }

    private static ViewAnswer found(Read read) {
        try {
            return read.read().<ViewAnswer>map(ViewAnswer.Found::new).orElseGet(ViewAnswer.Missing::new);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
    }

    /** Every value of the store, gathered from every instance; all or nothing. */
    public ViewAnswer all(ViewStore store) {
        return gather(store, placement -> placement.local() ? allLocal(store, placement.partitions())
                : remote.all(placement.host(), store, placement.partitions()));
    }

    /** Every key's value of a versioned store as of the end of {@code day}, gathered from every instance. */
    public ViewAnswer allAsOf(ViewStore store, LocalDate day) {
        return gather(store, placement -> placement.local() ? allLocalAsOf(store, placement.partitions(), day)
                : remote.allAsOf(placement.host(), store, placement.partitions(), day));
    }

    private interface PlacementRead {
        ViewAnswer read(Placement placement);
    }

    private ViewAnswer gather(ViewStore store, PlacementRead read) {
        List<Placement> placements;
        try {
            placements = directory.placements(store);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        for (Placement placement : placements) {
            ViewAnswer part = read.read(placement);
            if (!(part instanceof ViewAnswer.Found found)) {
                return part instanceof ViewAnswer.Unavailable ? part
                        : new ViewAnswer.Unavailable("no answer from " + placement.host());
            }
            found.value().forEach(values::add);
        }
        return new ViewAnswer.Found(values);
    }

    public ViewAnswer allLocal(ViewStore store, Set<Integer> partitions) {
        return list(() -> directory.allLocal(store, partitions));
    }

    public ViewAnswer allLocalAsOf(ViewStore store, Set<Integer> partitions, LocalDate day) {
        return list(() -> directory.allLocalAsOf(store, partitions, day));
    }

    private interface ListRead {
        List<JsonNode> read() throws NotQueryableException;
    }

    private static ViewAnswer list(ListRead read) {
        try {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            read.read().forEach(values::add);
            return new ViewAnswer.Found(values);
        } catch (NotQueryableException e) {
            return new ViewAnswer.Unavailable(e.getMessage());
        }
    }
}
