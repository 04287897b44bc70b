package dev.parley.ingest;

import com.sun.net.httpserver.HttpServer;
import dev.parley.avro.Article;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import dev.parley.avro.SourceFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parley.ingest.IngestTestSupport.READER;
import static dev.parley.ingest.IngestTestSupport.articles;
import static dev.parley.ingest.IngestTestSupport.onlyArticle;
import static dev.parley.ingest.IngestTestSupport.onlyRejection;
import static dev.parley.ingest.IngestTestSupport.rejections;
import static org.assertj.core.api.Assertions.assertThat;

class ArticleReaderFormatsTest {

    private static final String SPANISH = "La secretaria de Relaciones Exteriores conversó por teléfono con la ministra "
            + "canadiense sobre la cooperación bilateral en materia de movilidad laboral y comercio.";
    private static final String ENGLISH = "The foreign minister spoke by telephone with her Mexican counterpart about "
            + "bilateral cooperation on labour mobility, visas and trade.";

    @TempDir
    Path dir;

    @Test
    void textHeaderGivesTitleOutletUrlDateLanguageAndMetadata() throws IOException {
        Path file = write("corpus/a.txt", """
                ---
                title: Llamada entre cancilleres
                outlet: Diario de Prueba
                url: https://example.org/a
                date: 2026-03-02T18:30:00Z
                language: pt
                section: internacional
                ---
                %s
                """.formatted(SPANISH));
        Article a = onlyArticle(IngestTestSupport.readPaths(READER, file.getParent()));
        assertThat(a.getSource().getOrigin()).isEqualTo("corpus/a.txt");
        assertThat(a.getSource().getFormat()).isEqualTo(SourceFormat.TEXT);
        assertThat(a.getTitle()).isEqualTo("Llamada entre cancilleres");
        assertThat(a.getSource().getOutlet()).isEqualTo("Diario de Prueba");
        assertThat(a.getSource().getUrl()).isEqualTo("https://example.org/a");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-03-02T18:30:00Z"));
        assertThat(a.getPublishedPrecision()).isEqualTo(DatePrecision.INSTANT);
        assertThat(a.getLanguage()).as("the header overrides detection").isEqualTo("pt");
        assertThat(a.getMetadata()).isEqualTo(Map.of("section", "internacional"));
        assertThat(a.getBody()).isEqualTo(SPANISH);
    }

    @Test
    void unterminatedHeaderIsJustText() throws IOException {
        Path file = write("b.txt", "---\ntitle: sin cierre\n" + SPANISH + "\n");
        Article a = onlyArticle(IngestTestSupport.readPaths(READER, file));
        assertThat(a.getSource().getOrigin()).isEqualTo("b.txt");
        assertThat(a.getTitle()).isNull();
        assertThat(a.getBody()).startsWith("---\n\ntitle: sin cierre\n\n");
    }

    @Test
    void legacyInlineDateAndParagraphShaping() throws IOException {
        String wrapped = """
                 date 2026-01-11 Primer párrafo en una línea larga que no está cortada por un editor de texto y sigue hasta el final sin saltos intermedios.
                Segundo párrafo, en su propia línea, como los copian las páginas web sin líneas en blanco entre párrafos.



                Un párrafo cortado a mano por un programa de correo electrónico
                a unos setenta caracteres por línea, que debe quedar como un solo
                párrafo.
                """;
        Article a = onlyArticle(READER.readBytes("legacy.txt", wrapped.getBytes(StandardCharsets.UTF_8), null));
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-01-11T00:00:00Z"));
        assertThat(a.getPublishedAtSource()).isEqualTo(DateSource.METADATA);
        assertThat(a.getBody().split("\n\n")).containsExactly(
                "Primer párrafo en una línea larga que no está cortada por un editor de texto y sigue hasta el final sin saltos intermedios.",
                "Segundo párrafo, en su propia línea, como los copian las páginas web sin líneas en blanco entre párrafos.",
                "Un párrafo cortado a mano por un programa de correo electrónico a unos setenta caracteres por línea, que debe quedar como un solo párrafo.");
    }

    @Test
    void bodyIsNfc() {
        String decomposed = "Reunio\u0301n en Me\u0301xico. " + SPANISH;
        Article a = onlyArticle(READER.readBytes("nfc.txt", decomposed.getBytes(StandardCharsets.UTF_8), null));
        assertThat(a.getBody()).startsWith("Reunión en México.");
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() {
        byte[] le = ("\uFEFF" + SPANISH).getBytes(StandardCharsets.UTF_16LE);
        byte[] be = ("\uFEFF" + SPANISH).getBytes(StandardCharsets.UTF_16BE);
        assertThat(onlyArticle(READER.readBytes("le.txt", le, null)).getBody()).isEqualTo(SPANISH);
        assertThat(onlyArticle(READER.readBytes("be.txt", be, null)).getBody()).isEqualTo(SPANISH);
        byte[] utf8Bom = ("\uFEFF" + SPANISH).getBytes(StandardCharsets.UTF_8);
        assertThat(onlyArticle(READER.readBytes("bom.txt", utf8Bom, null)).getBody()).isEqualTo(SPANISH);
    }

    @Test
    void jsonLinesOneArticlePerLineAndABadLineAlone() throws IOException {
        Path file = write("feed/items.jsonl", String.join("\n",
                "{\"id\": 7, \"title\": \"Uno\", \"body\": \"" + SPANISH + "\", \"outlet\": \"Agencia\", "
                        + "\"url\": \"https://example.org/1\", \"publishedAt\": \"2026-03-02T18:30:00Z\", "
                        + "\"metadata\": {\"section\": \"world\", \"page\": 3}, \"author\": \"Redacción\"}",
                "",
                "{\"title\": \"roto\", \"body\": ",
                "{\"text\": \"" + ENGLISH + "\", \"date\": \"2026-03-05\", \"language\": \"en\"}",
                "{\"body\": 42}",
                "[1, 2]",
                "{\"body\": \"" + ENGLISH + "\"} {\"body\": \"second value on the line\"}"));
        List<IngestOutcome> outcomes = IngestTestSupport.readPaths(READER, file.getParent());
        assertThat(outcomes).extracting(IngestOutcome::origin).containsExactly(
                "feed/items.jsonl#1", "feed/items.jsonl#3", "feed/items.jsonl#4", "feed/items.jsonl#5",
                "feed/items.jsonl#6", "feed/items.jsonl#7");
        List<Article> articles = articles(outcomes);
        assertThat(articles).hasSize(2);
        Article first = articles.get(0);
        assertThat(first.getSource().getFormat()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(first.getTitle()).isEqualTo("Uno");
        assertThat(first.getSource().getOutlet()).isEqualTo("Agencia");
        assertThat(first.getLanguage()).isEqualTo("es");
        assertThat(first.getMetadata()).isEqualTo(
                Map.of("sourceId", "7", "section", "world", "page", "3", "author", "Redacción"));
        assertThat(articles.get(1).getPublishedAt()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));

        List<RejectedInput> rejected = rejections(outcomes);
        assertThat(rejected).extracting(RejectedInput::getReason).containsExactly(
                RejectReason.INVALID_JSON, RejectReason.INVALID_FIELD, RejectReason.INVALID_JSON,
                RejectReason.INVALID_JSON);
        assertThat(new String(rejected.get(0).getOriginalBytes().array(), StandardCharsets.UTF_8))
                .as("a bad line carries its own bytes").isEqualTo("{\"title\": \"roto\", \"body\": ");
        assertThat(rejected.get(1).getMessage()).contains("'body'", "string");
    }

    @Test
    void jsonFileMayHoldOneObjectOrAnArray() throws IOException {
        write("j/one.json", "{\n  \"title\": \"Uno\",\n  \"body\": \"" + SPANISH + "\"\n}\n");
        write("j/many.json", "[{\"body\": \"" + SPANISH + "\"}, {\"body\": \"" + ENGLISH + "\"}, \"x\"]");
        List<IngestOutcome> outcomes = IngestTestSupport.readPaths(READER, dir.resolve("j"));
        assertThat(outcomes).extracting(IngestOutcome::origin)
                .containsExactly("j/many.json#1", "j/many.json#2", "j/many.json#3", "j/one.json");
        assertThat(articles(outcomes)).extracting(Article::getLanguage).containsExactly("es", "en", "es");
        assertThat(rejections(outcomes)).extracting(RejectedInput::getReason).containsExactly(RejectReason.INVALID_JSON);
    }

    @Test
    void htmlMainTextWithoutBoilerplate() {
        String html = """
                <!doctype html><html lang="es"><head>
                <title>Titular | Sitio</title>
                <meta property="og:title" content="Titular del artículo">
                <meta property="og:site_name" content="Sitio de Prueba">
                <link rel="canonical" href="https://example.org/nota">
                <meta property="article:published_time" content="2026-03-04T09:15:00-06:00">
                <script>var tracking = "SCRIPT-TEXT";</script><style>.x{color:red} STYLE-TEXT</style>
                </head><body>
                <header><div>CABECERA</div></header>
                <nav><a href="/">MENU-INICIO</a></nav>
                <div class="teaser">OTRA NOTA</div>
                <article>
                  <h1>Titular del artículo</h1>
                  <p>Primer párrafo con <b>negritas</b> y un <a href="#">enlace</a>.</p>
                  <div class="ad">PUBLICIDAD</div>
                  <blockquote><p>Una cita textual.</p></blockquote>
                  <div>Texto suelto en un div<br>con un salto.</div>
                  <ul><li>Punto uno</li><li>Punto dos</li></ul>
                  <script>inline("SCRIPT-2")</script>
                </article>
                <aside>RELACIONADAS</aside>
                <footer>DERECHOS RESERVADOS</footer>
                </body></html>
                """;
        Article a = onlyArticle(READER.readBytes("pagina.html", html.getBytes(StandardCharsets.UTF_8), null));
        assertThat(a.getSource().getFormat()).isEqualTo(SourceFormat.HTML);
        assertThat(a.getTitle()).isEqualTo("Titular del artículo");
        assertThat(a.getSource().getOutlet()).isEqualTo("Sitio de Prueba");
        assertThat(a.getSource().getUrl()).isEqualTo("https://example.org/nota");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-03-04T15:15:00Z"));
        assertThat(a.getPublishedAtSource()).isEqualTo(DateSource.METADATA);
        assertThat(a.getBody().split("\n\n")).containsExactly(
                "Primer párrafo con negritas y un enlace.", "Una cita textual.", "Texto suelto en un div",
                "con un salto.", "Punto uno", "Punto dos");
        assertThat(a.getMetadata()).containsEntry("htmlLang", "es");
    }

    @Test
    void htmlWithoutArticleUsesTheBodyAndIgnoresABadMetaDate() {
        String html = "<html><head><meta name=\"date\" content=\"2026-02-31\"></head><body>"
                + "<header>MARCA</header><nav>MENU</nav>"
                + "<p>WASHINGTON, March 3, 2026 — " + ENGLISH + "</p><footer>PIE</footer></body></html>";
        Article a = onlyArticle(READER.readBytes("sin-articulo", html.getBytes(StandardCharsets.UTF_8), null));
        assertThat(a.getSource().getFormat()).as("sniffed").isEqualTo(SourceFormat.HTML);
        assertThat(a.getBody()).isEqualTo("WASHINGTON, March 3, 2026 — " + ENGLISH);
        assertThat(a.getPublishedAtSource()).isEqualTo(DateSource.DATELINE);
        assertThat(a.getLanguage()).isEqualTo("en");
    }

    @Test
    void atomFeedEntriesBecomeArticles() {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Canal de Prueba</title><id>urn:feed</id><updated>2026-03-05T10:00:00Z</updated>
                  <entry>
                    <title>Entrada uno</title><id>urn:entry:1</id>
                    <link href="https://example.org/e1"/>
                    <published>2026-03-05T10:00:00Z</published><updated>2026-03-06T10:00:00Z</updated>
                    <content type="html">&lt;p&gt;%s&lt;/p&gt;&lt;p&gt;Segundo párrafo.&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>Entry two</title><id>urn:entry:2</id>
                    <updated>2026-03-06T11:00:00Z</updated>
                    <summary type="text">%s</summary>
                  </entry>
                  <entry><title>Vacía</title><id>urn:entry:3</id><updated>2026-03-06T11:00:00Z</updated></entry>
                </feed>
                """.formatted(SPANISH, ENGLISH);
        List<IngestOutcome> outcomes = READER.readBytes("feeds/canal.atom", atom.getBytes(StandardCharsets.UTF_8), null);
        assertThat(outcomes).extracting(IngestOutcome::origin).containsExactly(
                "feeds/canal.atom#urn:entry:1", "feeds/canal.atom#urn:entry:2", "feeds/canal.atom#urn:entry:3");
        List<Article> articles = articles(outcomes);
        assertThat(articles).extracting(a -> a.getSource().getFormat()).containsOnly(SourceFormat.ATOM);
        assertThat(articles.get(0).getBody()).isEqualTo(SPANISH + "\n\nSegundo párrafo.");
        assertThat(articles.get(0).getPublishedAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(articles.get(0).getSource().getOutlet()).isEqualTo("Canal de Prueba");
        assertThat(articles.get(0).getSource().getUrl()).isEqualTo("https://example.org/e1");
        assertThat(articles.get(1).getPublishedAt()).as("updated when not published")
                .isEqualTo(Instant.parse("2026-03-06T11:00:00Z"));
        assertThat(articles.get(1).getLanguage()).isEqualTo("en");
        assertThat(rejections(outcomes)).extracting(RejectedInput::getReason).containsExactly(RejectReason.EMPTY_TEXT);
    }

    @Test
    void feedInADeclaredLegacyEncodingIsReadAndAnEmptyFeedIsRejected() {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Canal</title>"
                + "<link>https://example.org</link><description>d</description><item><guid>a1</guid><title>Reunión</title>"
                + "<description>" + SPANISH + "</description><pubDate>Thu, 05 Mar 2026 10:00:00 GMT</pubDate></item>"
                + "</channel></rss>";
        Article a = onlyArticle(READER.readBytes("latin.rss", rss.getBytes(StandardCharsets.ISO_8859_1), null));
        assertThat(a.getTitle()).isEqualTo("Reunión");
        assertThat(a.getBody()).isEqualTo(SPANISH);

        String empty = "<rss version=\"2.0\"><channel><title>t</title><link>https://example.org</link>"
                + "<description>d</description></channel></rss>";
        RejectedInput r = onlyRejection(READER.readBytes("empty.xml", empty.getBytes(StandardCharsets.UTF_8), null));
        assertThat(r.getReason()).isEqualTo(RejectReason.EMPTY_TEXT);
    }

    @Test
    void feedExternalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><link>https://example.org</link><description>d</description>
                <item><title>&xxe;</title><guid>1</guid><description>&xxe; %s</description></item>
                </channel></rss>
                """.formatted(secret.toUri(), ENGLISH);
        List<IngestOutcome> outcomes = READER.readBytes("evil.xml", xxe.getBytes(StandardCharsets.UTF_8), null);
        RejectedInput r = onlyRejection(outcomes);
        assertThat(r.getReason()).isEqualTo(RejectReason.UNPARSEABLE_FEED);
        assertThat(r.getMessage()).doesNotContain("TOP-SECRET-CONTENT");
        assertThat(new String(r.getOriginalBytes().array(), StandardCharsets.UTF_8)).doesNotContain("TOP-SECRET-CONTENT");
    }

    /** The id is what identifies the item: its URL, else its origin, outlet, title, stated date and text. */
    @Test
    void articleIdentity() {
        String same = "{\"title\": \"T\", \"body\": \"" + ENGLISH + "\", \"outlet\": \"O\", \"date\": \"2026-03-05\"}";
        String id = id(same);
        assertThat(id(same)).as("a true re-ingestion").isEqualTo(id);
        assertThat(id(same.replace("\"O\"", "\"Other outlet\""))).as("another outlet").isNotEqualTo(id);
        assertThat(id(same.replace("\"T\"", "\"Another title\""))).as("another title").isNotEqualTo(id);
        assertThat(id(same.replace("2026-03-05", "2026-03-06"))).as("another stated date").isNotEqualTo(id);
        assertThat(id(same.replace("\"body\": \"", "\"body\": \"Update. "))).as("another text").isNotEqualTo(id);
        String withUrl = same.replace("{", "{\"url\": \"https://example.org/a\", ");
        assertThat(id(withUrl)).isNotEqualTo(id);
        assertThat(id(withUrl.replace("\"O\"", "\"Other outlet\"").replace("\"T\"", "\"Corrected\"")))
                .as("the same URL is the same article").isEqualTo(id(withUrl));
        assertThat(id(withUrl.replace("/a", "/b"))).as("another URL").isNotEqualTo(id(withUrl));
    }

    private static String id(String json) {
        return ((IngestOutcome.Accepted) READER.readHttpJson(json.getBytes(StandardCharsets.UTF_8))).article().getId();
    }

    @Test
    void httpJsonBody() {
        String body = "{\"title\": \"T\", \"body\": \"" + ENGLISH + "\", \"outlet\": \"O\", \"date\": \"2026-03-05\"}";
        IngestOutcome outcome = READER.readHttpJson(body.getBytes(StandardCharsets.UTF_8));
        Article a = ((IngestOutcome.Accepted) outcome).article();
        assertThat(a.getSource().getOrigin()).isEqualTo("http:POST /api/articles");
        assertThat(a.getSource().getFormat()).isEqualTo(SourceFormat.HTTP_JSON);
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(READER.readHttpJson(body.getBytes(StandardCharsets.UTF_8)))
                .as("posting the same article twice gives the same id")
                .extracting(o -> ((IngestOutcome.Accepted) o).article().getId()).isEqualTo(a.getId());

        RejectedInput notJson = ((IngestOutcome.Rejected) READER.readHttpJson("{nope".getBytes(StandardCharsets.UTF_8))).rejection();
        assertThat(notJson.getStage()).isEqualTo("ingest.http");
        assertThat(notJson.getReason()).isEqualTo(RejectReason.INVALID_JSON);
        RejectedInput array = ((IngestOutcome.Rejected) READER.readHttpJson("[{}]".getBytes(StandardCharsets.UTF_8))).rejection();
        assertThat(array.getReason()).isEqualTo(RejectReason.INVALID_JSON);
        RejectedInput badType = ((IngestOutcome.Rejected) READER.readHttpJson(
                "{\"body\": \"x\", \"title\": [1]}".getBytes(StandardCharsets.UTF_8))).rejection();
        assertThat(badType.getReason()).isEqualTo(RejectReason.INVALID_FIELD);
        RejectedInput badDate = ((IngestOutcome.Rejected) READER.readHttpJson(
                ("{\"body\": \"" + ENGLISH + "\", \"publishedAt\": \"2026-02-30\"}").getBytes(StandardCharsets.UTF_8))).rejection();
        assertThat(badDate.getReason()).isEqualTo(RejectReason.INVALID_DATE);
    }

    @Test
    @Tag("integration")
    void feedFromHttpUrl() throws IOException {
        byte[] rss = Files.readAllBytes(IngestTestSupport.samplesDir().resolve("14_feed_prairie_ledger.xml"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, rss.length);
            exchange.getResponseBody().write(rss);
            exchange.close();
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<IngestOutcome> outcomes = new ArrayList<>();
            READER.readFeed(URI.create(base + "/feed.xml"), outcomes::add);
            assertThat(articles(outcomes)).hasSize(2).allSatisfy(a -> {
                assertThat(a.getSource().getFeed()).isEqualTo(base + "/feed.xml");
                assertThat(a.getSource().getOrigin()).startsWith(base + "/feed.xml#prairieledger-2026-03");
            });

            List<IngestOutcome> missing = new ArrayList<>();
            READER.readFeed(URI.create(base + "/missing"), missing::add);
            RejectedInput r = onlyRejection(missing);
            assertThat(r.getStage()).isEqualTo("ingest.feed");
            assertThat(r.getReason()).isEqualTo(RejectReason.UNREADABLE);
            assertThat(r.getMessage()).contains("404");
        } finally {
            server.stop(0);
        }
        List<IngestOutcome> ftp = new ArrayList<>();
        READER.readFeed(URI.create("file:///etc/hostname"), ftp::add);
        assertThat(onlyRejection(ftp).getReason()).isEqualTo(RejectReason.UNREADABLE);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
