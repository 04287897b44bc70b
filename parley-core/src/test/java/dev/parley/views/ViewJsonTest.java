package dev.parley.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.avro.Article;
import dev.parley.avro.ArticleSource;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.SourceFormat;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic Avro → JSON mapping the feed and the engagement views use. */
class ViewJsonTest {

    @Test
    void nestedRecordsEnumsInstantsAndMapsBecomePlainJsonAndBytesAreLeftOut() {
        Article article = Article.newBuilder().setId("a1")
                .setSource(ArticleSource.newBuilder().setOrigin("seeds/x.txt").setFormat(SourceFormat.TEXT).build())
                .setTitle("<b>t</b>").setBody("body").setLanguage("es")
                .setPublishedAt(Instant.parse("2026-01-15T00:00:00Z")).setPublishedPrecision(DatePrecision.DAY)
                .setPublishedAtSource(DateSource.DATELINE).setIngestedAt(Instant.parse("2026-01-20T10:00:00Z"))
                .setContentHash("h").setMetadata(Map.of("k", "v")).build();
        JsonNode json = ViewJson.tree(ViewJson.record(article));
        assertThat(json.path("id").asText()).isEqualTo("a1");
        assertThat(json.path("source").path("origin").asText()).isEqualTo("seeds/x.txt");
        assertThat(json.path("source").path("format").asText()).isEqualTo("TEXT");
        assertThat(json.path("publishedAt").asText()).isEqualTo("2026-01-15T00:00:00Z");
        assertThat(json.path("metadata").path("k").asText()).isEqualTo("v");
        assertThat(json.path("title").asText()).isEqualTo("<b>t</b>");

        RejectedInput rejected = RejectedInput.newBuilder().setId("r").setStage("ingest.file")
                .setReason(RejectReason.EMPTY_TEXT).setMessage("m").setOrigin("o")
                .setOriginalBytes(ByteBuffer.wrap(new byte[] {1, 2})).setOriginalSize(2).setOriginalSha256("s")
                .setTruncated(false).setRejectedAt(Instant.parse("2026-01-20T10:00:00Z")).build();
        JsonNode letter = ViewJson.tree(ViewJson.record(rejected));
        assertThat(letter.has("originalBytes")).isFalse();
        assertThat(letter.path("reason").asText()).isEqualTo("EMPTY_TEXT");
        assertThat(letter.path("originalSize").asLong()).isEqualTo(2);
    }
}
