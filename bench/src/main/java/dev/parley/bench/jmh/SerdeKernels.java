package dev.parley.bench.jmh;

import dev.parley.avro.Article;
import dev.parley.kafka.serde.AvroDeserializer;
import dev.parley.kafka.serde.AvroSerializer;
import dev.parley.kafka.serde.AvroTrust;
import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
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
 * Parley's Avro serde on generated articles, per record: what every stage pays on every topic it writes or reads.
 * The registry is in memory, so only the first record of the trial talks to it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SerdeKernels {

    private static final String TOPIC = "parley.articles.raw";

    private List<Article> articles;
    private List<byte[]> framed;
    private AvroSerializer<Article> serializer;
    private AvroDeserializer<Article> deserializer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        AvroTrust.trustParleyContracts(); // before any generated class is resolved (what configure() does)
        articles = KernelInputs.articles(100);
        SchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        serializer = new AvroSerializer<>(registry, false);
        deserializer = new AvroDeserializer<>(Article.class, registry);
        framed = articles.stream().map(a -> serializer.serialize(TOPIC, a)).toList();
    }

    @Benchmark
    public byte[] serializeArticle() {
        next = (next + 1) % articles.size();
        return serializer.serialize(TOPIC, articles.get(next));
    }

    @Benchmark
    public Article deserializeArticle() {
        next = (next + 1) % framed.size();
        return deserializer.deserialize(TOPIC, framed.get(next));
    }
}
