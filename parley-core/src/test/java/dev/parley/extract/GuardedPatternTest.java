package dev.parley.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GuardedPatternTest {

    @Test
    void theAnchorIsTheLeadingLiteralWithoutAnOptionalLastLetter() {
        assertThat(GuardedPattern.leadingLiteral("dialog(?:o|aron)")).isEqualTo("dialog");
        assertThat(GuardedPattern.leadingLiteral("llamadas? telefonicas?")).isEqualTo("llamada");
        assertThat(GuardedPattern.leadingLiteral("told reporters")).isEqualTo("told reporters");
        assertThat(GuardedPattern.leadingLiteral("reunio\\w*")).isEqualTo("reunio");
        assertThat(GuardedPattern.leadingLiteral("se reunieron|reunion")).isEmpty();
        assertThat(GuardedPattern.leadingLiteral("(?:se )?reunio")).isEmpty();
        assertThat(GuardedPattern.leadingLiteral("ab?")).isEmpty();
    }

    @Test
    void aFoldedPhraseIsAnchoredOnItsLongestWord() {
        GuardedPattern p = GuardedPattern.folded("Juan Ramón de la Fuente");
        assertThat(p.anchor()).isEqualTo("fuente");
        assertThat(p.matcherOrNull("el canciller juan  ramon de la fuente dijo")).isNotNull()
                .satisfies(m -> assertThat(m.find()).isTrue());
        assertThat(p.matcherOrNull("el canciller dijo")).isNull();
    }

    /** The guard must only skip texts the regex cannot match: every trigger, on every sentence we have. */
    @Test
    void noLexiconTriggerMatchesATextItsGuardSkips() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (String dir : List.of("parley.seeds.dir", "parley.samples.dir")) {
            try (Stream<Path> files = Files.walk(Path.of(System.getProperty(dir)))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    sentences.addAll(List.of(Folding.fold(text).split("(?<=[.!?])\\s+")));
                }
            }
        }
        Lexicon lexicon = Lexicon.loadDefault();
        int matches = 0;
        for (Lexicon.Trigger t : lexicon.triggers) {
            for (String s : sentences) {
                boolean unguarded = t.pattern().pattern().matcher(s).find();
                Matcher guarded = t.pattern().matcherOrNull(s);
                assertThat(guarded != null && guarded.find()).as("%s on %s", t.pattern().pattern(), s).isEqualTo(unguarded);
                matches += unguarded ? 1 : 0;
            }
        }
        assertThat(matches).as("the corpus exercises the triggers").isGreaterThan(50);
    }
}
