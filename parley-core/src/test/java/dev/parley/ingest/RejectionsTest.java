package dev.parley.ingest;

import dev.parley.avro.Article;
import dev.parley.avro.RejectReason;
import dev.parley.avro.RejectedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.parley.ingest.IngestTestSupport.CLOCK;
import static dev.parley.ingest.IngestTestSupport.READER;
import static dev.parley.ingest.IngestTestSupport.articles;
import static dev.parley.ingest.IngestTestSupport.onlyRejection;
import static dev.parley.ingest.IngestTestSupport.readPaths;
import static dev.parley.ingest.IngestTestSupport.rejections;
import static org.assertj.core.api.Assertions.assertThat;

class RejectionsTest {

    private static final String TEXT = "El canciller conversó con la ministra sobre visas, trabajadores temporales y comercio.";

    @TempDir
    Path dir;

    @Test
    void everyBadFileIsRejectedWithItsReasonAndTheRestIsIngested() throws IOException {
        Path batch = dir.resolve("batch");
        write(batch, "a_good.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        write(batch, "b_latin1.txt", ("Canción de la reunión en Ottawa " + TEXT).getBytes(StandardCharsets.ISO_8859_1));
        write(batch, "c_binary.txt", new byte[]{'a', 'b', 0, 1, 2, 'c'});
        write(batch, "d_blank.txt", " \n\t \n".getBytes(StandardCharsets.UTF_8));
        write(batch, "e_header_only.txt", "---\ntitle: nada\n---\n\n".getBytes(StandardCharsets.UTF_8));
        write(batch, "f_bad_date.txt", ("---\ndate: 2026-02-31\n---\n" + TEXT).getBytes(StandardCharsets.UTF_8));
        write(batch, "g_bad_language.txt", ("---\nlanguage: spanish\n---\n" + TEXT).getBytes(StandardCharsets.UTF_8));
        write(batch, "h_broken.xml", "<rss version=\"2.0\"><channel><item><title>x".getBytes(StandardCharsets.UTF_8));
        write(batch, "i_html_in_xml.xml", "<?xml version=\"1.0\"?><note>not a feed</note>".getBytes(StandardCharsets.UTF_8));
        write(batch, "j_table.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        write(batch, "k_image.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        write(batch, "l_lines.jsonl", ("{\"body\": \"" + TEXT + "\"}\nnot json\n{\"body\": true}\n")
                .getBytes(StandardCharsets.UTF_8));
        write(batch, "m_empty_body.jsonl", "{\"body\": \"   \"}\n".getBytes(StandardCharsets.UTF_8));
        write(batch, "z_good.txt", ("Otra nota. " + TEXT).getBytes(StandardCharsets.UTF_8));

        List<IngestOutcome> outcomes = readPaths(READER, batch, dir.resolve("does-not-exist"));

        assertThat(articles(outcomes)).extracting(a -> a.getSource().getOrigin())
                .containsExactly("batch/a_good.txt", "batch/l_lines.jsonl#1", "batch/z_good.txt");
        Map<String, RejectReason> reasons = rejections(outcomes).stream()
                .collect(Collectors.toMap(RejectedInput::getOrigin, RejectedInput::getReason));
        assertThat(reasons).isEqualTo(Map.ofEntries(
                Map.entry("batch/b_latin1.txt", RejectReason.INVALID_ENCODING),
                Map.entry("batch/c_binary.txt", RejectReason.BINARY_CONTENT),
                Map.entry("batch/d_blank.txt", RejectReason.EMPTY_TEXT),
                Map.entry("batch/e_header_only.txt", RejectReason.EMPTY_TEXT),
                Map.entry("batch/f_bad_date.txt", RejectReason.INVALID_DATE),
                Map.entry("batch/g_bad_language.txt", RejectReason.INVALID_FIELD),
                Map.entry("batch/h_broken.xml", RejectReason.UNPARSEABLE_FEED),
                Map.entry("batch/i_html_in_xml.xml", RejectReason.UNPARSEABLE_FEED),
                Map.entry("batch/j_table.csv", RejectReason.UNSUPPORTED_FORMAT),
                Map.entry("batch/k_image.png", RejectReason.UNSUPPORTED_FORMAT),
                Map.entry("batch/l_lines.jsonl#2", RejectReason.INVALID_JSON),
                Map.entry("batch/l_lines.jsonl#3", RejectReason.INVALID_FIELD),
                Map.entry("batch/m_empty_body.jsonl#1", RejectReason.EMPTY_TEXT),
                Map.entry(dir.resolve("does-not-exist").toString(), RejectReason.UNREADABLE)));
        assertThat(rejections(outcomes)).allSatisfy(r -> {
            assertThat(r.getStage()).isEqualTo("ingest.file");
            assertThat(r.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(r.getRejectedAt()).isEqualTo(IngestTestSupport.NOW);
            assertThat(r.getId()).hasSize(32);
        });
        assertThat(rejections(outcomes)).extracting(RejectedInput::getId).doesNotHaveDuplicates();
    }

    @Test
    void deadLetterKeepsTheOriginalBytesSizeAndHash() throws Exception {
        byte[] latin1 = ("Canción " + TEXT).getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(dir, "latin1.txt", latin1);
        RejectedInput r = onlyRejection(readPaths(READER, file));
        assertThat(r.getOriginalBytes().array()).isEqualTo(latin1);
        assertThat(r.getOriginalSize()).isEqualTo(latin1.length);
        assertThat(r.getOriginalSha256()).isEqualTo(sha256(latin1));
        assertThat(r.getTruncated()).isFalse();
        assertThat(r.getMessage()).contains("UTF-8", "byte offset 5");
        assertThat(onlyRejection(readPaths(READER, file)).getId()).as("same input, same rejection id").isEqualTo(r.getId());
    }

    @Test
    void limitsOnArticleAndFileSizeTruncateTheDeadLetter() throws Exception {
        ArticleReader small = new ArticleReader(new IngestLimits(200, 16, 1000), CLOCK);
        byte[] article = (TEXT + " " + TEXT + " " + TEXT).getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[1500];
        Arrays.fill(huge, (byte) 'x');
        Path articleFile = write(dir, "long.txt", article);
        Path hugeFile = write(dir, "huge.txt", huge);

        Map<String, RejectedInput> byOrigin = rejections(readPaths(small, articleFile, hugeFile)).stream()
                .collect(Collectors.toMap(RejectedInput::getOrigin, Function.identity()));
        RejectedInput tooLong = byOrigin.get("long.txt");
        assertThat(tooLong.getReason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(tooLong.getMessage()).contains("200");
        assertThat(tooLong.getTruncated()).isTrue();
        assertThat(tooLong.getOriginalBytes().array()).isEqualTo(Arrays.copyOf(article, 16));
        assertThat(tooLong.getOriginalSize()).isEqualTo(article.length);

        RejectedInput tooBig = byOrigin.get("huge.txt");
        assertThat(tooBig.getReason()).isEqualTo(RejectReason.TOO_LARGE);
        assertThat(tooBig.getMessage()).contains("1500", "1000");
        assertThat(tooBig.getOriginalSize()).isEqualTo(1500);
        assertThat(tooBig.getOriginalSha256()).as("hash of the whole file").isEqualTo(sha256(huge));
        assertThat(tooBig.getOriginalBytes().remaining()).isEqualTo(16);
        assertThat(tooBig.getTruncated()).isTrue();

        Article fits = ((IngestOutcome.Accepted) small.readBytes("short.txt", TEXT.getBytes(StandardCharsets.UTF_8), null)
                .get(0)).article();
        assertThat(fits.getBody()).isEqualTo(TEXT);
    }

    @Test
    void pathologicallyNestedHtmlCostsOnlyItself() throws IOException {
        String deep = "<html><body>" + "<div><span>".repeat(100_000) + "texto" + "</span></div>".repeat(100_000)
                + "</body></html>";
        Path folder = dir.resolve("nested");
        write(folder, "a_deep.html", deep.getBytes(StandardCharsets.UTF_8));
        write(folder, "b_good.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        List<IngestOutcome> outcomes = readPaths(READER, folder);
        assertThat(rejections(outcomes)).singleElement().satisfies(r -> {
            assertThat(r.getOrigin()).isEqualTo("nested/a_deep.html");
            assertThat(r.getReason()).isEqualTo(RejectReason.UNPARSEABLE_HTML);
        });
        assertThat(articles(outcomes)).extracting(a -> a.getSource().getOrigin()).containsExactly("nested/b_good.txt");
    }

    @Test
    void hiddenFilesAndReadmesAreSkipped() throws IOException {
        Path folder = dir.resolve("corpus");
        write(folder, "nota.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        write(folder, "README.md", "# documentación del corpus".getBytes(StandardCharsets.UTF_8));
        write(folder, ".DS_Store", new byte[]{0, 0, 1});
        write(folder.resolve(".git"), "config", "[core]".getBytes(StandardCharsets.UTF_8));
        List<IngestOutcome> outcomes = readPaths(READER, folder);
        assertThat(outcomes).extracting(IngestOutcome::origin).containsExactly("corpus/nota.txt");
    }

    private static Path write(Path folder, String name, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), bytes);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
