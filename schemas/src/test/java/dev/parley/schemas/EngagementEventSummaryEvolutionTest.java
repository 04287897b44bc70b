package dev.parley.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.avro.EngagementEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * An event written before events carried a summary and evidence (history v2) is read by today's generated class
 * with both empty, as the contract promises: the bytes, not only the schemas, are checked.
 */
class EngagementEventSummaryEvolutionTest {

    private static final Path HISTORY = Path.of(System.getProperty("parley.schemas.history.dir", "history"));

    @Test
    void anEventWrittenBeforeSummariesReadsWithEmptySummaryAndEvidence() throws IOException {
        Schema v2 = new Schema.Parser().parse(Files.readString(HISTORY.resolve("EngagementEvent/v2.avsc")));
        Schema kind = v2.getField("kind").schema();
        GenericRecord old = new GenericRecordBuilder(v2)
                .set("id", "evt-1")
                .set("kind", new GenericData.EnumSymbol(kind, "CONSULT_CALL"))
                .set("goldstein", 1.0)
                .set("date", 20_514)
                .set("datePrecision", new GenericData.EnumSymbol(v2.getField("datePrecision").schema(), "DAY"))
                .set("dateBasis", new GenericData.EnumSymbol(v2.getField("dateBasis").schema(), "EXPLICIT"))
                .set("participants", List.of())
                .set("sources", List.of())
                .build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(v2).write(old, encoder);
        encoder.flush();

        // Generic reading with the generated class's schema: the same resolution, without Avro's class trust list.
        GenericRecord read = new GenericDatumReader<GenericRecord>(v2, EngagementEvent.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertEquals("evt-1", read.get("id").toString());
        assertEquals("", read.get("summary").toString());
        assertEquals("", read.get("evidence").toString());
    }
}
