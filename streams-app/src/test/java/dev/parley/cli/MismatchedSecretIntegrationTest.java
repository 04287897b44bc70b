package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.testing.Await;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.ViewStore;
import dev.parley.views.ViewStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real instances of one application that were given different internal secrets (a misconfiguration, or a
 * stranger joining the consumer groups): neither ever answers a read with the other's data. Each store answers its
 * own instance's secret; a key owned by the other instance, and every list, is a retryable 503 naming the peer's 401.
 * ({@link TwoInstanceViewsIntegrationTest} shows the same two instances answering each other with a shared secret.)
 */
@Tag("integration")
class MismatchedSecretIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET_A = "the-secret-instance-a-was-given";
    private static final String SECRET_B = "another-secret-given-to-instance-b";

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    static ParleyNode a;
    static ParleyNode b;

    @BeforeAll
    static void startTwoInstancesWithDifferentSecrets() {
        PrintStream errors = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        a = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dataA.toString(), "parley.kafka.port", "0",
                "parley.registry.port", "0", "parley.http.port", "0", ParleyNode.INTERNAL_SECRET, SECRET_A)), errors);
        b = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dataB.toString(), "parley.http.port", "0",
                ParleyNode.INTERNAL_SECRET, SECRET_B,
                ParleyConfig.BOOTSTRAP_SERVERS, a.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ParleyConfig.SCHEMA_REGISTRY_URL, a.registryUrl().orElseThrow())), errors);
        Await.until("the two instances to share the statements' partitions", Duration.ofSeconds(120),
                Duration.ofMillis(200), () -> a.streams().allRunning() && b.streams().allRunning()
                        && !own(a, ViewStores.STATEMENTS).isEmpty() && !own(b, ViewStores.STATEMENTS).isEmpty()
                        ? "split" : a.streams().states() + " " + b.streams().states(), "split"::equals);
        ArticlePublisher.Summary summary = Ingestion.ingest(List.of(SEEDS.toString()), a.reader(), a.publisher());
        assertThat(summary.rejected()).isZero();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void neitherInstanceAnswersWithTheOthersDataOnlyRetryable503sNamingTheRefusal() throws Exception {
        // Each instance's own stores answer its own secret: together they hold the seeds' three statements.
        List<JsonNode> ofA = new ArrayList<>();
        List<JsonNode> ofB = new ArrayList<>();
        // The same three ids on two polls in a row: a statement's id follows its canonical text, which can still grow
        // while reprints arrive, and a key read of an id seen just before such a change finds nothing.
        Set<String> previous = new TreeSet<>();
        Await.until("the seeds' three statements, settled, in the two instances' own partitions",
                Duration.ofSeconds(120), Duration.ofMillis(500), () -> {
                    ofA.clear();
                    ofB.clear();
                    local(a, SECRET_A, ViewStores.STATEMENTS).forEach(ofA::add);
                    local(b, SECRET_B, ViewStores.STATEMENTS).forEach(ofB::add);
                    Set<String> ids = new TreeSet<>();
                    ofA.forEach(s -> ids.add(s.path("id").asText()));
                    ofB.forEach(s -> ids.add(s.path("id").asText()));
                    boolean settled = ids.size() == 3 && ids.equals(previous);
                    previous.clear();
                    previous.addAll(ids);
                    return settled;
                }, settled -> settled);

        // A key read: answered where the key lives; forwarded to the other instance, refused there (401), so 503.
        for (JsonNode statement : ofA) {
            String path = "/api/statements/" + statement.path("id").asText();
            assertThat(get(a, path).statusCode()).as("A, own key").isEqualTo(200);
            assertRefusedByThePeer(get(b, path));
        }
        for (JsonNode statement : ofB) {
            String path = "/api/statements/" + statement.path("id").asText();
            assertThat(get(b, path).statusCode()).as("B, own key").isEqualTo(200);
            assertRefusedByThePeer(get(a, path));
        }
        // A list needs both instances' partitions: neither can answer it.
        assertRefusedByThePeer(get(a, "/api/statements"));
        assertRefusedByThePeer(get(b, "/api/statements"));
        // And a peer's secret opens nothing on the other instance's internal endpoints.
        assertThat(internal(a, SECRET_B, ViewStores.STATEMENTS, own(a, ViewStores.STATEMENTS)).statusCode())
                .isEqualTo(401);
        assertThat(internal(b, SECRET_A, ViewStores.STATEMENTS, own(b, ViewStores.STATEMENTS)).statusCode())
                .isEqualTo(401);
    }

    private static void assertRefusedByThePeer(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("retryable").asBoolean()).isTrue();
        assertThat(problem.path("message").asText()).contains("answered 401");
        assertThat(answer.body()).doesNotContain("\"text\"").doesNotContain("reprints");
    }

    /** The partitions of the store this instance holds active. */
    private static Set<Integer> own(ParleyNode node, ViewStore store) {
        return node.streams().stage(store.stage()).streamsMetadataForStore(store.name()).stream()
                .filter(m -> m.hostInfo().port() == node.httpPort())
                .flatMap(m -> m.topicPartitions().stream()).map(tp -> tp.partition())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode local(ParleyNode node, String secret, ViewStore store) throws Exception {
        Set<Integer> partitions = own(node, store);
        if (partitions.isEmpty()) {
            return JSON.createArrayNode();
        }
        HttpResponse<String> answer = internal(node, secret, store, partitions);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> internal(ParleyNode node, String secret, ViewStore store,
                                                 Set<Integer> partitions) throws Exception {
        String list = partitions.stream().map(String::valueOf).collect(Collectors.joining(","));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                                + HttpRemoteViews.INTERNAL_PREFIX + store.name() + "/all?partitions=" + list))
                        .header(HttpRemoteViews.FORWARDED_HEADER, "test").header(HttpRemoteViews.SECRET_HEADER, secret)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ParleyNode node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
