package dev.parley.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.dedup.store.InMemoryDedupStores;
import dev.parley.text.Shingles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SEEDS.md "Repeated reports": three statements, no near-identical pair, no statement made of formulas. */
class SeedStatementsTest {

    private static List<Seeds.SeedArticle> seeds;
    private static InMemoryDedupStores stores;
    private static Map<String, String> fileById;

    @BeforeAll
    static void ingestSeeds() {
        seeds = Seeds.load();
        stores = new InMemoryDedupStores();
        DedupEngine engine = new DedupEngine(DedupConfig.defaults(), stores);
        fileById = new TreeMap<>();
        for (Seeds.SeedArticle s : seeds) {
            engine.ingest(s.id(), Instant.ofEpochMilli(s.publishedAtMillis()), s.text());
            fileById.put(s.id(), s.file().substring(0, 3));
        }
    }

    @Test
    void everySeedIsUniqueAndNoPairIsNearIdentical() {
        assertThat(stores.decisions().snapshot().values())
                .allMatch(d -> d.kind() == ArticleDecision.Kind.UNIQUE);
        List<AnalyzedArticle> analyzed = seeds.stream()
                .map(s -> AnalyzedArticle.of(s.id(), s.publishedAtMillis(), s.text(), 5)).toList();
        for (int i = 0; i < analyzed.size(); i++) {
            for (int j = i + 1; j < analyzed.size(); j++) {
                assertThat(Shingles.jaccard(analyzed.get(i).shingleSet(), analyzed.get(j).shingleSet()))
                        .isLessThan(0.15);
            }
        }
    }

    @Test
    void exactlyTheThreeRepeatedReportsBecomeStatements() {
        Map<Set<String>, String> carriersToCanonical = new java.util.HashMap<>();
        for (Statement s : stores.statements().snapshot().values()) {
            Set<String> files = s.articleIds().stream().map(fileById::get).collect(Collectors.toCollection(TreeSet::new));
            carriersToCanonical.put(files, fileById.get(s.canonicalArticleId()));
        }
        assertThat(carriersToCanonical).containsOnly(
                Map.entry(new TreeSet<>(List.of("001", "002", "004")), "001"),  // 15 Jan joint communiqué
                Map.entry(new TreeSet<>(List.of("000", "003")), "000"),         // 11 Jan readout
                Map.entry(new TreeSet<>(List.of("002", "004")), "002"));        // 16 Jan WHA statement
    }

    @Test
    void statementsSayWhatTheRepeatedReportsSay() {
        Map<String, String> textByCanonical = new TreeMap<>();
        stores.statements().snapshot().values()
                .forEach(s -> textByCanonical.put(fileById.get(s.canonicalArticleId()), s.canonicalText()));
        assertThat(textByCanonical.get("000")).contains("resultados tangibles");
        assertThat(textByCanonical.get("001")).contains("subsisten desafíos significativos");
        assertThat(textByCanonical.get("002")).contains("concretos y verificables");
    }

    @Test
    void reprintSpansPointAtTheSharedTextInEachArticle() {
        Map<String, String> textById = new TreeMap<>();
        seeds.forEach(s -> textById.put(s.id(), s.text()));
        for (Statement s : stores.statements().snapshot().values()) {
            for (Reprint r : s.reprints()) {
                String span = textById.get(r.articleId()).substring(r.charStart(), r.charEnd());
                assertThat(span.split("\\s+").length).isGreaterThanOrEqualTo(12);
                assertThat(r.similarity()).isBetween(0.5, 1.0);
            }
        }
    }

    @Test
    void seedArticlesArePartlyDerivedFromTheStatementsTheyCarry() {
        List<MeterLabel> labels = new ArrayList<>();
        stores.statements().snapshot().values().forEach(s -> labels.addAll(s.labels()));
        assertThat(labels).hasSize(7);
        assertThat(labels).allMatch(l -> l.derivation() == MeterLabel.Derivation.PARTIALLY)
                .allMatch(l -> l.share() > 0.03 && l.share() < 0.5);
    }

    @Test
    void aTitleAndNameFormulaAloneIsNoPassage() {
        String a = "Ayer el secretario de Relaciones Exteriores, Juan Ramón de la Fuente, y el secretario de "
                + "Estado, Marco Rubio, hablaron por teléfono durante una hora sobre comercio agrícola.";
        String b = "En otro tema, el secretario de Relaciones Exteriores, Juan Ramón de la Fuente, y el secretario "
                + "de Estado, Marco Rubio, firmaron un memorando sobre agua del río Bravo en la capital.";
        PassageAligner aligner = new PassageAligner(DedupConfig.defaults());
        assertThat(aligner.align(AnalyzedArticle.of("a", 0, a, 5), AnalyzedArticle.of("b", 0, b, 5))).isEmpty();
    }

    @Test
    void aReprintedSentenceWithOneChangedWordIsOnePassage() {
        String quote = "los próximos compromisos bilaterales requerirán resultados concretos y verificables para "
                + "desmantelar las redes criminales y lograr una reducción real del tráfico de armas en la frontera";
        String changed = quote.replace("reducción real", "reducción efectiva");
        String a = "La cancillería dijo hoy que " + quote + ", según un comunicado.";
        String b = "En su cuenta oficial escribió: " + changed + ". Nada más se supo.";
        List<PassageMatch> matches = new PassageAligner(DedupConfig.defaults())
                .align(AnalyzedArticle.of("a", 0, a, 5), AnalyzedArticle.of("b", 0, b, 5));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).matchedWords()).isGreaterThanOrEqualTo(25);
        assertThat(matches.get(0).similarity()).isLessThan(1.0).isGreaterThan(0.8);
    }
}
