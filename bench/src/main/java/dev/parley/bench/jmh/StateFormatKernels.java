package dev.parley.bench.jmh;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.dedup.store.StoredArticle;
import dev.parley.dedup.stream.DedupStateFormats;
import dev.parley.kafka.serde.StateFormat;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedup stage's article store values (the largest of its JSON state) through the state envelope, against the
 * plain lenient mapper the builds before it used; and version 0 bytes, read through the upgrade path (JSON tree).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StateFormatKernels {

    private static final StateFormat<StoredArticle> FORMAT = DedupStateFormats.STORED_ARTICLE;
    private static final ObjectMapper VERSION_ZERO = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private List<StoredArticle> articles;
    private List<byte[]> current;
    private List<byte[]> legacy;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        articles = KernelInputs.articles(100).stream().map(a -> new StoredArticle(a.getId(),
                a.getPublishedAt().toEpochMilli(), a.getTitle() + "\n\n" + a.getBody())).toList();
        current = articles.stream().map(FORMAT::write).toList();
        legacy = articles.stream().map(a -> {
            try {
                return VERSION_ZERO.writeValueAsBytes(a);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private int next() {
        next = (next + 1) % articles.size();
        return next;
    }

    @Benchmark
    public byte[] writeEnvelope() {
        return FORMAT.write(articles.get(next()));
    }

    @Benchmark
    public byte[] writeBeforeTheEnvelope() throws IOException {
        return VERSION_ZERO.writeValueAsBytes(articles.get(next()));
    }

    @Benchmark
    public StoredArticle readCurrentVersion() {
        return FORMAT.read(current.get(next()));
    }

    @Benchmark
    public StoredArticle readVersionZeroThroughTheUpgrade() {
        return FORMAT.read(legacy.get(next()));
    }

    @Benchmark
    public StoredArticle readBeforeTheEnvelope() throws IOException {
        return VERSION_ZERO.readValue(legacy.get(next()), StoredArticle.class);
    }
}
