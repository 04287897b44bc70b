package dev.parley.ingest;

import dev.parley.avro.RejectReason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextShapingTest {

    @Test
    void decoderAcceptsUtf8AndBomMarkedUtf16Only() {
        assertThat(TextDecoder.decode("añó".getBytes(StandardCharsets.UTF_8))).isEqualTo("añó");
        assertThat(TextDecoder.decode(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})).isEqualTo("a");
        assertThat(TextDecoder.decode(new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0})).isEqualTo("a");
        assertThatThrownBy(() -> TextDecoder.decode(new byte[]{'a', 0, 'b', 0}))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BINARY_CONTENT));
        assertThatThrownBy(() -> TextDecoder.decode(new byte[]{'a', (byte) 0xE9, 'b'}))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING));
        // A lone UTF-16 surrogate after a BOM is malformed too.
        assertThatThrownBy(() -> TextDecoder.decode(new byte[]{(byte) 0xFE, (byte) 0xFF, (byte) 0xD8, 0x00}))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING));
    }

    @Test
    void htmlMayDeclareALegacyCharsetButTextMayNot() {
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body><p>Reunión en México – “acuerdo”</p></body></html>";
        byte[] bytes = page.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        assertThat(TextDecoder.decodeHtml(bytes)).isEqualTo(page);
        assertThatThrownBy(() -> TextDecoder.decode(bytes))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING));
        byte[] undeclared = "<html><body><p>Reunión</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextDecoder.decodeHtml(undeclared))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING));
        byte[] bogus = "<meta charset=\"-no-such-\"><p>Reunión</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> TextDecoder.decodeHtml(bogus))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING));
    }

    @Test
    void aFewStrayControlCharactersAreToleratedManyAreBinary() {
        String text = "x".repeat(1000) + "\u0007";
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        byte[] noisy = new byte[400];
        new Random(7).nextBytes(noisy);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (byte) (noisy[i] & 0x1F | (i % 2 == 0 ? 0x40 : 0));
            if (noisy[i] == 0) {
                noisy[i] = 1;
            }
        }
        assertThatThrownBy(() -> TextDecoder.decode(noisy))
                .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BINARY_CONTENT));
    }

    @Test
    void paragraphsAreSeparatedByExactlyOneBlankLine() {
        String body = Paragraphs.fromPlainText("\r\n  Uno   con\tespacios. \r\n\r\n\r\n\r\nDos.\rTres.\n \n\u00A0\nCuatro\u0007.\n");
        assertThat(body).isEqualTo("Uno con espacios.\n\nDos.\n\nTres.\n\nCuatro.");
        assertThat(Paragraphs.join(List.of("  a  ", "", "   ", "b\nc"))).isEqualTo("a\n\nb c");
    }

    @Test
    void shapingIsIdempotent() {
        Random random = new Random(42);
        String[] pieces = {"Palabra", " ", "\n", "\n\n", "\t", "línea de longitud media que sigue un poco más allá ",
                "Ottawa, 3 de marzo de 2026.- ", "\r\n", "—", "“cita”", "\u00A0"};
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int j = 0; j < n; j++) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String once = Paragraphs.fromPlainText(s.toString());
            assertThat(Paragraphs.fromPlainText(once)).as("input %s", s).isEqualTo(once);
            assertThat(once).doesNotContain("\n\n\n").doesNotContain("  ").doesNotContain("\r");
        }
    }
}
