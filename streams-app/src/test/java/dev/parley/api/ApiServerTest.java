package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.kafka.StreamsRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP rules that need no broker: readiness before the stages run, write protection, escaping. */
@Tag("integration")
class ApiServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private ApiServer server(String host, Optional<String> token, StreamsRuntime streams) {
        return new ApiServer(new ApiServer.Settings(host, 0, token, 1024), streams,
                new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()), null,
                new StatusPage(Map.of("Kafka broker", "<b>x</b>"), List.of("parley.articles.raw")));
    }

    private StreamsRuntime noStagesRunning() {
        return StreamsRuntime.start(ParleyConfig.of(Map.of("parley.data.dir", dataDir.toString())), List.of(), null);
    }

    @Test
    void notReadyBeforeAnyStageRunsButAlive() throws Exception {
        try (ApiServer api = server("127.0.0.1", Optional.empty(), noStagesRunning()).start()) {
            assertThat(get(api, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(api, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void writesNeedTheTokenWhenOneIsSet() throws Exception {
        try (ApiServer api = server("127.0.0.1", Optional.of("s3cret"), noStagesRunning()).start()) {
            assertThat(post(api, "/api/articles", "{}", null).statusCode()).isEqualTo(401);
            assertThat(post(api, "/api/articles", "{}", "wrong").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void writesAreRefusedOnANonLoopbackServerWithoutAToken() throws Exception {
        try (ApiServer api = server("0.0.0.0", Optional.empty(), noStagesRunning()).start()) {
            HttpResponse<String> answer = post(api, "/api/articles", "{}", null);
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("parley.http.ingest.token");
        }
    }

    @Test
    void oversizeBodiesAreRefusedAndNoCorsHeaderIsSent() throws Exception {
        try (ApiServer api = server("127.0.0.1", Optional.empty(), noStagesRunning()).start()) {
            HttpResponse<String> answer = post(api, "/api/articles", "{\"body\":\"" + "x".repeat(5000) + "\"}", null,
                    "application/json");
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void statusPageEscapesWhatItShows() throws Exception {
        try (ApiServer api = server("127.0.0.1", Optional.empty(), noStagesRunning()).start()) {
            String page = get(api, "/status").body();
            assertThat(page).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
        }
    }

    private static HttpResponse<String> get(ApiServer api, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ApiServer api, String path, String body, String token) throws Exception {
        return post(api, path, body, token, null);
    }

    private static HttpResponse<String> post(ApiServer api, String path, String body, String token, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
