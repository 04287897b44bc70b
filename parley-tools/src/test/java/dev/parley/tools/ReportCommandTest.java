package dev.parley.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code parley report extraction} through picocli, as a user runs it. */
class ReportCommandTest {

    private static final Path SEEDS = Path.of(System.getProperty("parley.seeds.dir"));
    private static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir"));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int parley(String... args) {
        CommandLine cli = new CommandLine(new ParleyToolsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void scoresTheSeedsAgainstTheirExpectedFacts() throws Exception {
        Path expected = Path.of(ReportCommandTest.class.getResource("/parley/expected-facts.json").toURI());

        int code = parley("report", "extraction", SEEDS.toString(), expected.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("events       P=1.00 R=1.00 (matched 6, extracted 6, expected 6)")
                .contains("commitments  P=1.00 R=1.00 (matched 2, extracted 2, expected 2)")
                .doesNotContain("UNMATCHED");
    }

    @Test
    void theSamplesNeedTheirGazetteerExtension() {
        Path facts = SAMPLES.resolve(".report");
        String expected = facts.resolve("expected-facts.json").toString();

        assertThat(parley("report", "extraction", SAMPLES.toString(), expected,
                "--gazetteer", facts.resolve("gazetteer-extension.json").toString())).isZero();
        String withExtension = out.toString();
        out.getBuffer().setLength(0);
        assertThat(parley("report", "extraction", SAMPLES.toString(), expected)).isZero();

        // Three extras with the default text actors: the headline agreement of 03 ("Ottawa y México pactan grupo de
        // trabajo"), read with the working group and both states as its parties, which no longer merges with the 3
        // March meeting its people attended; the undated analysis 12, whose recap of Mexico's demand and warning stays
        // an event of its paper's day; and what the ministers committed to in Ottawa (02, 05), an agreement apart from
        // their meeting that the samples' expected facts, written when an agreement was part of its meeting, omit.
        assertThat(withExtension).contains("events       P=0.70 R=1.00 (matched 7, extracted 10, expected 7)");
        assertThat(out.toString()).contains("events").doesNotContain("events       P=1.00 R=1.00");
    }

    @Test
    void aMissingInputIsAnErrorNotAnEmptyReport() {
        int code = parley("report", "extraction", SEEDS.resolve("no-such-folder").toString(), "missing.json");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no such file or folder");
        assertThat(out.toString()).isEmpty();
    }
}
