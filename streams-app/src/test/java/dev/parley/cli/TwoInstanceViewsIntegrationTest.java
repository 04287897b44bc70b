package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.kafka.ArticlePublisher;
import dev.parley.testing.Await;
import dev.parley.views.HttpRemoteViews;
import dev.parley.views.ViewStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Parley instances in one JVM against ONE broker and registry, with the same application id, different HTTP
 * ports and state directories: the stores' partitions are split between them, and either answers any article id
 * and any statement, fetching from the owner when the key lives on the other. When one instance leaves, the other
 * answers 503 + Retry-After until it has taken the partitions over, never a wrong 404.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceViewsIntegrationTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir", "../shared/seeds"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    static ParleyNode a;
    static ParleyNode b;
    static final Map<String, String> seedIdByFile = new HashMap<>();
    static final String SECRET = "two-instances-share-this-secret";

    @BeforeAll
    static void startTwoInstancesAndIngestTheSeeds() throws Exception {
        PrintStream errors = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        a = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dataA.toString(), "parley.kafka.port", "0",
                "parley.registry.port", "0", "parley.http.port", "0", ParleyNode.INTERNAL_SECRET, SECRET)), errors);
        b = ParleyNode.start(ParleyConfig.of(Map.of("parley.data.dir", dataB.toString(), "parley.http.port", "0",
                ParleyNode.INTERNAL_SECRET, SECRET,
                ParleyConfig.BOOTSTRAP_SERVERS, a.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                ParleyConfig.SCHEMA_REGISTRY_URL, a.registryUrl().orElseThrow())), errors);
        awaitSplit();

        ArticlePublisher.Summary summary = Ingestion.ingest(List.of(SEEDS.toString()), a.reader(), a.publisher());
        assertThat(summary.rejected()).isZero();
        a.reader().readPaths(List.of(SEEDS), outcome -> {
            var article = ((dev.parley.ingest.IngestOutcome.Accepted) outcome).article();
            seedIdByFile.put(Path.of(article.getSource().getOrigin()).getFileName().toString().substring(0, 3),
                    article.getId());
        });
        assertThat(seedIdByFile).hasSize(5);
    }

    /** Waits until both instances run and each holds active partitions of the catalog and of the views. */
    private static void awaitSplit() {
        Await.until("the two instances to share the partitions", Duration.ofSeconds(120), Duration.ofMillis(200),
                () -> a.streams().allRunning() && b.streams().allRunning()
                        && hostsOf(a, ViewStores.ARTICLES).size() == 2 && hostsOf(a, ViewStores.STATEMENTS).size() == 2
                        && hostsOf(b, ViewStores.ARTICLES).size() == 2
                        ? "split" : a.streams().states() + " " + b.streams().states(),
                "split"::equals);
    }

    private static Set<HostInfo> hostsOf(ParleyNode node, dev.parley.views.ViewStore store) {
        return node.streams().stage(store.stage()).streamsMetadataForStore(store.name()).stream()
                .filter(m -> !m.topicPartitions().isEmpty()).map(StreamsMetadata::hostInfo).collect(Collectors.toSet());
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
    @Order(1)
    void eitherInstanceAnswersEveryArticleWithItsDedupProvenance() throws Exception {
        for (var seed : seedIdByFile.entrySet()) {
            JsonNode fromA = awaitJson(a, "/api/articles/" + seed.getValue(),
                    j -> j.path("dedup").path("status").asText().equals("UNIQUE"));
            JsonNode fromB = awaitJson(b, "/api/articles/" + seed.getValue(),
                    j -> j.path("dedup").path("status").asText().equals("UNIQUE"));
            assertThat(Path.of(fromA.path("source").path("origin").asText()).getFileName().toString())
                    .startsWith(seed.getKey() + "_");
            assertThat(fromB.path("id").asText()).isEqualTo(seed.getValue());
            assertThat(fromB.path("dedup").path("clusterId").asText()).isEqualTo(seed.getValue());
            assertThat(fromB.path("dedup").path("copies")).isEmpty();
        }
        // Both instances own part of the catalog, so some of these answers were forwarded.
        assertThat(hostsOf(a, ViewStores.ARTICLES)).hasSize(2);
    }

    @Test
    @Order(2)
    void eitherInstanceListsTheThreeSeedStatementsAndAnswersEachOne() throws Exception {
        JsonNode fromA = awaitJson(a, "/api/statements", j -> j.path("count").asInt() == 3);
        JsonNode fromB = awaitJson(b, "/api/statements", j -> j.path("count").asInt() == 3);
        assertThat(fromB.path("statements")).isEqualTo(fromA.path("statements"));

        Set<Set<String>> reprintFiles = new java.util.HashSet<>();
        for (JsonNode statement : fromA.path("statements")) {
            Set<String> files = new TreeSet<>();
            for (JsonNode reprint : statement.path("reprints")) {
                assertThat(reprint.path("articleId").asText()).isNotEmpty();
                String origin = reprint.path("origin").asText();
                files.add(Path.of(origin).getFileName().toString().substring(0, 3));
            }
            assertThat(statement.path("reprintCount").asInt()).as(statement.toString()).isEqualTo(files.size());
            reprintFiles.add(files);
            String id = statement.path("id").asText();
            assertThat(get(a, "/api/statements/" + id).statusCode()).isEqualTo(200);
            assertThat(get(b, "/api/statements/" + id).statusCode()).isEqualTo(200);
        }
        // SEEDS.md "Repeated reports".
        assertThat(reprintFiles).containsExactlyInAnyOrder(Set.of("001", "002", "004"), Set.of("000", "003"),
                Set.of("002", "004"));

        // The other way round: an article lists the statements it carries, with the other reprints' origins.
        JsonNode article = awaitJson(b, "/api/articles/" + seedIdByFile.get("004"),
                j -> j.path("statements").size() == 2);
        for (JsonNode carried : article.path("statements")) {
            assertThat(carried.path("otherReprints")).isNotEmpty();
            carried.path("otherReprints").forEach(o -> assertThat(o.path("origin").asText()).contains("_"));
            assertThat(carried.path("regions")).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path("charEnd").asInt()).isGreaterThan(r.path("charStart").asInt()));
        }
        assertThat(awaitJson(a, "/api/statements?asOf=2026-01-14", j -> true).path("count").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void eitherInstanceListsTheSeedEventsAndCommitmentsWithTheirSources() throws Exception {
        // What the engagement stage finds is its own tests' business; here: either instance lists the same events
        // and commitments, each event with its sources, and the filters select what they say.
        // Settled: every stage has consumed all it was given (an unchanged list alone can be a pause under load),
        // both instances list the same events, and A's list did not change since the previous look.
        TopicSnapshots.awaitCaughtUp(a.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                List.of("parley.catalog", "parley.dedup", "parley.engagement", "parley.views"), Duration.ofMinutes(3));
        JsonNode[] previous = new JsonNode[1];
        JsonNode[] settled = Await.until("both instances to list the same settled MX-US events", Duration.ofSeconds(120),
                Duration.ofSeconds(1), () -> new JsonNode[]{json(a, "/api/events?dyad=MX-US"),
                        json(b, "/api/events?dyad=MX-US")}, pair -> {
                    boolean stable = pair[0].path("events").equals(previous[0]);
                    previous[0] = pair[0].path("events");
                    return stable && pair[0].path("count").asInt() > 0
                            && pair[1].path("events").equals(pair[0].path("events"));
                });
        JsonNode fromA = settled[0];
        JsonNode fromB = settled[1];
        assertThat(fromB.path("events")).isEqualTo(fromA.path("events"));
        List<String> summary = new ArrayList<>();
        int byThe13th = 0;
        for (JsonNode event : fromA.path("events")) {
            summary.add(event.path("date").asText() + " " + event.path("kind").asText());
            byThe13th += event.path("date").asText().compareTo("2026-01-13") <= 0 ? 1 : 0;
            assertThat(event.path("dyads").toString()).contains("MX-US");
            assertThat(event.path("sources")).isNotEmpty().allSatisfy(source -> {
                assertThat(source.path("articleId").asText()).isIn(seedIdByFile.values());
                assertThat(source.path("origin").asText()).contains("_");
            });
            String id = event.path("id").asText();
            assertThat(get(a, "/api/events/" + id).statusCode()).isEqualTo(200);
            assertThat(get(b, "/api/events/" + id).statusCode()).isEqualTo(200);
        }
        System.out.println("MX-US events on two instances: " + summary);
        assertThat(awaitJson(b, "/api/events?dyad=MX-US&asOf=2026-01-13", j -> true).path("count").asInt())
                .isEqualTo(byThe13th);
        assertThat(awaitJson(a, "/api/events?kind=THREAT", j -> true).path("events"))
                .allSatisfy(e -> assertThat(e.path("kinds").toString()).contains("THREAT"));

        JsonNode commitments = awaitJson(a, "/api/commitments", j -> j.path("count").asInt() > 0);
        assertThat(awaitJson(b, "/api/commitments", j -> true).path("commitments"))
                .isEqualTo(commitments.path("commitments"));
        assertThat(awaitJson(b, "/api/commitments?status=SCHEDULED", j -> true).path("commitments"))
                .allSatisfy(c -> assertThat(c.path("status").asText()).isEqualTo("SCHEDULED"));
        Map<String, String> eventDates = new HashMap<>();
        awaitJson(a, "/api/events", j -> true).path("events")
                .forEach(e -> eventDates.put(e.path("id").asText(), e.path("date").asText()));
        long agreedBy13th = 0;
        for (JsonNode c : commitments.path("commitments")) {
            agreedBy13th += eventDates.getOrDefault(c.path("agreedAtEventId").asText(), "9999").compareTo("2026-01-13") <= 0 ? 1 : 0;
        }
        assertThat(awaitJson(b, "/api/commitments?asOf=2026-01-13", j -> true).path("count").asLong())
                .isEqualTo(agreedBy13th);
        // Filtered by dyad, the lists read one prefix of the dyad's partition (here or at its owner), not every
        // instance: the same as every event or commitment filtered by hand.
        List<JsonNode> mxUsByHand = new ArrayList<>();
        awaitJson(b, "/api/events", j -> true).path("events").forEach(e -> {
            if (e.path("dyads").toString().contains("\"MX-US\"")) {
                mxUsByHand.add(e);
            }
        });
        assertThat(fromA.path("events")).containsExactlyElementsOf(mxUsByHand);
        List<JsonNode> mxUsCommitments = new ArrayList<>();
        long mxUsAgreedBy13th = 0;
        for (JsonNode c : commitments.path("commitments")) {
            if (c.path("dyads").toString().contains("\"MX-US\"")) {
                mxUsCommitments.add(c);
                mxUsAgreedBy13th += eventDates.getOrDefault(c.path("agreedAtEventId").asText(), "9999")
                        .compareTo("2026-01-13") <= 0 ? 1 : 0;
            }
        }
        assertThat(mxUsCommitments).isNotEmpty();
        for (ParleyNode node : List.of(a, b)) {
            assertThat(awaitJson(node, "/api/commitments?dyad=us-mx", j -> true).path("commitments"))
                    .containsExactlyElementsOf(mxUsCommitments);
            assertThat(awaitJson(node, "/api/commitments?dyad=MX-US&asOf=2026-01-13", j -> true).path("count")
                    .asLong()).isEqualTo(mxUsAgreedBy13th);
        }
        assertThat(get(a, "/api/events?from=yesterday").statusCode()).isEqualTo(400);

        // The dyad state: the same events, once each with their sources; as of 13 January only those dated by then.
        int settledCount = fromA.path("count").asInt();
        JsonNode dyad = awaitJson(b, "/api/dyads/us-mx", j -> j.path("eventCount").asInt() == settledCount);
        assertThat(dyad.path("dyad").asText()).isEqualTo("MX-US");
        List<String> eventIds = new ArrayList<>();
        fromA.path("events").forEach(e -> eventIds.add(e.path("id").asText()));
        assertThat(dyad.path("events")).extracting(e -> e.path("id").asText()).containsExactlyElementsOf(eventIds);
        for (int i = 0; i < eventIds.size(); i++) {
            assertThat(dyad.path("events").get(i).path("sources")).extracting(s -> s.path("articleId").asText() + " "
                    + s.path("origin").asText()).containsExactlyElementsOf(sourceLines(fromA.path("events").get(i)));
        }
        assertThat(awaitJson(a, "/api/dyads/MX-US", j -> true)).isEqualTo(dyad);
        JsonNode early = awaitJson(a, "/api/dyads/MX-US?asOf=2026-01-13", j -> true);
        assertThat(early.path("asOf").asText()).isEqualTo("2026-01-13");
        assertThat(early.path("eventCount").asInt()).isEqualTo(byThe13th);
        assertThat(early.path("openCommitments").size() + early.path("pastCommitments").size()).isEqualTo((int) agreedBy13th);
        assertThat(awaitJson(b, "/api/dyads", j -> true).path("dyads")).extracting(d -> d.path("dyad").asText())
                .contains("MX-US");
        assertThat(get(a, "/api/dyads/MEX-USA").statusCode()).isEqualTo(400);
        assertThat(get(a, "/api/dyads/MX-US?asOf=2025-12-01").statusCode()).isEqualTo(404);

        // Issue 5's acceptance on the seeds (SEEDS.md): E1–E6 once each with the articles that report them, both
        // meetings scheduled; as of 13 January E6, E1 and E2 only and no commitment yet.
        assertThat(dyad.path("eventCount").asInt()).isEqualTo(6);
        Map<String, Set<String>> reportedBy = new java.util.LinkedHashMap<>();
        for (JsonNode event : dyad.path("events")) {
            Set<String> files = new TreeSet<>();
            event.path("sources").forEach(s -> files.add(Path.of(s.path("origin").asText()).getFileName().toString()
                    .substring(0, 3)));
            reportedBy.put(event.path("date").asText() + " " + event.path("kind").asText(), files);
        }
        System.out.println("MX-US dyad state, events and their source files: " + reportedBy);
        assertThat(reportedBy.keySet()).containsExactly("2026-01-05 THREAT", "2026-01-11 CONSULT_CALL",
                "2026-01-12 CONSULT_CALL", "2026-01-15 CONSULT_CALL", "2026-01-16 DEMAND", "2026-01-16 STATEMENT");
        // SEEDS.md "reported by" (E1 000+003, E2 003, E3 001+002+004, E4 002+004, E5 002, E6 003).
        assertThat(List.copyOf(reportedBy.values())).satisfiesExactly(
                e6 -> assertThat(e6).contains("003"), e1 -> assertThat(e1).contains("000", "003"),
                e2 -> assertThat(e2).contains("003"), e3 -> assertThat(e3).contains("001", "002", "004"),
                e4 -> assertThat(e4).contains("002", "004"), e5 -> assertThat(e5).contains("002"));
        assertThat(dyad.path("openCommitments")).hasSize(2)
                .allSatisfy(c -> assertThat(c.path("status").asText()).isEqualTo("SCHEDULED"));
        assertThat(early.path("events")).extracting(e -> e.path("date").asText() + " " + e.path("kind").asText())
                .containsExactly("2026-01-05 THREAT", "2026-01-11 CONSULT_CALL", "2026-01-12 CONSULT_CALL");
        assertThat(early.path("openCommitments")).isEmpty();
        assertThat(early.path("pastCommitments")).isEmpty();

        // That as-of answer is the versioned store's: its owner answers the internal as-of read of
        // parley-dyad-history (IQv2 VersionedKeyQuery), and that is what the API returned.
        KeyQueryMetadata owner = a.streams().stage(ViewStores.DYAD_HISTORY.stage()).queryMetadataForKey(
                ViewStores.DYAD_HISTORY.name(), "MX-US", Serdes.String().serializer());
        ParleyNode ownerNode = owner.activeHost().port() == a.httpPort() ? a : b;
        HttpResponse<String> internal = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ownerNode.httpPort() + "/internal/views/parley-dyad-history/get?key=MX-US&asOf=2026-01-13&partition="
                + owner.partition())).header("X-Parley-Forwarded-By", "test")
                .header(HttpRemoteViews.SECRET_HEADER, SECRET).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(internal.statusCode()).as(internal.body()).isEqualTo(200);
        assertThat(JSON.readTree(internal.body())).isEqualTo(early);
        // …and, asked of the instance that does not own MX-US, it is forwarded to the owner.
        ParleyNode other = ownerNode == a ? b : a;
        assertThat(awaitJson(other, "/api/dyads/MX-US?asOf=2026-01-13", j -> true)).isEqualTo(early);

        // All dyads as of a day: one versioned read per known dyad, gathered from both instances.
        JsonNode allEarly = awaitJson(b, "/api/dyads?asOf=2026-01-13", j -> true);
        assertThat(allEarly.path("asOf").asText()).isEqualTo("2026-01-13");
        JsonNode mxUsEarly = null;
        for (JsonNode d : allEarly.path("dyads")) {
            assertThat(d.path("events").isMissingNode()).isTrue();
            if (d.path("dyad").asText().equals("MX-US")) {
                mxUsEarly = d;
            }
        }
        assertThat(mxUsEarly).isNotNull();
        assertThat(mxUsEarly.path("eventCount").asInt()).isEqualTo(3);
        assertThat(mxUsEarly.path("countsByKind")).isEqualTo(early.path("countsByKind"));
        assertThat(awaitJson(a, "/api/dyads?asOf=2026-01-13", j -> true)).isEqualTo(allEarly);

        // Downstream: the compacted dyad-state topic, materialised by a plain consumer, says what the API says.
        Map<String, JsonNode> materialised = materialiseDyadStates();
        assertThat(materialised.get("MX-US")).isEqualTo(dyad);
    }

    /** Reads parley.engagement.dyad-state from the start with a plain consumer; the latest value per dyad. */
    private static Map<String, JsonNode> materialiseDyadStates() {
        Map<String, Object> config = new HashMap<>(a.config().clientConfig());
        config.put("group.id", "dyad-state-reader-" + System.nanoTime());
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        Map<String, JsonNode> latest = new HashMap<>();
        var keys = dev.parley.kafka.serde.AvroSerdes.key(String.class, a.config().clientConfig()).deserializer();
        var values = dev.parley.kafka.serde.AvroSerdes.value(dev.parley.avro.DyadState.class, a.config().clientConfig())
                .deserializer();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dev.parley.kafka.ParleyTopics.DYAD_STATE));
            long deadline = System.currentTimeMillis() + 15_000;
            int idle = 0;
            while (System.currentTimeMillis() < deadline && (latest.isEmpty() || idle < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (var record : records) {
                    String key = keys.deserialize(record.topic(), record.key());
                    var value = values.deserialize(record.topic(), record.value());
                    if (value == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, JSON.valueToTree(dev.parley.views.ViewJson.record(value)));
                    }
                }
            }
        }
        return latest;
    }

    private static List<String> sourceLines(JsonNode event) {
        List<String> lines = new ArrayList<>();
        event.path("sources").forEach(s -> lines.add(s.path("articleId").asText() + " " + s.path("origin").asText()));
        return lines;
    }

    @Test
    @Order(4)
    void eitherInstanceAnswersEveryActorOfTheSeedEvents() throws Exception {
        JsonNode actors = awaitJson(a, "/api/actors", j -> j.path("count").asInt() > 0);
        assertThat(awaitJson(b, "/api/actors", j -> true)).isEqualTo(actors);
        Set<String> names = new TreeSet<>();
        for (JsonNode actor : actors.path("actors")) {
            String id = actor.path("actorId").asText();
            names.add(actor.path("name").asText());
            // Each actor lives on one instance: asked of both, one of the answers is forwarded.
            JsonNode fromA = awaitJson(a, "/api/actors/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8), j -> true);
            JsonNode fromB = awaitJson(b, "/api/actors/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8), j -> true);
            assertThat(fromB).isEqualTo(fromA);
            assertThat(fromA.path("eventCount").asInt()).isEqualTo(fromA.path("events").size()).isPositive();
            assertThat(fromA.path("lastSeen").asText()).isEqualTo(
                    fromA.path("events").get(fromA.path("events").size() - 1).path("date").asText());
        }
        System.out.println("Actors of the seed events: " + names);
        assertThat(names).contains("Marco Rubio", "Claudia Sheinbaum");
        JsonNode rubio = null;
        for (JsonNode actor : actors.path("actors")) {
            if (actor.path("name").asText().equals("Marco Rubio")) {
                rubio = awaitJson(b, "/api/actors/" + java.net.URLEncoder.encode(actor.path("actorId").asText(),
                        StandardCharsets.UTF_8), j -> true);
            }
        }
        assertThat(rubio.path("country").asText()).isEqualTo("US");
        assertThat(rubio.path("events")).extracting(e -> e.path("date").asText()).contains("2026-01-11", "2026-01-15");
        assertThat(get(a, "/api/actors/nobody-at-all").statusCode()).isEqualTo(404);
        assertThat(get(b, "/api/actors/nobody-at-all").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void forwardedQueriesAreMeasuredAgainstLocalOnes() throws Exception {
        JsonNode statements = awaitJson(a, "/api/statements", j -> j.path("count").asInt() == 3);
        List<Long> local = new ArrayList<>();
        List<Long> forwarded = new ArrayList<>();
        List<Long> articles = new ArrayList<>();
        var keySerializer = dev.parley.kafka.serde.AvroSerdes.key(String.class, a.config().clientConfig()).serializer();
        for (int round = 0; round < 40; round++) {
            // Asked of both instances, every statement is local on one and forwarded by the other.
            for (ParleyNode node : List.of(a, b)) {
                KafkaStreams views = node.streams().stage(ViewStores.STATEMENTS.stage());
                HostInfo self = new HostInfo("127.0.0.1", node.httpPort());
                for (JsonNode statement : statements.path("statements")) {
                    String id = statement.path("id").asText();
                    KeyQueryMetadata owner = views.queryMetadataForKey(ViewStores.STATEMENTS.name(), id, keySerializer);
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(node, "/api/statements/" + id);
                    long micros = (System.nanoTime() - start) / 1000;
                    assertThat(response.statusCode()).isEqualTo(200);
                    (owner.activeHost().equals(self) ? local : forwarded).add(micros);
                }
            }
            for (String id : seedIdByFile.values()) {
                long start = System.nanoTime();
                assertThat(get(a, "/api/articles/" + id).statusCode()).isEqualTo(200);
                articles.add((System.nanoTime() - start) / 1000);
            }
        }
        // The dyad state, current (key-value store) and as of 13 January (versioned store, IQv2), local and forwarded.
        KeyQueryMetadata dyadOwner = a.streams().stage(ViewStores.DYADS.stage()).queryMetadataForKey(
                ViewStores.DYADS.name(), "MX-US", Serdes.String().serializer());
        Map<String, List<Long>> dyadReads = new java.util.LinkedHashMap<>();
        for (int round = 0; round < 100; round++) {
            for (ParleyNode node : List.of(a, b)) {
                String where = dyadOwner.activeHost().port() == node.httpPort() ? "local" : "forwarded";
                for (String path : List.of("/api/dyads/MX-US", "/api/dyads/MX-US?asOf=2026-01-13")) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(node, path);
                    long micros = (System.nanoTime() - start) / 1000;
                    assertThat(response.statusCode()).isEqualTo(200);
                    dyadReads.computeIfAbsent((path.contains("asOf") ? "as-of " : "current ") + where,
                            k -> new ArrayList<>()).add(micros);
                }
            }
            long start = System.nanoTime();
            assertThat(get(a, "/api/dyads?asOf=2026-01-13").statusCode()).isEqualTo(200);
            dyadReads.computeIfAbsent("all dyads as-of", k -> new ArrayList<>()).add((System.nanoTime() - start) / 1000);
        }
        StringBuilder dyadReport = new StringBuilder();
        dyadReads.forEach((what, micros) -> dyadReport.append(String.format(Locale.ROOT,
                "%nGET dyad %s: p50 %d µs p99 %d µs (n=%d)", what, quantile(micros, 0.5), quantile(micros, 0.99),
                micros.size())));
        assertThat(dyadReads.get("as-of local")).hasSize(100);
        assertThat(dyadReads.get("as-of forwarded")).hasSize(100);

        String report = String.format(Locale.ROOT, "GET /api/statements/{id}: local p50 %d µs p90 %d µs "
                + "(n=%d), forwarded p50 %d µs p90 %d µs (n=%d); GET /api/articles/{id} (2 routed reads, "
                + "mixed owners) p50 %d µs p90 %d µs (n=%d)", quantile(local, 0.5), quantile(local, 0.9), local.size(),
                quantile(forwarded, 0.5), quantile(forwarded, 0.9), forwarded.size(), quantile(articles, 0.5),
                quantile(articles, 0.9), articles.size()) + dyadReport;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/view-latencies.txt"), report + System.lineSeparator());
        assertThat(local).hasSize(40 * 3);
        assertThat(forwarded).hasSize(40 * 3);
        assertThat(articles).hasSize(40 * 5);
    }

    @Test
    @Order(6)
    void aClientOfEitherInstanceSeesEveryChangeOnTheFeed() throws Exception {
        JsonNode statements = awaitJson(a, "/api/statements", j -> j.path("count").asInt() == 3);
        HttpResponse<java.io.InputStream> feed = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + b.httpPort() + "/api/feed?types=statement"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        java.util.concurrent.BlockingQueue<String> data = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(feed.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(": connected")) {
                        subscribed.countDown();
                    }
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                    }
                }
            } catch (Exception ignored) {
                // closed at the end
            }
        });
        reader.setDaemon(true);
        reader.start();
        // The server says "connected" once it holds the client; the feed subscribes right after, long before the
        // posted article can travel through the stages.
        Await.until("the feed to register its client", Duration.ofSeconds(30), () -> subscribed.getCount() == 0);
        String passage = statements.path("statements").get(0).path("text").asText();
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + a.httpPort() + "/api/articles")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + a.ingestToken().orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(ReprintingArticle.json("Otra reimpresión", "Diario Dos",
                        "2026-01-17", passage))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        String newId = JSON.readTree(posted.body()).path("id").asText();
        // Ingested through A; the statement's update reaches B's client, with the new reprint as a source.
        Await.until("a statement event naming the new reprint on B's feed", Duration.ofSeconds(60), Duration.ZERO,
                () -> {
                    String line = data.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                    boolean seen = false;
                    if (line != null) {
                        for (JsonNode reprint : JSON.readTree(line).path("data").path("reprints")) {
                            seen |= reprint.path("articleId").asText().equals(newId);
                        }
                    }
                    return seen;
                });
        feed.body().close();
    }

    @Test
    @Order(7)
    void theInstancesAnswerEachOtherOnlyWithTheSharedSecret() throws Exception {
        // Both answered every read of the tests above through each other with the secret; without it, refused.
        for (ParleyNode node : List.of(a, b)) {
            for (Map<String, String> headers : List.of(Map.of("X-Parley-Forwarded-By", "anyone"),
                    Map.of("X-Parley-Forwarded-By", ""),
                    Map.of("X-Parley-Forwarded-By", "x", HttpRemoteViews.SECRET_HEADER, SECRET.toUpperCase(Locale.ROOT)))) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                        + "/internal/views/parley-articles/all?partitions=0,1,2,3"));
                headers.forEach(request::header);
                HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(headers.toString()).isEqualTo(401);
                assertThat(answer.body()).doesNotContain("body");
            }
        }
        // A third instance of the same cluster without the secret does not start (nothing joins the groups).
        Path dataC = Files.createTempDirectory("parley-c");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ParleyNode.start(ParleyConfig.of(Map.of(
                        "parley.data.dir", dataC.toString(), "parley.http.port", "0",
                        ParleyConfig.BOOTSTRAP_SERVERS, a.config().require(ParleyConfig.BOOTSTRAP_SERVERS),
                        ParleyConfig.SCHEMA_REGISTRY_URL, a.registryUrl().orElseThrow())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parley.http.internal.secret");
    }

    @Test
    @Order(8)
    void whenAnInstanceLeavesTheOtherAnswers503UntilItOwnsEverythingNeverA404() throws Exception {
        List<String> ids = new ArrayList<>(seedIdByFile.values());
        b.close();
        b = null;
        Map<Integer, Integer> statuses = new HashMap<>();
        long left = System.nanoTime();
        // no pause between rounds: the report measures how soon A answers everything
        Await.until("A to answer every article after B left", Duration.ofSeconds(120), Duration.ZERO, () -> {
            boolean allAnswered = true;
            for (String id : ids) {
                HttpResponse<String> response = get(a, "/api/articles/" + id);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
                if (response.statusCode() == 503) {
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                    assertThat(JSON.readTree(response.body()).path("retryable").asBoolean()).isTrue();
                    allAnswered = false;
                }
            }
            return allAnswered;
        });
        String report = String.format(Locale.ROOT, "After B left, A answered 503 + Retry-After until it owned every "
                + "partition: %d ms; statuses seen %s", (System.nanoTime() - left) / 1_000_000, statuses);
        System.out.println(report);
        Files.writeString(Path.of("target/view-latencies.txt"), report + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static long quantile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static HttpResponse<String> get(ParleyNode node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(ParleyNode node, String path) throws Exception {
        HttpResponse<String> response = get(node, path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode awaitJson(ParleyNode node, String path, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        return Await.until(path + " to become ready", Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
            HttpResponse<String> response = get(node, path);
            assertThat(response.statusCode()).as(path + " → " + response.body()).isIn(200, 404, 503);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }, done);
    }
}
