package dev.parley.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.views.ArticleProvenance;
import dev.parley.views.FeedHub;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.QueryRouter;
import dev.parley.views.ViewAnswer;
import dev.parley.views.ViewJson;
import dev.parley.views.ViewStore;
import dev.parley.views.ViewStores;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The read side of the API: articles with their dedup provenance, statements, the live feed, the internal query
 * endpoints other instances forward to, and the OpenAPI document. Every read goes through the {@link QueryRouter},
 * so any instance answers any key; while an answer cannot be known the client gets 503 with Retry-After.
 */
public final class ViewsApi implements AutoCloseable {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final Set<String> EVENT_KINDS = names(dev.parley.avro.EventKind.values());
    private static final Set<String> COMMITMENT_STATUSES = names(dev.parley.avro.CommitmentStatus.values());
    private static final Set<String> FEED_TYPES = dev.parley.views.stream.FeedTopics.standard().all().stream()
            .map(t -> t.type()).collect(Collectors.toUnmodifiableSet());

    private final QueryRouter router;
    private final FeedHub feed;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-feed-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final byte[] openApi;
    private final String internalSecret;

    /** @param internalSecret what other instances must send on internal reads ({@link HttpRemoteViews#SECRET_HEADER}) */
    public ViewsApi(QueryRouter router, FeedHub feed, String internalSecret) {
        this.router = router;
        this.feed = feed;
        this.internalSecret = internalSecret;
        this.openApi = resource("/dev/parley/api/openapi.json");
        // Comments keep idle connections (and proxies) open and reveal closed clients.
        heartbeat.scheduleAtFixedRate(() -> clients.forEach(c -> send(c, () -> c.sendComment("heartbeat"))),
                15, 15, TimeUnit.SECONDS);
    }

    void routes(Javalin app) {
        app.get("/api/articles/{id}", this::article);
        app.get("/api/statements", this::statements);
        app.get("/api/statements/{id}", ctx -> respond(ctx, router.get(ViewStores.STATEMENTS, ctx.pathParam("id"),
                forwarded(ctx))));
        app.get("/api/dyads", this::dyads);
        app.get("/api/dyads/{dyad}", this::dyad);
        app.get("/api/actors", this::actors);
        app.get("/api/actors/{id}", this::actor);
        app.get("/api/events", this::events);
        app.get("/api/events/{id}", ctx -> respond(ctx, router.get(ViewStores.EVENTS, ctx.pathParam("id"), forwarded(ctx))));
        app.get("/api/commitments", this::commitments);
        app.get("/api/commitments/{id}", ctx -> respond(ctx, router.get(ViewStores.COMMITMENTS, ctx.pathParam("id"),
                forwarded(ctx))));
        app.before("/api/feed", ViewsApi::feedTypes);
        app.sse("/api/feed", this::feed);
        app.get(HttpRemoteViews.INTERNAL_PREFIX + "{store}/get", this::internalGet);
        app.get(HttpRemoteViews.INTERNAL_PREFIX + "{store}/all", this::internalAll);
        app.get(HttpRemoteViews.INTERNAL_PREFIX + "{store}/group", this::internalGroup);
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    // --- articles ---------------------------------------------------------------------------------------------

    /**
     * Two routed reads, however many statements the article carries: the article from the catalog, then its
     * provenance parts (decision, cluster, statements) as one prefix of the partition that owns the article id.
     */
    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        boolean forwarded = forwarded(ctx);
        ViewAnswer article = router.get(ViewStores.ARTICLES, id, forwarded);
        if (!(article instanceof ViewAnswer.Found found)) {
            respond(ctx, article);
            return;
        }
        ViewAnswer parts = router.group(ViewStores.ARTICLE_PROVENANCE, id, forwarded);
        if (!(parts instanceof ViewAnswer.Found provenance)) {
            respond(ctx, parts);
            return;
        }
        ctx.json(ArticleProvenance.of(found.value(), provenance.value()));
    }

    // --- statements -------------------------------------------------------------------------------------------

    private void statements(Context ctx) {
        Optional<Instant> before = asOf(ctx);
        QueryParams.page(ctx);
        ViewAnswer all = router.all(ViewStores.STATEMENTS);
        if (!(all instanceof ViewAnswer.Found found)) {
            respond(ctx, all);
            return;
        }
        List<JsonNode> statements = new ArrayList<>();
        found.value().forEach(statements::add);
        statements.removeIf(s -> before.isPresent() && !Instant.parse(s.path("firstSeen").asText()).isBefore(before.get()));
        statements.sort(Comparator.<JsonNode, String>comparing(s -> s.path("firstSeen").asText())
                .thenComparing(s -> s.path("id").asText()));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        before.ifPresent(b -> json.put("asOf", QueryParams.date(ctx, "asOf").toString()));
        ctx.json(paged(ctx, json, "statements", statements));
    }

    // --- dyads (current-state store; as of a day: the versioned store, through IQv2) ----------------------------

    /** {@code ?asOf=}: every dyad's state (without its event list), as of that day or now. */
    private void dyads(Context ctx) {
        String asOf = historyDay(ctx);
        QueryParams.page(ctx);
        ViewAnswer all = asOf == null ? router.all(ViewStores.DYADS)
                : router.allAsOf(ViewStores.DYAD_HISTORY, LocalDate.parse(asOf));
        if (!(all instanceof ViewAnswer.Found found)) {
            respond(ctx, all);
            return;
        }
        List<JsonNode> states = new ArrayList<>();
        found.value().forEach(states::add);
        states.sort(Comparator.comparing(d -> d.path("dyad").asText()));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("asOf", asOf);
        ctx.json(paged(ctx, json, "dyads", states.stream()
                .map(d -> (JsonNode) ((ObjectNode) d.deepCopy()).without("events")).toList()));
    }

    private void dyad(Context ctx) {
        String dyad = QueryParams.dyad(ctx.pathParam("dyad"), "The dyad");
        String asOf = historyDay(ctx);
        ViewAnswer answer = asOf == null ? router.get(ViewStores.DYADS, dyad, forwarded(ctx))
                : router.getAsOf(ViewStores.DYAD_HISTORY, dyad, LocalDate.parse(asOf), forwarded(ctx));
        if (answer instanceof ViewAnswer.Missing) {
            ApiServer.problem(ctx, 404, "NOT_FOUND", "No engagement event of " + dyad
                    + (asOf == null ? "" : " dated by " + asOf));
        } else {
            respond(ctx, answer);
        }
    }

    // --- actors -------------------------------------------------------------------------------------------------

    /** Every actor seen in an event, without the event lists, by id. */
    private void actors(Context ctx) {
        QueryParams.page(ctx);
        Optional<List<JsonNode>> all = list(ctx, ViewStores.ACTORS);
        if (all.isEmpty()) {
            return;
        }
        ctx.json(paged(ctx, JsonNodeFactory.instance.objectNode(), "actors", all.get().stream()
                .sorted(Comparator.comparing(a -> a.path("actorId").asText()))
                .map(a -> (JsonNode) ((ObjectNode) a.deepCopy()).without("events")).toList()));
    }

    private void actor(Context ctx) {
        ViewAnswer answer = router.get(ViewStores.ACTORS, ctx.pathParam("id"), forwarded(ctx));
        if (answer instanceof ViewAnswer.Missing) {
            ApiServer.problem(ctx, 404, "NOT_FOUND", "No engagement event names actor " + ctx.pathParam("id"));
        } else {
            respond(ctx, answer);
        }
    }

    // --- engagement events and commitments -----------------------------------------------------------------------

    /**
     * {@code ?dyad=MX-US&from=&to=&actor=&kind=&asOf=}: filters combine; dates inclusive, ISO. With a dyad only that
     * dyad's events are read (one prefix of the partition that owns it), else every event.
     */
    private void events(Context ctx) {
        String dyad = QueryParams.dyad(ctx, "dyad");
        String kind = QueryParams.oneOf(ctx, "kind", EVENT_KINDS);
        String actor = Optional.ofNullable(ctx.queryParam("actor")).map(a -> a.toLowerCase(java.util.Locale.ROOT)).orElse(null);
        String from = isoDate(ctx, "from");
        String to = minDate(isoDate(ctx, "to"), isoDate(ctx, "asOf"));
        QueryParams.page(ctx);
        Optional<List<JsonNode>> all = dyad == null ? list(ctx, ViewStores.EVENTS)
                : list(ctx, router.group(ViewStores.DYAD_EVENTS, dyad, forwarded(ctx)));
        if (all.isEmpty()) {
            return;
        }
        List<JsonNode> events = all.get().stream()
                .filter(e -> dyad == null || contains(e.path("dyads"), dyad))
                .filter(e -> kind == null || e.path("kind").asText().equals(kind) || contains(e.path("kinds"), kind))
                .filter(e -> from == null || e.path("date").asText().compareTo(from) >= 0)
                .filter(e -> to == null || e.path("date").asText().compareTo(to) <= 0)
                .filter(e -> actor == null || participates(e, actor))
                .sorted(Comparator.<JsonNode, String>comparing(e -> e.path("date").asText())
                        .thenComparing(e -> e.path("id").asText()))
                .toList();
        ctx.json(paged(ctx, JsonNodeFactory.instance.objectNode(), "events", events));
    }

    /**
     * {@code ?status=&dyad=&asOf=}. With asOf: the commitments agreed at an event dated by then; their status is the
     * current one (a past status needs the versioned dyad state). With a dyad only that dyad's commitments (and, for
     * asOf, its events) are read, each one prefix of the partition that owns the dyad; an agreeing event filed under
     * no dyad of the commitment is looked up by id.
     */
    private void commitments(Context ctx) {
        String status = QueryParams.oneOf(ctx, "status", COMMITMENT_STATUSES);
        String dyad = QueryParams.dyad(ctx, "dyad");
        String asOf = isoDate(ctx, "asOf");
        QueryParams.page(ctx);
        boolean forwarded = forwarded(ctx);
        Optional<List<JsonNode>> all = dyad == null ? list(ctx, ViewStores.COMMITMENTS)
                : list(ctx, router.group(ViewStores.DYAD_COMMITMENTS, dyad, forwarded));
        if (all.isEmpty()) {
            return;
        }
        java.util.Map<String, String> eventDates = new java.util.HashMap<>();
        if (asOf != null) {
            Optional<List<JsonNode>> events = dyad == null ? list(ctx, ViewStores.EVENTS)
                    : list(ctx, router.group(ViewStores.DYAD_EVENTS, dyad, forwarded));
            if (events.isEmpty()) {
                return;
            }
            events.get().forEach(e -> eventDates.put(e.path("id").asText(), e.path("date").asText()));
            for (JsonNode c : all.get()) {
                String agreedAt = c.path("agreedAtEventId").asText(null);
                if (agreedAt != null && !eventDates.containsKey(agreedAt)) {
                    ViewAnswer event = router.get(ViewStores.EVENTS, agreedAt, forwarded);
                    if (event instanceof ViewAnswer.Unavailable) {
                        respond(ctx, event);
                        return;
                    }
                    if (event instanceof ViewAnswer.Found e) {
                        eventDates.put(agreedAt, e.value().path("date").asText());
                    }
                }
            }
        }
        List<JsonNode> commitments = all.get().stream()
                .filter(c -> status == null || c.path("status").asText().equals(status))
                .filter(c -> dyad == null || contains(c.path("dyads"), dyad))
                .filter(c -> asOf == null || eventDates.getOrDefault(c.path("agreedAtEventId").asText(), "9999")
                        .compareTo(asOf) <= 0)
                .sorted(Comparator.<JsonNode, String>comparing(c -> c.path("dueDate").asText())
                        .thenComparing(c -> c.path("id").asText()))
                .toList();
        ctx.json(paged(ctx, JsonNodeFactory.instance.objectNode(), "commitments", commitments));
    }

    /** Every value of a store, or empty after answering the request with the reason it cannot be listed. */
    private Optional<List<JsonNode>> list(Context ctx, ViewStore store) {
        return list(ctx, router.all(store));
    }

    /** The values of a list answer, or empty after answering the request with the reason there is none. */
    private static Optional<List<JsonNode>> list(Context ctx, ViewAnswer all) {
        if (!(all instanceof ViewAnswer.Found found)) {
            respond(ctx, all);
            return Optional.empty();
        }
        List<JsonNode> values = new ArrayList<>();
        found.value().forEach(values::add);
        return Optional.of(values);
    }

    private static boolean participates(JsonNode event, String actor) {
        for (JsonNode p : event.path("participants")) {
            if (p.path("actorId").asText().toLowerCase(java.util.Locale.ROOT).equals(actor)
                    || p.path("name").asText().toLowerCase(java.util.Locale.ROOT).contains(actor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The list under {@code name}, one page of it: {@code total} items matched, {@code count} on this page, from
     * {@code offset}; {@code limit} when one was asked for.
     */
    private static ObjectNode paged(Context ctx, ObjectNode json, String name, List<JsonNode> items) {
        QueryParams.Page page = QueryParams.page(ctx);
        List<JsonNode> shown = page.of(items);
        json.put("total", items.size());
        json.put("offset", page.offset());
        page.limit().ifPresent(limit -> json.put("limit", limit));
        json.put("count", shown.size());
        json.putArray(name).addAll(shown);
        return json;
    }

    private static String isoDate(Context ctx, String name) {
        LocalDate day = QueryParams.date(ctx, name);
        return day == null ? null : day.toString();
    }

    /** asOf on the versioned dyad store: its versions are Kafka timestamps, which start at 1970-01-01. */
    private static String historyDay(Context ctx) {
        LocalDate day = QueryParams.date(ctx, "asOf");
        if (day != null && day.isBefore(LocalDate.EPOCH)) {
            throw new IllegalArgumentException("asOf of the dyad history must be 1970-01-01 or later, not " + day);
        }
        return day == null ? null : day.toString();
    }

    private static String minDate(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code ?asOf=YYYY-MM-DD}: what was known by the end of that day (UTC); the instant just after it. */
    static Optional<Instant> asOf(Context ctx) {
        return Optional.ofNullable(QueryParams.date(ctx, "asOf"))
                .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    // --- live feed --------------------------------------------------------------------------------------------

    private void feed(SseClient client) {
        String types = client.ctx().queryParam("types");
        Set<String> wanted = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        // EventSource sends the header on reconnect; a client that cannot set headers may pass ?lastEventId=.
        String lastEventId = Optional.ofNullable(client.ctx().header("Last-Event-ID"))
                .orElse(client.ctx().queryParam("lastEventId"));
        client.keepAlive();
        clients.add(client);
        send(client, () -> client.sendComment("connected"));
        FeedHub.Subscription subscription = feed.subscribe(wanted, lastEventId, sent -> sendEvent(client, sent),
                resume -> {
                    if (resume instanceof FeedHub.Resume.Replay replay) {
                        replay.missed().forEach(sent -> sendEvent(client, sent));
                    } else {
                        sendReset(client, ((FeedHub.Resume.Reset) resume).reason());
                    }
                });
        client.onClose(() -> {
            feed.unsubscribe(subscription);
            clients.remove(client);
        });
    }

    private void sendReset(SseClient client, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "reset");
        body.put("reason", reason);
        try {
            String data = ViewJson.MAPPER.writeValueAsString(body);
            send(client, () -> client.sendEvent("reset", data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sendEvent(SseClient client, FeedHub.Sent sent) {
        if (client.terminated()) {
            throw new IllegalStateException("client gone");
        }
        String data;
        try {
            data = ViewJson.MAPPER.writeValueAsString(sent.event());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        send(client, () -> client.sendEvent(sent.event().type(), data, sent.resumeId()));
    }

    private static void send(SseClient client, Runnable sending) {
        synchronized (client) {
            if (!client.terminated()) {
                sending.run();
            }
        }
    }

    // --- internal endpoints (other instances forward here; never forwarded further) ---------------------------

    private void internalGet(Context ctx) {
        Optional<ViewStore> store = internalStore(ctx);
        if (store.isEmpty()) {
            return;
        }
        String key = ctx.queryParam("key");
        int partition = QueryParams.partition(ctx.queryParam("partition"));
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        String asOf = isoDate(ctx, "asOf");
        if (asOf == null && store.get().equals(ViewStores.DYAD_HISTORY)) {
            throw new IllegalArgumentException(store.get().name() + " is versioned: asOf is required");
        }
        respond(ctx, asOf == null ? router.getLocal(store.get(), key, partition)
                : router.getLocalAsOf(store.get(), key, partition, LocalDate.parse(asOf)));
    }

    private void internalAll(Context ctx) {
        Optional<ViewStore> store = internalStore(ctx);
        if (store.isEmpty()) {
            return;
        }
        String partitions = Optional.ofNullable(ctx.queryParam("partitions")).orElse("");
        Set<Integer> wanted = Arrays.stream(partitions.split(",")).filter(p -> !p.isBlank())
                .map(QueryParams::partition).collect(Collectors.toSet());
        String asOf = isoDate(ctx, "asOf");
        if (asOf == null && store.get().equals(ViewStores.DYAD_HISTORY)) {
            throw new IllegalArgumentException(store.get().name() + " is versioned: asOf is required");
        }
        respond(ctx, asOf == null ? router.allLocal(store.get(), wanted)
                : router.allLocalAsOf(store.get(), wanted, LocalDate.parse(asOf)));
    }

    private void internalGroup(Context ctx) {
        Optional<ViewStore> store = internalStore(ctx);
        if (store.isEmpty()) {
            return;
        }
        String group = ctx.queryParam("group");
        int partition = QueryParams.partition(ctx.queryParam("partition"));
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("group is required");
        }
        respond(ctx, router.groupLocal(store.get(), group, partition));
    }

    private Optional<ViewStore> internalStore(Context ctx) {
        if (!forwarded(ctx)) {
            ApiServer.problem(ctx, 401, "UNAUTHORIZED", "Internal query endpoints answer other Parley instances only "
                    + "(with the shared parley.http.internal.secret); use /api/…");
            return Optional.empty();
        }
        Optional<ViewStore> store = ViewStores.byName(ctx.pathParam("store"));
        if (store.isEmpty()) {
            ApiServer.problem(ctx, 404, "NOT_FOUND", "No view store " + ctx.pathParam("store"));
        }
        return store;
    }

    // --- answers ----------------------------------------------------------------------------------------------

    /** A request another instance forwarded (and proved it by the shared secret): answered here, never passed on. */
    private boolean forwarded(Context ctx) {
        return ctx.header(HttpRemoteViews.FORWARDED_HEADER) != null
                && HttpRemoteViews.authentic(ctx.header(HttpRemoteViews.SECRET_HEADER), internalSecret);
    }

    static void respond(Context ctx, ViewAnswer answer) {
        if (answer instanceof ViewAnswer.Found found) {
            ctx.json(found.value());
        } else if (answer instanceof ViewAnswer.Missing) {
            ApiServer.problem(ctx, 404, "NOT_FOUND", "Nothing under " + ctx.path());
        } else {
            unavailable(ctx, ((ViewAnswer.Unavailable) answer).reason());
        }
    }

    static void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 503);
        body.put("reason", "NOT_READY");
        body.put("retryable", true);
        body.put("retryAfterSeconds", Integer.parseInt(RETRY_AFTER_SECONDS));
        body.put("message", "Not answerable right now: " + reason + ". Retry; the answer is never guessed.");
        ctx.status(503).json(body);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).filter(n -> !n.equals("UNKNOWN"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code ?types=} of the feed, checked before the event stream opens (a 400 cannot follow its headers). */
    private static void feedTypes(Context ctx) {
        String types = ctx.queryParam("types");
        if (types == null || types.isBlank()) {
            return;
        }
        for (String type : types.split(",")) {
            if (!type.isBlank() && !FEED_TYPES.contains(type.strip())) {
                throw new IllegalArgumentException("types must be among " + new java.util.TreeSet<>(FEED_TYPES)
                        + ", not '" + type.strip() + "'");
            }
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ViewsApi.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        });
    }
}
