package dev.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.config.ParleyConfig;
import dev.parley.ingest.ArticleReader;
import dev.parley.ingest.IngestLimits;
import dev.parley.kafka.StreamsRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body limit holds while the body is read: a huge chunked body is refused without ever being held in memory. */
@Tag("integration")
class BodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 2 * 1024 * 1024;
    private static final String TOKEN = "t0ken";

    @TempDir
    Path dataDir;
    private ApiServer api;

    @BeforeEach
    void start() {
        StreamsRuntime noStages = StreamsRuntime.start(ParleyConfig.of(Map.of("parley.data.dir", dataDir.toString())),
                List.of(), null);
        api = new ApiServer(new ApiServer.Settings("127.0.0.1", 0, Optional.of(TOKEN), LIMIT), noStages,
                new ArticleReader(IngestLimits.defaults(), Clock.systemUTC()), null, new StatusPage(Map.of(), List.of()))
                .start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aFourHundredMegabyteChunkedBodyIsRefusedWithoutGrowingTheHeap() throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = used(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        AtomicLong sent = new AtomicLong();
        String response;
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nContent-Type: application/json"
                    + "\r\nAuthorization: Bearer " + TOKEN + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // A little over the limit, then nothing: the answer must come without the rest of the body.
            streamChunks(out, LIMIT + 1024 * 1024, sent);
            out.flush();
            response = answer.get(30, TimeUnit.SECONDS);
            // The client goes on to 400 MB regardless (Jetty discards what still arrives, keeping none of it).
            streamChunks(out, 400L * 1024 * 1024, sent);
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("body limit: sent %d MiB chunked, peak heap %d MiB over %d MiB before%n", sent.get() >> 20,
                peak >> 20, before >> 20);

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response.toLowerCase()).contains("content-type: application/json");
        JsonNode problem = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("reason").asText()).isEqualTo("TOO_LARGE");
        // Peak heap over the whole request, against the heap in use before it (pools' peaks add up, so this is an
        // upper bound): far below the body, which is the point; a few limits' worth of buffers at most.
        assertThat(peak - before).as("peak heap growth, bytes (sent %d)", sent.get()).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aFourHundredMegabyteChunkedBodyToARouteThatReadsNoBodyIsNeverHeldEither() throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = used(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sent = new AtomicLong();
        String response;
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /health/live HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // Jetty answers (no such POST route) and discards or refuses what follows: the client sends it regardless.
            streamChunks(out, 400L * 1024 * 1024, sent);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            response = answer.get(120, TimeUnit.SECONDS);
        } catch (IOException closedByTheServer) {
            response = "closed";
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("unread body: sent %d MiB chunked, peak heap %d MiB over %d MiB before%n", sent.get() >> 20,
                peak >> 20, before >> 20);
        assertThat(response).startsWith("HTTP/1.1 404");
        assertThat(peak - before).as("peak heap growth, bytes (sent %d)", sent.get()).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1:" + api.port() + "\r\nContent-Type: application/json"
                    + "\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = readAll(socket);
            assertThat(response).startsWith("HTTP/1.1 413").contains("\"TOO_LARGE\"");
        }
    }

    /** Sends chunks made up on the fly until {@code sent} reaches {@code total} or the server closes. */
    private static void streamChunks(OutputStream out, long total, AtomicLong sent) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try {
            while (sent.get() < total) {
                out.write(head);
                out.write(chunk);
                out.write(tail);
                sent.addAndGet(chunk.length);
            }
        } catch (IOException closedByTheServer) {
            // the server answered and closed the connection
        }
    }

    private static String readAll(Socket socket) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer: what was read is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
