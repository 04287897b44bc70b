package dev.parley.engagement;

import dev.parley.extract.ArticleExtractor;
import dev.parley.extract.ArticleFacts;
import dev.parley.extract.EventKind;
import dev.parley.extract.Gazetteer;
import dev.parley.extract.report.ExtractionReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples/ corpus (Canada–Mexico, invented), read by the real ingest and scored against its expected facts
 * (samples/.report/, a hidden folder so that ingest does not take the JSON files for articles).
 */
class SamplesReportTest {

    private static Path samples;
    private static ExtractionReport report;
    private static ExtractionReport.Result result;

    @BeforeAll
    static void run() throws Exception {
        samples = Path.of(System.getProperty("parley.samples.dir"));
        Path facts = samples.resolve(".report");
        Gazetteer gazetteer = Gazetteer.load(List.of(facts.resolve("gazetteer-extension.json")));
        // Gazetteer actors: the samples' facts as the extension states them (the default, text actors, is scored by
        // ReportCommandTest and on real text by parley eval extraction).
        ArticleExtractor extractor = ArticleExtractor.withGazetteerActors(gazetteer);
        report = new ExtractionReport(extractor);
        result = report.run(samples, facts.resolve("expected-facts.json"));
        report.print(result, new java.io.PrintWriter(System.out, true));
    }

    @Test
    void everyExpectedEventIsFoundAndNoOtherButTheMisreadFarmersDemandAndTheOttawaAgreement() {
        assertThat(result.events().recall()).isEqualTo(1.0);
        // Known extraction error (README "Sentences that still fail"): 13#3's "Canadian farm groups called on both
        // governments" is read as a CA->MX demand; merging by direction no longer hides it in the MX->CA threat.
        // And what the ministers committed to in Ottawa (02, 05) is an agreement of its own, apart from their meeting;
        // the samples' expected facts, written when an agreement was part of its meeting, do not list it.
        assertThat(result.unmatchedExtracted()).hasSize(2)
                .anySatisfy(e -> assertThat(e).asString().startsWith("DEMAND").contains("country:CA:INITIATOR")
                        .contains("sources=[13_agencias#3]"))
                .anySatisfy(e -> assertThat(e).asString().startsWith("AGREEMENT_COMMITMENT").contains("2026-03-03")
                        .contains("sources=[02_comunicado_conjunto_ottawa, 05_gac_press_release_en]"));
        assertThat(result.sourceRecall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void bothCommitmentsAreFoundWithTheirReports() {
        assertThat(result.commitments().recall()).isEqualTo(1.0);
        assertThat(result.commitmentSourceRecall()).isGreaterThanOrEqualTo(0.95);
        // The one extra commitment is the meeting agreed in the call of 2 March, which then took place.
        assertThat(result.state().commitments()).filteredOn(c -> c.status() == Commitment.Status.HELD).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void ingestAcceptsEveryItemOfTheSamples() {
        assertThat(result.corpus().rejected()).isEmpty();
        assertThat(result.corpus().articles()).hasSize(18);
    }

    @Test
    void theFootballArticleYieldsNothing() {
        ArticleFacts football = fact("11_futbol_clasico_regio");
        assertThat(football.events()).isEmpty();
        assertThat(football.commitments()).isEmpty();
    }

    @Test
    void theEnglishPressReleaseYieldsTheSameKindsOfFactsAsTheSpanishCommunique() {
        ArticleFacts spanish = fact("02_comunicado_conjunto_ottawa");
        ArticleFacts english = fact("05_gac_press_release_en");
        assertThat(kinds(english)).isEqualTo(kinds(spanish));
        assertThat(english.commitments().stream().map(c -> c.dueDate()).collect(Collectors.toSet()))
                .isEqualTo(spanish.commitments().stream().map(c -> c.dueDate()).collect(Collectors.toSet()));
        Map<String, String> merged = EngagementMerger.sourcesByEvent(result.state()).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), result.keys(Set.copyOf(e.getValue()))))
                .filter(e -> e.getValue().contains("05_gac_press_release_en"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue())));
        assertThat(merged.values()).allMatch(v -> v.contains("02_comunicado_conjunto_ottawa"));
    }

    private static Set<EventKind> kinds(ArticleFacts f) {
        Set<EventKind> out = EnumSet.noneOf(EventKind.class);
        f.events().forEach(e -> out.add(e.kind()));
        return out;
    }

    private static ArticleFacts fact(String id) {
        return result.factsOf(id);
    }
}
