package dev.parley.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code parley eval extraction} on a tiny synthetic gold file: table, details, JSON and its input errors. */
class EvalExtractionCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ParleyToolsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path gold(Path dir, Path storyDir) throws Exception {
        Path data = Files.createDirectories(storyDir.resolve("data/full"));
        Files.writeString(data.resolve("reuters-004.json"), """
                [{"title": "FRANCE SAYS IT WILL NOT MEET ARGENTINA", "body": "France said on Tuesday\\nit had no \
                plans for talks with Argentina.\\n Reuter\\n\\u0003", "date": "4-MAR-1987 10:00:00.00", \
                "places": ["france"], "id": "4103"}]""", StandardCharsets.UTF_8);
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, """
                {"source": "reuters-21578", "id": "4103", "published": "1987-03-04", "language": "en", \
                "hasEngagement": false, "events": [], "commitments": []}
                """);
        return gold;
    }

    @Test
    void printsATablePerLanguageAndJson(@TempDir Path dir) throws Exception {
        Path stories = dir.resolve("stories");
        Path gold = gold(dir, stories);
        int code = run("eval", "extraction", "--gold", gold.toString(), "--reuters", stories.toString(), "--details");
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("extraction vs gold", "event F1 (strict)", "participant recall",
                "negatives with events", "commitments matched/gold", "targets (per language");
        assertThat(code).isIn(0, 1);

        out.getBuffer().setLength(0);
        run("eval", "extraction", "--gold", gold.toString(), "--reuters", stories.toString(), "--json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString())
                .at("/languages/en/articles").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingSourceIsAClearErrorWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path gold = gold(dir, dir.resolve("stories"));
        assertThat(run("eval", "extraction", "--gold", gold.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("pass --reuters DIR").doesNotContain("Exception", "\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("eval", "extraction", "--gold", gold.toString(), "--reuters", dir.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("npm install --prefix").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("eval", "extraction", "--gold", dir.resolve("no.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such gold file");
    }
}
