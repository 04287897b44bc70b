package dev.parley.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.Gazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole evaluation with the real extractor: a team-written sample (08, a phone call Canada–Mexico on a dated
 * Friday) committed as a post to a git repository made here, and a Reuters-format story that names two countries
 * and reports no engagement.
 */
class ExtractionEvaluationTest {

    static final Path SAMPLES = Path.of(System.getProperty("parley.samples.dir"));
    static final String POST_PATH = "_posts/2026/03/06/0800-llamada.md";

    static String goldLines(String blob) {
        return """
                {"source": "ljzac", "path": "%s", "blob": "%s", "published": "2026-03-06", "language": "es", \
                "hasEngagement": true, "events": [{"kind": "CONSULT_CALL", "countries": ["CA", "MX"], \
                "date": "2026-03-06", "participants": [{"name": "Rosa Elena Villaseñor", "country": "MX", \
                "office": "secretaria de Gobernación"}, {"name": "Daniel Okafor", "country": "CA", \
                "office": "ministro de Inmigración"}], "evidence": {"start": 0, "end": 283}}], \
                "commitments": [{"what": "volver a hablar", "due": "2026-03-20", "parties": ["CA", "MX"]}]}
                {"source": "reuters-21578", "id": "4102", "published": "1987-03-04", "language": "en", \
                "hasEngagement": false, "events": [], "commitments": []}
                """.formatted(POST_PATH, blob);
    }

    static Path[] sources(Path dir) throws Exception {
        Path reuters = SourceReadersTest.reutersPackage(dir.resolve("reuters"));
        Path gitDir = SourceReadersTest.gitRepo(dir, POST_PATH,
                Files.readString(SAMPLES.resolve("08_llamada_okafor_villasenor.txt"), StandardCharsets.UTF_8));
        Path gold = dir.resolve("dev.jsonl");
        Files.writeString(gold, goldLines(SourceReadersTest.git(dir.resolve("site"), "rev-parse", "HEAD:" + POST_PATH)));
        return new Path[]{reuters, gitDir, gold};
    }

    @Test
    void theRealExtractorIsScoredPerLanguage(@TempDir Path dir) throws Exception {
        Path[] s = sources(dir);
        // The sample post's people are the samples' own fiction: the extractor knows them from its extension.
        ArticleExtractor extractor = ArticleExtractor.withTextActors(
                Gazetteer.load(List.of(SAMPLES.resolve(".report/gazetteer-extension.json"))));
        ExtractionEvaluation.Outcome outcome = new ExtractionEvaluation(extractor)
                .run(GoldFile.read(s[2]), new ExtractionEvaluation.Sources(s[0], s[1]));
        assertThat(outcome.skipped()).isEmpty();
        assertThat(outcome.byLanguage()).containsOnlyKeys("en", "es");

        Scoring.ArticleResult call = outcome.byLanguage().get("es").get(0);
        assertThat(call.gold().reference()).isEqualTo("ljzac:" + POST_PATH);
        // The call of "este viernes" is 2026-03-06 between Canada and Mexico, as the sample says.
        assertThat(call.matched()).containsExactly(new Scoring.Pair(0, 0));
        assertThat(call.spuriousDyads()).isEmpty();
        assertThat(call.participantsGold()).isEqualTo(2);
        Prediction.Event event = call.prediction().events().get(0);
        assertThat(event.countries()).containsExactlyInAnyOrder("CA", "MX");
        // Its evidence is the lead sentence of the post's body (the gold text), not of the title.
        assertThat(event.evidence()).anySatisfy(span -> assertThat(call.text().excerpt(span[0], span[1], 40))
                .startsWith("La secretaria de Gobernación"));

        Scoring.ArticleResult wheat = outcome.byLanguage().get("en").get(0);
        assertThat(wheat.gold().hasEngagement()).isFalse();
        assertThat(wheat.negativeWithEvents()).isFalse();

        EvaluationReport report = new EvaluationReport(outcome);
        assertThat(report.columns()).containsOnlyKeys("en", "es", "all");
        assertThat(report.columns().get("es").eventRecall()).isEqualTo(1.0);
        assertThat(report.columns().get("all").negativesWithEvents()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertThat(json.at("/languages/es/events/matched").asInt()).isEqualTo(1);
        assertThat(json.at("/languages/en/negatives").asInt()).isEqualTo(1);
        assertThat(json.at("/articles").size()).isEqualTo(2);
        // The sample post sits in a day folder (06) that is not a development part.
        assertThat(json.at("/outsideDevelopmentParts").toString()).contains(POST_PATH).doesNotContain("4102");
    }

    @Test
    void aChangedPostIsNotScoredAndAMissingSourceIsAnError(@TempDir Path dir) throws Exception {
        Path[] s = sources(dir);
        List<GoldArticle> gold = GoldFile.read(s[2]);
        GoldArticle post = gold.get(0);
        GoldArticle changed = new GoldArticle(post.file(), post.line(), post.source(), post.id(), post.path(),
                "0123456789abcdef0123456789abcdef01234567", post.published(), post.language(), post.hasEngagement(),
                post.events(), post.commitments());
        ExtractionEvaluation evaluation = new ExtractionEvaluation(ArticleExtractor.withDefaults());
        ExtractionEvaluation.Outcome outcome = evaluation.run(List.of(changed, gold.get(1)),
                new ExtractionEvaluation.Sources(s[0], s[1]));
        assertThat(outcome.articles()).hasSize(1);
        assertThat(outcome.skipped()).singleElement().satisfies(k -> assertThat(k.reason()).contains("changed"));

        assertThatThrownBy(() -> evaluation.run(gold, new ExtractionEvaluation.Sources(s[0], null)))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("--ljzac");
        assertThatThrownBy(() -> evaluation.run(gold, new ExtractionEvaluation.Sources(null, s[1])))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("--reuters");
    }

    @Test
    void aBadGoldLineNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("bad.jsonl");
        Files.writeString(gold, "{\"source\": \"reuters-21578\", \"id\": \"4101\", \"events\": []}\n"
                + "{\"source\": \"reuters-21578\", \"id\": \"4102\", \"events\": [{\"kind\": \"HUG\"}]}\n");
        assertThatThrownBy(() -> GoldFile.read(gold)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("bad.jsonl:2").hasMessageContaining("HUG");
    }
}
