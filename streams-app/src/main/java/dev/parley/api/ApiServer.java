package dev.parley.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.avro.Article;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestOutcome;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.ops.ParleyMetrics;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.stream.ArticleCatalogTopology;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's HTTP API: health, article ingest ({@code POST /api/articles}), the read side ({@link ViewsApi}), the
 * dashboard at {@code /} and the status page at {@code /status}.
 * Every request but the health probes needs a Host naming this server (no DNS rebinding); a write also an Origin, when
 * sent, naming it, the bearer token and a JSON body within the size limit (README "Security settings"); a server
 * given no token accepts writes only when bound to loopback ({@code ParleyNode} then gives it a per-start token). No
 * CORS headers are sent, so pages of other origins can neither read answers nor send JSON.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /**
     * @param ingestToken  the bearer token writes need; empty: writes only on a loopback-bound server
     * @param allowedHosts names ({@code host}, any port) or {@code host:port} besides the server's own that the Host
     *                     and Origin of a write may carry (a reverse proxy's public name)
     */
    public record Settings(String host, int port, Optional<String> ingestToken, long maxBodyBytes,
                           List<String> allowedHosts) {
        public Settings {
            allowedHosts = List.copyOf(allowedHosts);
        }

        public Settings(String host, int port, Optional<String> ingestToken, long maxBodyBytes) {
            this(host, port, ingestToken, maxBodyBytes, List.of());
        }

        public boolean loopbackOnly() {
            return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Javalin app;
    private final Settings settings;
    private final StreamsRuntime streams;
    private final ArticleReader reader;
    private final ArticlePublisher publisher;
    private final StatusPage statusPage;
    private final ViewsApi views;
    private final ParleyMetrics metrics;
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final RequestOrigin requestOrigin;

    public ApiServer(Settings settings, StreamsRuntime streams, ArticleReader reader, ArticlePublisher publisher,
                     StatusPage statusPage) {
        this(settings, streams, reader, publisher, statusPage, null, null);
    }

    /**
     * @param views         the read side (views, feed, dashboard data); null serves articles from the local catalog only
     * @param metricsOrNull served at {@code /metrics} in the Prometheus text format; null: no /metrics
     */
    public ApiServer(Settings settings, StreamsRuntime streams, ArticleReader reader, ArticlePublisher publisher,
                     StatusPage statusPage, ViewsApi views, ParleyMetrics metricsOrNull) {
        this.metrics = metricsOrNull;
        this.settings = settings;
        this.views = views;
        this.streams = streams;
        this.reader = reader;
        this.publisher = publisher;
        this.statusPage = statusPage;
        this.requestOrigin = RequestOrigin.of(settings.host(), settings.allowedHosts());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new JavalinJackson(JSON, false));
            // Jetty's own answers (unparsable request, headers too large) are problem bodies too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new ProblemErrorHandler()));
            config.events(events -> events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod().name() + " " + h.getPath());
                }
            }));
            // The dashboard: static files from the jar (no CDN), index.html at /.
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
            });
        });
        routes();
    }

    public ApiServer start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** Every route as {@code METHOD /path}, for documentation checks. */
    public List<String> registeredRoutes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    /**
     * Sent with every answer. The pages load their script and styles from this server only and run no inline code,
     * so an injected tag does nothing; no other site may frame them (clickjacking); no type sniffing.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    /** Answer any Host: a load balancer's or orchestrator's probe may name the server by any address. */
    private static final java.util.Set<String> HEALTH_PROBES = java.util.Set.of("/health/live", "/health/ready");

    private void routes() {
        app.before(ctx -> {
            SECURITY_HEADERS.forEach(ctx::header);
            // The probes by their exact raw path: no dot segments or encodings stretch the exemption to another page.
            if (!HEALTH_PROBES.contains(ctx.path()) && !ownHost(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", ctx -> {
            // Ready = every stage RUNNING and every one of its state stores answering a query.
            Map<String, String> readiness = streams.readiness();
            boolean ready = !readiness.isEmpty() && readiness.values().stream().allMatch(java.util.Objects::isNull);
            Map<String, String> stages = new LinkedHashMap<>();
            readiness.forEach((stage, problem) -> stages.put(stage, problem == null ? "READY" : problem));
            ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "READY" : "NOT_READY", "stages", stages));
        });
        if (metrics != null) {
            app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        }
        app.get("/status", ctx -> ctx.html(statusPage.render(streams.states())));
        app.post("/api/articles", this::ingest);
        if (views != null) {
            views.routes(app);
        } else {
            app.get("/api/articles/{id}", this::article);
        }
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "BAD_REQUEST", e.getMessage()));
        // Every other failure is the same problem body: Javalin's own (404, 405, …) and, without any detail, ours.
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), reason(e.getStatus()),
                e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Failed on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "INTERNAL_ERROR", "The server failed on this request; its log says why");
        });
        app.error(404, ctx -> {
            if (ctx.resultInputStream() == null) {
                problem(ctx, 404, "NOT_FOUND", "No endpoint " + ctx.method() + " " + ctx.path());
            }
        });
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "HTTP_" + status : known.name();
    }

    private void ingest(Context ctx) {
        if (!sameOrigin(ctx) || !authorised(ctx) || !json(ctx)) {
            return;
        }
        Optional<byte[]> body = boundedBody(ctx);
        if (body.isEmpty()) {
            return;
        }
        IngestOutcome outcome = reader.readHttpJson(body.get());
        publisher.publish(outcome);
        publisher.flush(Duration.ofSeconds(30));
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            Article article = accepted.article();
            ctx.status(202).json(Map.of("id", article.getId(), "publishedAt", article.getPublishedAt().toString(),
                    "language", article.getLanguage()));
        } else {
            var rejection = ((IngestOutcome.Rejected) outcome).rejection();
            problem(ctx, 400, rejection.getReason().name(), rejection.getMessage());
        }
    }

    /**
     * Every request but the health probes must name this server in its Host header: a page whose name was rebound
     * to this machine (DNS rebinding) reads nothing and writes nothing.
     */
    private boolean ownHost(Context ctx) {
        if (requestOrigin.hostAllowed(ctx.header("Host"), app.port())) {
            return true;
        }
        problem(ctx, 403, "FOREIGN_HOST", "The Host header does not name this server; add the name to "
                + "parley.http.allowed.hosts if a proxy or port mapping forwards it");
        return false;
    }

    /** A write must come from this server's own pages or a non-browser client (its Host was checked before). */
    private boolean sameOrigin(Context ctx) {
        if (!requestOrigin.originAllowed(Optional.ofNullable(ctx.header("Origin")), app.port())) {
            problem(ctx, 403, "FOREIGN_ORIGIN", "Writes from pages of another origin are refused");
            return false;
        }
        return true;
    }

    /** Only JSON: a browser cannot send it across origins without a preflight, which this server never grants. */
    private static boolean json(Context ctx) {
        String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            problem(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the article as Content-Type: application/json");
            return false;
        }
        return true;
    }

    /**
     * The body, read up to the limit and no further (a chunked body has no length to check first); over it: 413, and
     * the connection is closed rather than the rest read.
     */
    private Optional<byte[]> boundedBody(Context ctx) {
        long limit = settings.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        byte[] body = new byte[0];
        if (declared <= limit) {
            try (InputStream in = ctx.req().getInputStream()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            } catch (IOException e) {
                problem(ctx, 400, "UNREADABLE", "The request body could not be read");
                return Optional.empty();
            }
        }
        if (declared > limit || body.length > limit) {
            ctx.header("Connection", "close");
            problem(ctx, 413, "TOO_LARGE", "Request body over " + limit + " bytes (parley.http.max.body.bytes)");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private boolean authorised(Context ctx) {
        Optional<String> token = settings.ingestToken();
        if (token.isEmpty()) {
            if (settings.loopbackOnly()) {
                return true;
            }
            problem(ctx, 403, "FORBIDDEN", "Writes are disabled: set parley.http.ingest.token to accept articles "
                    + "on a server that is not bound to loopback");
            return false;
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
        String given = header.startsWith("Bearer ") ? header.substring(7) : null;
        if (!HttpRemoteViews.authentic(given, token.get())) {
            ctx.header("WWW-Authenticate", "Bearer");
            problem(ctx, 401, "UNAUTHORIZED", "A valid bearer token is required");
            return false;
        }
        return true;
    }

    private void article(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            ReadOnlyKeyValueStore<String, Article> store = streams.store(ArticleCatalogTopology.STAGE,
                    ArticleCatalogTopology.ARTICLES_STORE, QueryableStoreTypes.keyValueStore());
            Article article = store.get(id);
            if (article == null) {
                problem(ctx, 404, "NOT_FOUND", "No article " + id);
            } else {
                ctx.json(ArticleJson.of(article));
            }
        } catch (InvalidStateStoreException e) {
            ctx.header("Retry-After", "1");
            problem(ctx, 503, "NOT_READY", "The article store is not queryable yet (" + e.getMessage() + "); retry");
        }
    }

    static void problem(Context ctx, int status, String reason, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        body.put("message", message);
        ctx.status(status).json(body);
    }

    @Override
    public void close() {
        if (views != null) {
            views.close();
        }
        app.stop();
    }
}
