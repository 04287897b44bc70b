package dev.parley.ingest;

import static dev.parley.ingest.IngestTestSupport.READER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.SourceFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus (issue 6): at least 25 kinds of input that must not become articles as they are, each with
 * the outcome it must get from the real reader — a reason code, or acceptance with the dangerous part neutralised
 * (scripts stripped, entities not expanded). Generated here, so no outside text is copied. The records that arrive
 * already broken on the raw topic (wrong magic byte, unknown schema id, truncated Avro) are covered on the real
 * broker by {@code PoisonRecordsIntegrationTest}.
 */
class BadInputCorpusTest {

    private static final String TEXT = "La ministra y su homólogo conversaron por teléfono sobre la agenda migratoria, "
            + "el comercio fronterizo y una reunión de seguimiento prevista para el mes próximo en la capital.";

    /** One kind of bad input: how it reaches the reader and what must come out. */
    record Case(String kind, String origin, byte[] bytes, SourceFormat hint, RejectReason expected) {
        static Case file(String kind, String origin, byte[] bytes, RejectReason expected) {
            return new Case(kind, origin, bytes, null, expected);
        }

        static Case http(String kind, String body, RejectReason expected) {
            return new Case(kind, ArticleReader.HTTP_ORIGIN, utf8(body), SourceFormat.HTTP_JSON, expected);
        }
    }

    static List<Case> rejectedCorpus() {
        List<Case> cases = new ArrayList<>();
        cases.add(Case.file("invalid UTF-8", "x/invalid_utf8.txt",
                concat(utf8("Reunión "), new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1}, utf8(TEXT)),
                RejectReason.INVALID_ENCODING));
        cases.add(Case.file("Latin-1 text (not UTF-8, not declared)", "x/latin1.txt",
                ("Canción " + TEXT).getBytes(StandardCharsets.ISO_8859_1), RejectReason.INVALID_ENCODING));
        cases.add(Case.file("UTF-16LE without BOM", "x/utf16_no_bom.txt",
                TEXT.getBytes(StandardCharsets.UTF_16LE), RejectReason.BINARY_CONTENT));
        cases.add(Case.file("UTF-16 with BOM but an unpaired surrogate", "x/utf16_bad_surrogate.txt",
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "Hola ".getBytes(StandardCharsets.UTF_16BE),
                        new byte[] {(byte) 0xD8, 0x00, 0x00, 0x41}),
                RejectReason.INVALID_ENCODING));
        cases.add(Case.file("binary (random bytes)", "x/random.txt", randomBytes(4096, 1), RejectReason.BINARY_CONTENT));
        cases.add(Case.file("binary with a text extension (NUL in text)", "x/nul.txt",
                concat(utf8(TEXT), new byte[] {0}, utf8(TEXT)), RejectReason.BINARY_CONTENT));
        cases.add(Case.file("control characters", "x/controls.txt",
                utf8("a\u0001b\u0002c\u0003d\u0004e\u0005f\u0006g\u0007h\u000Bi"), RejectReason.BINARY_CONTENT));
        cases.add(Case.file("image file", "x/picture.png",
                concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(256, 2)),
                RejectReason.UNSUPPORTED_FORMAT));
        cases.add(Case.file("empty file", "x/empty.txt", new byte[0], RejectReason.EMPTY_TEXT));
        cases.add(Case.file("whitespace only", "x/blank.txt", utf8(" \n\t\r\n  \u00A0\n"), RejectReason.EMPTY_TEXT));
        cases.add(Case.file("UTF-8 BOM and nothing else", "x/bom_only.txt",
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, RejectReason.EMPTY_TEXT));
        cases.add(Case.file("header and no body", "x/header_only.txt",
                utf8("---\ntitle: Sin texto\ndate: 2026-01-10\n---\n\n"), RejectReason.EMPTY_TEXT));
        cases.add(Case.file("article over the size limit", "x/huge.txt",
                utf8((TEXT + "\n\n").repeat(IngestLimits.MIB / TEXT.length() + 10)), RejectReason.TOO_LARGE));
        cases.add(Case.file("a 1 MB single line", "x/one_line.txt",
                utf8((TEXT + " ").repeat(IngestLimits.MIB / TEXT.length() + 10)), RejectReason.TOO_LARGE));
        cases.add(Case.file("invalid JSON document", "x/broken.json", utf8("{\"title\": \"x\", \"body\": "),
                RejectReason.INVALID_JSON));
        cases.add(Case.file("JSON with a number as body", "x/number_body.json", utf8("{\"body\": 42}"),
                RejectReason.INVALID_FIELD));
        cases.add(Case.file("JSON with an object as title", "x/object_title.json",
                utf8("{\"title\": {\"a\": 1}, \"body\": \"" + TEXT + "\"}"), RejectReason.INVALID_FIELD));
        cases.add(Case.file("JSON with no body field", "x/no_body.json", utf8("{\"title\": \"Sólo título\"}"),
                RejectReason.INVALID_FIELD));
        cases.add(Case.file("JSON with a bad language code", "x/language.json",
                utf8("{\"language\": \"castellano\", \"body\": \"" + TEXT + "\"}"), RejectReason.INVALID_FIELD));
        cases.add(Case.file("empty JSON array", "x/empty_array.json", utf8("[]"), RejectReason.EMPTY_TEXT));
        cases.add(Case.file("date 31 February", "x/feb31.txt", utf8("---\ndate: 2026-02-31\n---\n" + TEXT),
                RejectReason.INVALID_DATE));
        cases.add(Case.file("date in 1790, before the floor", "x/y1790.txt", utf8("---\ndate: 1790-01-15\n---\n" + TEXT),
                RejectReason.INVALID_DATE));
        cases.add(Case.file("date in 2100", "x/y2100.txt", utf8("---\ndate: 2100-01-15\n---\n" + TEXT),
                RejectReason.INVALID_DATE));
        cases.add(Case.file("date that is no date", "x/not_a_date.json",
                utf8("{\"publishedAt\": \"ayer por la tarde\", \"body\": \"" + TEXT + "\"}"), RejectReason.INVALID_DATE));
        cases.add(Case.file("feed with an XML external entity", "x/xxe.xml", utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><item><title>&secret;</title>
                <description>%s</description></item></channel></rss>
                """.formatted(TEXT)), RejectReason.UNPARSEABLE_FEED));
        cases.add(Case.file("feed with an entity bomb", "x/bomb.xml", utf8(entityBomb("rss", "<rss version=\"2.0\">"
                + "<channel><title>t</title><item><title>&lol9;</title><description>" + TEXT
                + "</description></item></channel></rss>")), RejectReason.UNPARSEABLE_FEED));
        cases.add(Case.file("truncated feed", "x/truncated.xml",
                utf8("<rss version=\"2.0\"><channel><item><title>Llamada"), RejectReason.UNPARSEABLE_FEED));
        cases.add(Case.file("XML that is no feed", "x/note.xml", utf8("<?xml version=\"1.0\"?><note>nada</note>"),
                RejectReason.UNPARSEABLE_FEED));
        cases.add(Case.file("HTML with only scripts and styles", "x/scripts_only.html", utf8("<html><head><script>"
                + "document.write('" + TEXT + "')</script><style>p{color:red}</style></head><body><script>var a=1;"
                + "</script></body></html>"), RejectReason.EMPTY_TEXT));
        cases.add(Case.file("HTML nested absurdly deep", "x/deep.html",
                utf8("<div>".repeat(200_000) + TEXT + "</div>".repeat(200_000)), RejectReason.UNPARSEABLE_HTML));
        cases.add(Case.file("spreadsheet export", "x/table.csv", utf8("a,b,c\n1,2,3\n"), RejectReason.UNSUPPORTED_FORMAT));
        cases.add(Case.http("HTTP body that is not JSON", "title=x&body=y", RejectReason.INVALID_JSON));
        cases.add(Case.http("HTTP body that is a JSON array", "[{\"body\": \"" + TEXT + "\"}]", RejectReason.INVALID_JSON));
        cases.add(Case.http("HTTP body with a boolean body", "{\"body\": true}", RejectReason.INVALID_FIELD));
        cases.add(Case.http("HTTP body empty", "", RejectReason.EMPTY_TEXT));
        return cases;
    }

    @Test
    void everyKindOfBadInputGetsItsReasonCode() {
        List<Case> corpus = rejectedCorpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(25);
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Case c : corpus) {
            List<IngestOutcome> outcomes = c.origin().equals(ArticleReader.HTTP_ORIGIN)
                    ? List.of(READER.readHttpJson(c.bytes()))
                    : READER.readBytes(c.origin(), c.bytes(), c.hint());
            String got = outcomes.stream().map(o -> o instanceof IngestOutcome.Rejected r
                    ? r.rejection().getReason().name() : "ACCEPTED").toList().toString();
            if (!got.equals("[" + c.expected() + "]")) {
                wrong.put(c.kind(), "expected [" + c.expected() + "], got " + got + " " + outcomes);
            }
        }
        assertThat(wrong).as("kinds with the wrong outcome").isEmpty();
    }

    @Test
    void everyRejectionCarriesAOneLineMessageAndTheOriginalBytes() {
        for (Case c : rejectedCorpus()) {
            if (c.bytes().length == 0 || c.origin().equals(ArticleReader.HTTP_ORIGIN)) {
                continue;
            }
            RejectedInput r = ((IngestOutcome.Rejected) READER.readBytes(c.origin(), c.bytes(), c.hint()).get(0))
                    .rejection();
            assertThat(r.getMessage()).as(c.kind()).isNotBlank().doesNotContain("\n");
            assertThat(r.getOriginalSize()).as(c.kind()).isEqualTo(c.bytes().length);
            int kept = Math.min(c.bytes().length, IngestLimits.defaults().maxDeadLetterBytes());
            assertThat(r.getOriginalBytes().remaining()).as(c.kind()).isEqualTo(kept);
            assertThat(r.getTruncated()).as(c.kind()).isEqualTo(c.bytes().length > kept);
        }
    }

    @Test
    void htmlScriptsAreStrippedAndHtmlEntitiesAreNotExpandedIntoABomb() {
        String html = "<html><head><title>Reunión</title><script>alert('x'); window.location='http://evil'</script>"
                + "</head><body><p>" + TEXT + "</p><script src=\"http://evil/x.js\"></script>"
                + "<noscript>activar javascript</noscript><p onclick=\"steal()\">Fin de la nota oficial.</p></body></html>";
        Article article = onlyArticle(READER.readBytes("x/scripts.html", utf8(html), null));
        assertThat(article.getBody()).contains("conversaron por teléfono").contains("Fin de la nota oficial")
                .doesNotContain("alert").doesNotContain("evil").doesNotContain("steal").doesNotContain("<");

        byte[] bomb = utf8(entityBomb("html", "<html><body><p>" + TEXT + " &lol9;</p></body></html>"));
        List<IngestOutcome> outcomes = READER.readBytes("x/bomb.html", bomb, null);
        // HTML has no DTD entities: the declaration is dropped and &lol9; stays a short literal, never a billion laughs.
        if (outcomes.get(0) instanceof IngestOutcome.Accepted accepted) {
            assertThat(accepted.article().getBody().length()).isLessThan(bomb.length);
            assertThat(accepted.article().getBody()).doesNotContain("lollollol");
        } else {
            assertThat(((IngestOutcome.Rejected) outcomes.get(0)).rejection().getReason())
                    .isIn(RejectReason.UNPARSEABLE_HTML, RejectReason.INVALID_FIELD);
        }
    }

    @Test
    void aJsonLinesFileWithBadLinesRejectsThoseLinesOnlyWithTheirReasons() {
        String lines = "{\"body\": \"" + TEXT + "\"}\n"
                + "{\"body\": \n"
                + "{\"body\": [1, 2]}\n"
                + "{\"publishedAt\": \"2026-02-30\", \"body\": \"" + TEXT + " Segunda.\"}\n"
                + "\n"
                + "{\"body\": \"" + TEXT + " Tercera.\"}\n";
        List<IngestOutcome> outcomes = READER.readBytes("x/mixed.jsonl", utf8(lines), null);
        Map<String, String> byOrigin = new LinkedHashMap<>();
        outcomes.forEach(o -> byOrigin.put(o.origin(), o instanceof IngestOutcome.Rejected r
                ? r.rejection().getReason().name() : "ACCEPTED"));
        assertThat(byOrigin).containsExactly(
                Map.entry("x/mixed.jsonl#1", "ACCEPTED"),
                Map.entry("x/mixed.jsonl#2", "INVALID_JSON"),
                Map.entry("x/mixed.jsonl#3", "INVALID_FIELD"),
                Map.entry("x/mixed.jsonl#4", "INVALID_DATE"),
                Map.entry("x/mixed.jsonl#6", "ACCEPTED"));
    }

    private static Article onlyArticle(List<IngestOutcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Accepted.class);
        return ((IngestOutcome.Accepted) outcomes.get(0)).article();
    }

    /** The "billion laughs" document type: ten levels of ten-fold entity references. */
    private static String entityBomb(String root, String document) {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd.append("]>\n").append(document).toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
