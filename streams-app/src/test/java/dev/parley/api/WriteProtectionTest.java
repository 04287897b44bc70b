package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.kafka.StreamsRuntime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-site writes on the real server: what a page on another origin (a form, a no-cors fetch) or a DNS-rebound
 * name can send is refused before the token is even looked at. Raw sockets, because Host is the point.
 */
@Tag("integration")
class WriteProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "t0ken";

    @TempDir
    Path dataDir;
    private ApiServer api;

    @BeforeEach
    void start() {
        StreamsRuntime noStages = StreamsRuntime.start(ParleyConfig.of(Map.of("parley.data.dir", dataDir.toString())),
                List.of(), null);
        api = new ApiServer(new ApiServer.Settings("127.0.0.1", 0, Optional.of(TOKEN), 4096,
                List.of("parley.example", "proxy.example:8443")), noStages,
                new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()), null,
                new StatusPage(Map.of(), List.of())).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String self() {
        return "127.0.0.1:" + api.port();
    }

    @Test
    void onlyJsonIsAccepted() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                null, "application/jsonp"}) {
            Answer answer = post(headers(self(), type, null, true));
            assertThat(answer.status()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(answer.json().path("reason").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        // JSON with parameters passes the type check and reaches the body: this one is over the 4096-byte limit.
        Answer json = send("POST /api/articles", headers(self(), "application/json; charset=utf-8", null, true),
                "{\"body\":\"" + "x".repeat(5000) + "\"}");
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.json().path("reason").asText()).isEqualTo("TOO_LARGE");
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() throws Exception {
        for (String origin : List.of("http://evil.example", "http://127.0.0.1:1", "null", "file://", "https://localhost")) {
            Answer answer = post(headers(self(), "application/json", origin, true));
            assertThat(answer.status()).as(origin).isEqualTo(403);
            assertThat(answer.json().path("reason").asText()).isEqualTo("FOREIGN_ORIGIN");
        }
        // The server's own pages, and a configured proxy name, get past the origin check to the token check.
        for (String origin : List.of("http://" + self(), "http://localhost:" + api.port(), "https://parley.example",
                "https://proxy.example:8443")) {
            assertThat(post(headers(self(), "application/json", origin, false)).status()).as(origin).isEqualTo(401);
        }
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        for (String host : List.of("evil.example:" + api.port(), "rebound.example", "127.0.0.1:1", "proxy.example:9000")) {
            Answer answer = post(headers(host, "application/json", null, true));
            assertThat(answer.status()).as(host).isEqualTo(403);
            assertThat(answer.json().path("reason").asText()).isEqualTo("FOREIGN_HOST");
        }
        for (String host : List.of(self(), "localhost:" + api.port(), "parley.example", "proxy.example:8443")) {
            assertThat(post(headers(host, "application/json", null, false)).status()).as(host).isEqualTo(401);
        }
    }

    @Test
    void aForeignHostReadsNothingEitherButTheHealthProbesAnswerAnyHost() throws Exception {
        // DNS rebinding: a page whose name now points at 127.0.0.1 is same-origin with it, so it could read answers.
        for (String path : List.of("/", "/app.js", "/status", "/openapi.json", "/api/articles/x", "/no/such/path",
                "/health/../status", "/health/live/../../openapi.json", "/health/%2e%2e/status", "/Health/../status")) {
            Answer answer = send("GET " + path, Map.of("Host", "rebound.example:" + api.port()), "");
            // The health probes' exemption does not stretch to other paths through dot segments.
            assertThat(answer.status()).as(path).isIn(400, 403);
            assertThat(answer.json().path("reason").asText()).isIn("FOREIGN_HOST", "BAD_REQUEST");
            assertThat(answer.body()).as(path).doesNotContain("<").doesNotContain("openapi\"");
        }
        assertThat(send("GET /", Map.of("Host", self()), "").status()).isEqualTo(200);
        assertThat(send("GET /", Map.of("Host", "parley.example"), "").status()).isEqualTo(200);
        assertThat(send("GET /health/live", Map.of("Host", "10.1.2.3:" + api.port()), "").status()).isEqualTo(200);
    }

    @Test
    void whatJettyRefusesBeforeJavalinIsAJsonProblemToo() throws Exception {
        Answer badUri = send("GET /%", Map.of("Host", self()), "");
        assertThat(badUri.status()).isEqualTo(400);
        assertThat(badUri.head().toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json")
                .contains("x-content-type-options: nosniff");
        assertThat(badUri.json().path("status").asInt()).isEqualTo(400);
        assertThat(badUri.json().path("reason").asText()).isEqualTo("BAD_REQUEST");

        Answer hugeHeader = send("GET /health/live", Map.of("Host", self(), "X-Padding", "a".repeat(20_000)), "");
        assertThat(hugeHeader.status()).isEqualTo(431);
        assertThat(hugeHeader.json().path("status").asInt()).isEqualTo(431);
        for (Answer answer : List.of(badUri, hugeHeader)) {
            assertThat(answer.body()).doesNotContain("<").doesNotContain("jetty").doesNotContain("Exception");
        }
    }

    private static Map<String, String> headers(String host, String type, String origin, boolean token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        if (type != null) {
            headers.put("Content-Type", type);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (token) {
            headers.put("Authorization", "Bearer " + TOKEN);
        }
        return headers;
    }

    record Answer(int status, String head, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    /** POST /api/articles with {@code {}} and exactly these headers. */
    private Answer post(Map<String, String> headers) throws Exception {
        return send("POST /api/articles", headers, "{}");
    }

    /** One request ({@code METHOD /path}) with exactly these headers and body, then the connection closes. */
    private Answer send(String methodAndPath, Map<String, String> headers, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            StringBuilder request = new StringBuilder(methodAndPath + " HTTP/1.1\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            if (content.length > 0) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int end = text.indexOf("\r\n\r\n");
            return new Answer(status, text.substring(0, end), text.substring(end + 4));
        }
    }
}
