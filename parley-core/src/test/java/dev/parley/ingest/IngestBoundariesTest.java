package dev.parley.ingest;

import static dev.parley.ingest.IngestTestSupport.READER;
import static dev.parley.ingest.IngestTestSupport.articles;
import static dev.parley.ingest.IngestTestSupport.readPaths;
import static dev.parley.ingest.IngestTestSupport.rejections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.avro.Article;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ingest stops: a cut-off feed keeps what is complete; a link does not lead out of the ingested folder. */
class IngestBoundariesTest {

    private static final String TEXT = "La ministra y su homólogo conversaron por teléfono sobre la agenda migratoria, "
            + "la seguridad fronteriza y la cooperación consular entre ambos países.";

    @TempDir
    Path dir;

    @Test
    void aTruncatedRssFeedKeepsItsCompleteItemsAndDeadLettersTheRest() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Noticias</title>"
                + item("uno", "2026-03-02") + item("dos", "2026-03-03")
                + "<item><guid>tres</guid><title>Tercera</title><description>" + TEXT.substring(0, 40);
        List<IngestOutcome> outcomes = READER.readBytes("feeds/cortado.xml", feed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(articles(outcomes)).extracting(a -> a.getSource().getOrigin())
                .containsExactly("feeds/cortado.xml#uno", "feeds/cortado.xml#dos");
        List<RejectedInput> rest = rejections(outcomes);
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).getReason()).isEqualTo(RejectReason.UNPARSEABLE_FEED);
        assertThat(rest.get(0).getOrigin()).isEqualTo("feeds/cortado.xml#cut-off");
        assertThat(rest.get(0).getMessage()).contains("cut off");
    }

    @Test
    void aTruncatedAtomFeedToo() {
        String feed = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>f</id>"
                + "<updated>2026-03-03T00:00:00Z</updated>" + entry("a") + entry("b") + "<entry><id>c</id><title>C";
        List<IngestOutcome> outcomes = READER.readBytes("feeds/atom.xml", feed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(articles(outcomes)).hasSize(2);
        assertThat(rejections(outcomes)).extracting(RejectedInput::getOrigin).containsExactly("feeds/atom.xml#cut-off");
    }

    @Test
    void aTruncatedFeedInADeclaredLegacyCharsetKeepsItsText() {
        String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Noticias</title>"
                + item("uno", "2026-03-02") + "<item><guid>dos</guid><title>Canadá";
        List<IngestOutcome> outcomes = READER.readBytes("feeds/latin1.xml", feed.getBytes(StandardCharsets.ISO_8859_1),
                null);
        assertThat(articles(outcomes)).singleElement().satisfies(a -> {
            assertThat(a.getBody()).contains("teléfono", "cooperación").doesNotContain("\uFFFD");
            assertThat(a.getSource().getOrigin()).isEqualTo("feeds/latin1.xml#uno");
        });
        assertThat(rejections(outcomes)).extracting(RejectedInput::getOrigin).containsExactly("feeds/latin1.xml#cut-off");
    }

    @Test
    void aFeedBrokenBeforeItsLastItemIsStillRejectedWhole() {
        String feed = "<rss version=\"2.0\"><channel><item><title>a & b</title><description>" + TEXT
                + "</description></item>" + item("dos", "2026-03-03") + "<item><title>x";
        List<IngestOutcome> outcomes = READER.readBytes("feeds/roto.xml", feed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(articles(outcomes)).isEmpty();
        assertThat(rejections(outcomes)).extracting(RejectedInput::getOrigin).containsExactly("feeds/roto.xml");
    }

    @Test
    void linksOutOfTheIngestedFolderAreNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("passwd.txt"), "root:x:0:0:" + TEXT);
        Path tree = Files.createDirectories(dir.resolve("corpus"));
        Path inTree = Files.writeString(tree.resolve("nota.txt"), "---\ndate: 2026-03-03\n---\n" + TEXT);
        Files.createSymbolicLink(tree.resolve("passwd.txt"), secret);
        Files.createSymbolicLink(tree.resolve("relative.txt"), Path.of("..", "outside", "passwd.txt"));
        Files.createSymbolicLink(tree.resolve("outside-folder"), outside);
        Files.createSymbolicLink(tree.resolve("dangling.txt"), dir.resolve("nothing-here.txt"));
        Files.createSymbolicLink(tree.resolve("alias.txt"), inTree); // inside the tree: followed

        List<IngestOutcome> outcomes = readPaths(READER, tree);
        List<Article> read = articles(outcomes);
        assertThat(read).extracting(a -> a.getSource().getOrigin())
                .containsExactlyInAnyOrder("corpus/nota.txt", "corpus/alias.txt");
        assertThat(read).allSatisfy(a -> assertThat(a.getBody()).doesNotContain("root:x"));
        assertThat(rejections(outcomes)).allSatisfy(r -> {
            assertThat(r.getReason()).isEqualTo(RejectReason.UNREADABLE);
            assertThat(r.getMessage()).contains("symbolic link");
        }).extracting(RejectedInput::getOrigin)
                .containsExactlyInAnyOrder("corpus/passwd.txt", "corpus/relative.txt", "corpus/dangling.txt");
        // Named on the command line, a link is what the user asked for.
        assertThat(articles(readPaths(READER, tree.resolve("alias.txt")))).hasSize(1);
    }

    private static String item(String guid, String day) {
        return "<item><guid>" + guid + "</guid><title>Nota " + guid + "</title><pubDate>" + rfc1123(day)
                + "</pubDate><description>" + TEXT + " (" + guid + ")</description></item>";
    }

    private static String entry(String id) {
        return "<entry><id>" + id + "</id><title>Nota " + id + "</title><updated>2026-03-03T00:00:00Z</updated>"
                + "<content type=\"text\">" + TEXT + " (" + id + ")</content></entry>";
    }

    private static String rfc1123(String day) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC));
    }
}
