package dev.parley.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.avro.Article;
import dev.parley.avro.ArticleSource;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.SourceFormat;
import dev.parley.registry.InMemorySchemaRegistryClient;
import dev.parley.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "parley.articles.raw";

    private final SchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final AvroSerializer<Object> serializer = new AvroSerializer<>(registry, false);
    private final AvroDeserializer<Article> deserializer = new AvroDeserializer<>(Article.class, registry);

    static Article article() {
        return Article.newBuilder()
                .setId("0123456789abcdef0123456789abcdef")
                .setSource(ArticleSource.newBuilder().setOrigin("seeds/001.txt").setFormat(SourceFormat.TEXT)
                        .setOutlet("El Diario").build())
                .setTitle("Llamada")
                .setBody("El canciller conversó con el secretario de Estado.")
                .setLanguage("es")
                .setPublishedAt(Instant.parse("2026-01-15T00:00:00Z"))
                .setPublishedPrecision(DatePrecision.DAY)
                .setPublishedAtSource(DateSource.DATELINE)
                .setIngestedAt(Instant.parse("2026-11-23T10:00:00Z"))
                .setContentHash("ab".repeat(32))
                .setMetadata(Map.of("k", "v"))
                .build();
    }

    @Test
    void writesMagicByteThenBigEndianSchemaIdThenPlainAvroBinary() throws Exception {
        Article article = article();
        byte[] framed = serializer.serialize(TOPIC, article);

        int id = registry.latest(TOPIC + "-value").id();
        assertThat(framed[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new SpecificDatumWriter<Article>(Article.getClassSchema()).write(article, encoder);
        encoder.flush();
        assertThat(Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(expected.toByteArray());
    }

    @Test
    void roundTripsArticlesAndStringKeys() {
        Article article = article();
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, article))).isEqualTo(article);

        AvroSerializer<String> keySerializer = new AvroSerializer<>(registry, true);
        AvroDeserializer<String> keyDeserializer = new AvroDeserializer<>(String.class, registry);
        byte[] key = keySerializer.serialize(TOPIC, "abc");
        assertThat(keyDeserializer.deserialize(TOPIC, key)).isEqualTo("abc");
        assertThat(registry.latest(TOPIC + "-key").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(serializer.serialize(TOPIC, null)).isNull();
    }

    @Test
    void newerReaderReadsRecordsWrittenWithAnOlderSchema() throws Exception {
        // An older Article without title/metadata, written by an older producer.
        Schema old = SchemaBuilder.record("Article").namespace("dev.parley.avro").fields()
                .requiredString("id")
                .name("source").type(Article.getClassSchema().getField("source").schema()).noDefault()
                .requiredString("body")
                .name("publishedAt").type(Article.getClassSchema().getField("publishedAt").schema()).noDefault()
                .name("ingestedAt").type(Article.getClassSchema().getField("ingestedAt").schema()).noDefault()
                .requiredString("contentHash")
                .endRecord();
        GenericRecord source = new GenericData.Record(old.getField("source").schema());
        source.put("origin", "feed#1");
        source.put("format", new GenericData.EnumSymbol(source.getSchema().getField("format").schema(), "RSS"));
        GenericRecord record = new GenericData.Record(old);
        record.put("id", "x1");
        record.put("source", source);
        record.put("body", "texto");
        record.put("publishedAt", 1_768_435_200_000L);
        record.put("ingestedAt", 1_768_435_200_000L);
        record.put("contentHash", "00");

        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(payload, null);
        new GenericDatumWriter<GenericRecord>(old).write(record, encoder);
        encoder.flush();
        int oldId = registry.register(TOPIC + "-value", old);

        Article read = deserializer.deserialize(TOPIC, ConfluentWireFormat.frame(oldId, payload.toByteArray()));
        assertThat(read.getId()).isEqualTo("x1");
        assertThat(read.getTitle()).isNull();
        assertThat(read.getLanguage()).isEqualTo("und");
        assertThat(read.getPublishedPrecision()).isEqualTo(DatePrecision.UNKNOWN);
        assertThat(read.getMetadata()).isEmpty();
        assertThat(read.getSource().getFormat()).isEqualTo(SourceFormat.RSS);
    }

    @Test
    void badMagicByteUnknownIdAndTruncatedPayloadAreClearErrors() {
        byte[] framed = serializer.serialize(TOPIC, article());

        byte[] badMagic = framed.clone();
        badMagic[0] = 7;
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, badMagic))
                .isInstanceOf(ConfluentWireFormat.UnknownMagicByteException.class)
                .hasMessageContaining("Unknown magic byte 0x07");

        byte[] unknownId = ConfluentWireFormat.frame(9999, Arrays.copyOfRange(framed, 5, framed.length));
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, unknownId))
                .isInstanceOf(AvroDeserializer.UnknownSchemaIdException.class)
                .hasMessageContaining("Unknown schema id 9999");

        byte[] truncated = Arrays.copyOf(framed, framed.length / 2);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Corrupt or truncated");

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
    }

    @Test
    void cachedWritersAndBuffersGiveTheSameBytesAcrossThreadsAndAfterAHugeRecord() throws Exception {
        Article small = article();
        byte[] expected = serializer.serialize(TOPIC, small);
        Article huge = Article.newBuilder(small).setBody("palabra ".repeat(300_000)).build();
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, huge))).isEqualTo(huge);
        assertThat(serializer.serialize(TOPIC, small)).isEqualTo(expected);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = IntStream.range(0, 400)
                    .mapToObj(i -> threads.submit(() -> serializer.serialize(TOPIC, small))).toList();
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anEqualSchemaInAnotherInstanceAndAGenericRecordGetTheSameIdAndBytes() throws Exception {
        Schema parsedAgain = new Schema.Parser().parse(Article.getClassSchema().toString());
        byte[] specific = serializer.serialize(TOPIC, article());
        GenericRecord generic = new GenericDatumReader<GenericRecord>(parsedAgain).read(null,
                DecoderFactory.get().binaryDecoder(specific, 5, specific.length - 5, null));
        assertThat(generic.getSchema()).isNotSameAs(Article.getClassSchema());
        assertThat(serializer.serialize(TOPIC, generic)).isEqualTo(specific);
        assertThat(registry.latest(TOPIC + "-value").version()).isEqualTo(1);
    }

    @Test
    void oneSerializerOnTwoTopicsRegistersUnderEachSubject() {
        Article article = article();
        byte[] first = serializer.serialize(TOPIC, article);
        byte[] second = serializer.serialize("other.topic", article);
        assertThat(registry.latest("other.topic-value").schema()).isEqualTo(Article.getClassSchema());
        assertThat(Arrays.copyOfRange(second, 5, second.length)).isEqualTo(Arrays.copyOfRange(first, 5, first.length));
        assertThat(ConfluentWireFormat.schemaId(second)).isEqualTo(registry.latest("other.topic-value").id());
    }
}
