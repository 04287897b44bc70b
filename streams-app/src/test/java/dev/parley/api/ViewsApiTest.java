package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.kafka.StreamsRuntime;
import dev.parley.testing.Await;
import dev.parley.views.FeedEvent;
import dev.parley.views.FeedHub;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.QueryRouter;
import dev.parley.views.ViewAnswer;
import dev.parley.views.ViewStores;
import dev.parley.views.stream.KafkaStoreDirectory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read side's HTTP rules that need no broker: 503s before the stages run, the feed, the documents served. */
@Tag("integration")
class ViewsApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-secret-of-16-chars-or-more";

    @TempDir
    Path dataDir;
    private FeedHub feed;
    private ApiServer api;

    @BeforeEach
    void start() {
        StreamsRuntime noStages = StreamsRuntime.start(ParleyConfig.of(Map.of("parley.data.dir", dataDir.toString())),
                List.of(), null);
        QueryRouter router = new QueryRouter(new KafkaStoreDirectory(noStages, new HostInfo("127.0.0.1", 1), List.of(),
                stage -> "parley." + stage, topic -> Optional.empty()), new HttpRemoteViews("127.0.0.1:1", Duration.ofSeconds(1), SECRET));
        feed = new FeedHub();
        api = new ApiServer(new ApiServer.Settings("127.0.0.1", 0, Optional.empty(), 1024), noStages,
                new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()), null,
                new StatusPage(Map.of(), List.of()), new ViewsApi(router, feed, SECRET), new dev.parley.ops.ParleyMetrics()).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsBeforeTheStagesRunAreRetryable503sNeverNotFound() throws Exception {
        for (String path : List.of("/api/articles/abc", "/api/statements", "/api/statements/xyz", "/api/dyads/MX-US",
                "/api/dyads/MX-US?asOf=2026-01-13", "/api/dyads?asOf=2026-01-13", "/api/actors", "/api/actors/x")) {
            HttpResponse<String> answer = get(path, Map.of());
            assertThat(answer.statusCode()).as(path).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).contains("1");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("retryable").asBoolean()).isTrue();
            assertThat(body.path("reason").asText()).isEqualTo("NOT_READY");
        }
        assertThat(get("/api/statements?asOf=13-01-2026", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void internalEndpointsAnswerInstancesWithTheSecretOnly() throws Exception {
        Map<String, String> instance = Map.of(HttpRemoteViews.FORWARDED_HEADER, "other:1",
                HttpRemoteViews.SECRET_HEADER, SECRET);
        for (Map<String, String> stranger : List.of(Map.<String, String>of(),
                Map.of(HttpRemoteViews.FORWARDED_HEADER, "other:1"), Map.of(HttpRemoteViews.FORWARDED_HEADER, ""),
                Map.of(HttpRemoteViews.FORWARDED_HEADER, "other:1", HttpRemoteViews.SECRET_HEADER, ""),
                Map.of(HttpRemoteViews.FORWARDED_HEADER, "other:1", HttpRemoteViews.SECRET_HEADER, SECRET + "x"),
                Map.of(HttpRemoteViews.FORWARDED_HEADER, "other:1", HttpRemoteViews.SECRET_HEADER, SECRET.substring(1)))) {
            for (String path : List.of("/internal/views/parley-articles/all?partitions=0",
                    "/internal/views/parley-statements/get?key=a&partition=0")) {
                HttpResponse<String> answer = get(path, stranger);
                assertThat(answer.statusCode()).as(path + " " + stranger).isEqualTo(401);
                assertThat(JSON.readTree(answer.body()).path("reason").asText()).isEqualTo("UNAUTHORIZED");
            }
        }
        assertThat(get("/internal/views/parley-statements/get?key=a&partition=0", instance).statusCode()).isEqualTo(503);
        assertThat(get("/internal/views/no-such-store/all?partitions=0", instance).statusCode()).isEqualTo(404);
        for (String path : List.of("/internal/views/parley-statements/get?key=a&partition=abc",
                "/internal/views/parley-statements/get?key=a", "/internal/views/parley-statements/get?partition=0",
                "/internal/views/parley-statements/get?key=a&partition=-1",
                "/internal/views/parley-statements/all?partitions=0,x")) {
            HttpResponse<String> answer = get(path, instance);
            assertProblem(answer, 400, "BAD_REQUEST");
            assertThat(answer.body()).as(path).doesNotContain("For input string").doesNotContain("Exception");
        }
        // The versioned dyad store is only read as of a day.
        assertThat(get("/internal/views/parley-dyad-history/get?key=MX-US&partition=0", instance).statusCode())
                .isEqualTo(400);
        assertThat(get("/internal/views/parley-dyad-history/get?key=MX-US&partition=0&asOf=2026-01-13", instance)
                .statusCode()).isEqualTo(503);
    }

    /** Two instances over real HTTP: the peer's client with the shared secret is answered, with another it is not. */
    @Test
    void aPeerWithAnotherSecretIsRefused() {
        String self = "127.0.0.1:" + api.port();
        HttpRemoteViews sameSecret = new HttpRemoteViews("peer:1", Duration.ofSeconds(5), SECRET);
        HttpRemoteViews otherSecret = new HttpRemoteViews("peer:1", Duration.ofSeconds(5), "another-secret-of-16-chars");
        // Answered: this instance looked (its stage does not run yet, so it cannot know: 503, retryable).
        assertThat(sameSecret.get(self, ViewStores.STATEMENTS, "a", 0)).isInstanceOfSatisfying(
                ViewAnswer.Unavailable.class, u -> assertThat(u.reason()).contains("answered 503"));
        // (This test server binds no store, so a list is answered 400 — answered all the same.)
        assertThat(sameSecret.all(self, ViewStores.ARTICLES, java.util.Set.of(0, 1))).isInstanceOfSatisfying(
                ViewAnswer.Unavailable.class, u -> assertThat(u.reason()).contains("answered 400"));
        // Refused before any store is touched.
        assertThat(otherSecret.get(self, ViewStores.STATEMENTS, "a", 0)).isInstanceOfSatisfying(
                ViewAnswer.Unavailable.class, u -> assertThat(u.reason()).contains("answered 401"));
        assertThat(otherSecret.all(self, ViewStores.ARTICLES, java.util.Set.of(0, 1))).isInstanceOfSatisfying(
                ViewAnswer.Unavailable.class, u -> assertThat(u.reason()).contains("answered 401"));
    }

    @Test
    void badParametersAre400ProblemsNeverEmptyAnswersOrTraces() throws Exception {
        for (String path : List.of("/api/dyads?asOf=-999999999-01-01", "/api/dyads/MX-US?asOf=-999999999-01-01",
                "/api/statements?asOf=%2B10000-01-01", "/api/dyads/MX-US?asOf=1969-12-31", "/api/dyads?asOf=0999-12-31",
                "/api/events?from=2026-02-30", "/api/events?dyad=garbage", "/api/events?dyad=MX-MX",
                "/api/events?kind=NOPE", "/api/commitments?status=maybe", "/api/commitments?dyad=MEX-USA",
                "/api/events?limit=0", "/api/events?limit=abc", "/api/actors?limit=10001", "/api/statements?offset=-1",
                "/api/dyads?limit=1.5", "/api/feed?types=statement,nope", "/api/dyads/MEXICO")) {
            HttpResponse<String> answer = get(path, Map.of());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertProblem(answer, 400, "BAD_REQUEST");
        }
        // Valid filters, in either dyad order and any case, get past validation (to the 503 of stages not running).
        for (String path : List.of("/api/events?dyad=us-mx&kind=consult_call&limit=5&offset=2",
                "/api/commitments?status=held&dyad=US-MX", "/api/dyads?asOf=1970-01-01&limit=1")) {
            assertThat(get(path, Map.of()).statusCode()).as(path).isEqualTo(503);
        }
    }

    @Test
    void everyErrorIsAJsonProblemWithoutClassNames() throws Exception {
        assertProblem(get("/api/no-such-thing", Map.of()), 404, "NOT_FOUND");
        assertProblem(get("/no-such-file.js", Map.of()), 404, "NOT_FOUND");
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + "/api/articles/abc")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isBetween(400, 499);
        assertProblem(put, put.statusCode(), null);
        // This server has no publisher: an accepted article fails inside. The client learns that, not the stack.
        HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + "/api/articles")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"title\":\"t\",\"publishedAt\":\"2026-01-05\",\"body\":\"Texto de prueba.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(failed, 500, "INTERNAL_ERROR");
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String reason) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        if (reason != null) {
            assertThat(body.path("reason").asText()).isEqualTo(reason);
        }
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "java.", "org.apache", "org.eclipse", "\tat ", "kotlin");
    }

    @Test
    void theFeedStreamsEventsOfTheWantedTypesAsServerSentEvents() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/feed?types=statement"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.put(line);
                }
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        Await.until("the feed's subscriber", Duration.ofSeconds(5), () -> feed.subscribers() > 0);
        feed.publish(new FeedEvent("event", "upsert", "e1", Map.of("x", 1), "t/0/1", "2026-01-15T00:00:00Z"));
        feed.publish(new FeedEvent("statement", "upsert", "s1", Map.of("id", "s1", "text", "<script>"), "t/0/2",
                "2026-01-15T00:00:00Z"));
        Map<String, String> fields = new HashMap<>();
        Await.until("an SSE message's event, id and data lines", Duration.ofSeconds(10), Duration.ZERO, () -> {
            String line = lines.poll(1, TimeUnit.SECONDS);
            int colon = line == null ? -1 : line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
            return fields.keySet();
        }, seen -> seen.containsAll(List.of("event", "id", "data")));
        String event = fields.get("event");
        String data = fields.get("data");
        String id = fields.get("id");
        assertThat(event).isEqualTo("statement"); // the "event" type was filtered out
        assertThat(id).matches("[0-9a-z]+-2"); // the resume id: this feed's epoch and sequence
        JsonNode change = JSON.readTree(data);
        assertThat(change.path("id").asText()).isEqualTo("t/0/2");
        assertThat(change.path("key").asText()).isEqualTo("s1");
        assertThat(change.path("data").path("text").asText()).isEqualTo("<script>");
        response.body().close();
    }

    /** One SSE message as a client reads it. */
    private record Message(String event, String id, String data) {
    }

    /** Opens the feed with a real HTTP client and collects its messages (comments skipped). */
    private BlockingQueue<Message> openFeed(String lastEventId, List<HttpResponse<InputStream>> opened) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/feed"))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        int before = feed.subscribers();
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        opened.add(response);
        BlockingQueue<Message> messages = new ArrayBlockingQueue<>(100);
        Thread reader = new Thread(() -> {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && event != null) {
                        messages.put(new Message(event, id, data.toString()));
                        event = null;
                        id = null;
                        data.setLength(0);
                    }
                }
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        Await.until("one more feed subscriber", Duration.ofSeconds(5), () -> feed.subscribers() > before);
        return messages;
    }

    private static List<Message> take(BlockingQueue<Message> messages, int n) throws InterruptedException {
        List<Message> taken = new java.util.ArrayList<>();
        while (taken.size() < n) {
            Message message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("message %d of %d", taken.size() + 1, n).isNotNull();
            taken.add(message);
        }
        return taken;
    }

    @Test
    void aReconnectingFeedClientGetsWhatItMissedOrAReset() throws Exception {
        List<HttpResponse<InputStream>> opened = new java.util.ArrayList<>();
        BlockingQueue<Message> first = openFeed(null, opened);
        feed.publish(new FeedEvent("statement", "upsert", "s1", Map.of(), "t/0/1", "2026-01-15T00:00:00Z"));
        feed.publish(new FeedEvent("event", "upsert", "e1", Map.of(), "t/0/2", "2026-01-15T00:00:00Z"));
        List<Message> seen = take(first, 2);
        opened.get(0).body().close(); // the client drops
        Await.until("the dropped client to be unsubscribed", Duration.ofSeconds(5), () -> {
            feed.publish(new FeedEvent("heartbeat-probe", "upsert", "p", Map.of(), "t/9/0", "x")); // reveals the closed client
            return feed.subscribers() == 0;
        });
        feed.publish(new FeedEvent("dyad", "upsert", "MX-US", Map.of(), "t/1/7", "2026-01-16T00:00:00Z"));
        feed.publish(new FeedEvent("commitment", "upsert", "c1", Map.of(), "t/2/3", "2026-01-16T00:00:00Z"));

        // Reconnecting as EventSource does, with the last id seen: everything after it, then live events.
        BlockingQueue<Message> resumed = openFeed(seen.get(1).id(), opened);
        feed.publish(new FeedEvent("statement", "upsert", "s2", Map.of(), "t/0/3", "2026-01-17T00:00:00Z"));
        List<String> all = new java.util.ArrayList<>();
        Message next;
        while ((next = resumed.poll(2, TimeUnit.SECONDS)) != null) {
            if (!next.event().equals("heartbeat-probe")) {
                all.add(JSON.readTree(next.data()).path("key").asText());
            }
        }
        assertThat(all).containsExactly("MX-US", "c1", "s2");

        // An id this feed never gave (another instance, a restart): a reset telling the client to reload.
        BlockingQueue<Message> stranger = openFeed("0abc-12", opened);
        Message reset = take(stranger, 1).get(0);
        assertThat(reset.event()).isEqualTo("reset");
        assertThat(JSON.readTree(reset.data()).path("reason").asText()).contains("reload");
        opened.forEach(r -> {
            try {
                r.body().close();
            } catch (java.io.IOException ignored) {
                // already closed
            }
        });
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNothingElse() throws Exception {
        HttpResponse<String> answer = get("/openapi.json", Map.of());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(answer.body());
        JsonNode paths = document.path("paths");
        assertThat(api.registeredRoutes()).contains("GET /api/statements", "GET /api/feed", "GET /api/articles/{id}",
                "GET /metrics");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        java.util.Set<String> served = new java.util.TreeSet<>(api.registeredRoutes());
        served.add("GET /"); // the dashboard, served by the static-files handler
        assertThat(documented).as("documented operations = registered routes").isEqualTo(served);

        assertThat(document.path("info").path("description").asText()).contains("versioned store", "actors")
                .doesNotContain("not served", "no versioned store");
        assertThat(document.path("servers")).isNotEmpty();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerToken").path("scheme").asText()).isEqualTo("bearer");
        JsonNode write = paths.path("/api/articles").path("post");
        assertThat(write.path("security").toString()).contains("bearerToken");
        assertThat(write.path("responses").fieldNames()).toIterable().contains("400", "401", "403", "413", "415", "500");
        assertThat(paths.path("/internal/views/{store}/all").path("get").path("security").toString())
                .contains("internalSecret");
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            assertThat(op.getValue().path("responses").has("500")).as(op.getKey() + " " + p.getKey() + " documents 500")
                    .isTrue();
            if (!p.getKey().startsWith("/health/")) {
                assertThat(op.getValue().path("responses").has("403")).as(op.getKey() + " " + p.getKey()
                        + " documents the foreign-Host 403").isTrue();
            }
            boolean list = p.getKey().startsWith("/api/") && !p.getKey().contains("{") && op.getKey().equals("get");
            if (list) {
                assertThat(op.getValue().path("responses").has("400")).as(p.getKey() + " documents 400").isTrue();
            }
        }));
        for (String path : List.of("/api/statements", "/api/events", "/api/commitments", "/api/dyads", "/api/actors")) {
            assertThat(paths.path(path).path("get").path("parameters").findValuesAsText("name"))
                    .as(path).contains("limit", "offset");
        }
        // Every reference resolves.
        for (JsonNode ref : document.findValues("$ref")) {
            String pointer = ref.asText().substring(1);
            assertThat(document.at(pointer).isMissingNode()).as(ref.asText()).isFalse();
        }
    }

    @Test
    void theDashboardAndPagesCarrySecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/status", "/api/statements", "/no-such-page")) {
            HttpResponse<String> answer = get(path, Map.of());
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        // The CSP forbids inline script and style: the pages have none.
        for (String page : List.of(get("/", Map.of()).body(), get("/status", Map.of()).body())) {
            assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", " style=",
                    "onclick=", "onload=");
        }
    }

    @Test
    void theDashboardIsServedFromTheJarAndTheStatusPageMovedToStatus() throws Exception {
        HttpResponse<String> page = get("/", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/app.js\"").contains("id=\"statements-body\"")
                .doesNotContain("http://", "https://");
        assertThat(get("/app.js", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/style.css", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/status", Map.of()).body()).contains("<h2>Stages</h2>");
    }

    /** The dashboard writes data as text only: no HTML sinks in its script (the Chromium test checks behaviour). */
    @Test
    void theDashboardScriptUsesNoHtmlSinks() throws Exception {
        String script = new String(ViewsApiTest.class.getResourceAsStream("/dashboard/app.js").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
