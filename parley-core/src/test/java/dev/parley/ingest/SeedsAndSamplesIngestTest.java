package dev.parley.ingest;

import dev.parley.avro.Article;
import dev.parley.avro.DatePrecision;
import dev.parley.avro.DateSource;
import dev.parley.avro.SourceFormat;
import dev.parley.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.parley.ingest.IngestTestSupport.READER;
import static dev.parley.ingest.IngestTestSupport.articles;
import static dev.parley.ingest.IngestTestSupport.readPaths;
import static dev.parley.ingest.IngestTestSupport.rejections;
import static org.assertj.core.api.Assertions.assertThat;

class SeedsAndSamplesIngestTest {

    @Test
    void seedsAreDatedAsTheAnalystReadsThem() {
        List<IngestOutcome> outcomes = readPaths(READER, IngestTestSupport.seedsDir());
        assertThat(rejections(outcomes)).isEmpty();
        Map<String, Article> byPrefix = articles(outcomes).stream()
                .collect(Collectors.toMap(a -> a.getSource().getOrigin().substring(0, 9), Function.identity()));
        assertThat(byPrefix).containsOnlyKeys("seeds/000", "seeds/001", "seeds/002", "seeds/003", "seeds/004");
        assertDated(byPrefix.get("seeds/000"), "2026-01-11", DateSource.METADATA);
        assertDated(byPrefix.get("seeds/001"), "2026-01-15", DateSource.DATELINE);
        assertDated(byPrefix.get("seeds/002"), "2026-01-16", DateSource.EMBEDDED_POST);
        assertDated(byPrefix.get("seeds/003"), "2026-01-12", DateSource.EMBEDDED_POST);
        assertDated(byPrefix.get("seeds/004"), "2026-01-16", DateSource.EMBEDDED_POST);
        assertThat(byPrefix.values()).allSatisfy(a -> {
            assertThat(a.getLanguage()).isEqualTo("es");
            assertThat(a.getSource().getFormat()).isEqualTo(SourceFormat.TEXT);
        });
        // The legacy inline date is metadata, not text.
        assertThat(byPrefix.get("seeds/000").getBody()).startsWith("El secretario de Estado, Marco Rubio");
    }

    @Test
    void articleFieldsFollowTheContract() throws Exception {
        for (Article a : articles(readPaths(READER, IngestTestSupport.seedsDir()))) {
            String expectedHash = sha256Hex(TextNormalizer.normalize(a.getBody()));
            assertThat(a.getContentHash()).isEqualTo(expectedHash);
            assertThat(a.getId()).matches("[0-9a-f]{32}"); // what it hashes: ArticleReaderFormatsTest.articleIdentity
            assertThat(a.getBody()).isEqualTo(Normalizer.normalize(a.getBody(), Normalizer.Form.NFC))
                    .doesNotContain("\n\n\n").doesNotStartWith("\n").doesNotEndWith("\n").doesNotContain("\r");
            assertThat(a.getIngestedAt()).isEqualTo(IngestTestSupport.NOW);
            assertThat(a.getPublishedPrecision()).isEqualTo(DatePrecision.DAY);
        }
    }

    @Test
    void sameFilesInAnyOrderGiveTheSameArticles() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(IngestTestSupport.seedsDir())) {
            files = new ArrayList<>(list.sorted().toList());
        }
        Map<String, Article> reference = byId(READER, files);
        assertThat(reference).hasSize(5);
        Random random = new Random(20260311L);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(files, random);
            assertThat(byId(READER, files)).isEqualTo(reference);
        }
    }

    @Test
    void samplesInAnyOrderGiveTheSameArticles() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(IngestTestSupport.samplesDir())) {
            files = new ArrayList<>(list.filter(p -> !p.getFileName().toString().startsWith("README")).sorted().toList());
        }
        Map<String, Article> reference = byId(READER, files);
        assertThat(reference).hasSize(18);
        Random random = new Random(20260303L);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(files, random);
            assertThat(byId(READER, files)).isEqualTo(reference);
        }
    }

    @Test
    void samplesAreReadWithoutRejections() {
        List<IngestOutcome> outcomes = readPaths(READER, IngestTestSupport.samplesDir());
        assertThat(rejections(outcomes)).isEmpty();
        List<Article> articles = articles(outcomes);
        // 13 single-article files + 3 JSON lines + 2 feed items; samples/README.md is skipped.
        assertThat(articles).hasSize(18);
        Map<String, Article> byOrigin = articles.stream()
                .collect(Collectors.toMap(a -> a.getSource().getOrigin(), Function.identity()));

        assertDated(byOrigin.get("samples/01_llamada_tremblay_ibarra.txt"), "2026-03-02", DateSource.METADATA);
        assertDated(byOrigin.get("samples/02_comunicado_conjunto_ottawa.txt"), "2026-03-03", DateSource.DATELINE);
        assertDated(byOrigin.get("samples/05_gac_press_release_en.txt"), "2026-03-03", DateSource.DATELINE);
        assertDated(byOrigin.get("samples/06_sre_exige_plazo_visas.txt"), "2026-03-04", DateSource.EMBEDDED_POST);
        assertDated(byOrigin.get("samples/15_embajada_legacy_header.txt"), "2026-03-07", DateSource.METADATA);
        assertDated(byOrigin.get("samples/13_agencias.jsonl#2"), "2026-03-20", DateSource.METADATA);
        assertDated(byOrigin.get("samples/13_agencias.jsonl#3"), "2026-03-05", DateSource.DATELINE);

        Article html = byOrigin.get("samples/04_comunicado_reprint_portal.html");
        assertThat(html.getPublishedAt()).isEqualTo(Instant.parse("2026-03-04T15:15:00Z"));
        assertThat(html.getPublishedPrecision()).isEqualTo(DatePrecision.INSTANT);
        assertThat(html.getSource().getFormat()).isEqualTo(SourceFormat.HTML);

        Article feedItem = byOrigin.get("samples/14_feed_prairie_ledger.xml#prairieledger-2026-0309-consular");
        assertThat(feedItem.getSource().getFormat()).isEqualTo(SourceFormat.RSS);
        assertThat(feedItem.getSource().getFeed()).isEqualTo("samples/14_feed_prairie_ledger.xml");
        assertThat(feedItem.getPublishedAt()).isEqualTo(Instant.parse("2026-03-09T14:05:00Z"));
        assertThat(feedItem.getLanguage()).isEqualTo("es");

        // Dated by its header, so that the demo is the same on every start (a file's modification time is not).
        assertDated(byOrigin.get("samples/12_analysis_no_date_en.txt"), "2026-03-06", DateSource.METADATA);
        assertThat(articles).noneMatch(a -> a.getPublishedAtSource() == DateSource.FALLBACK);

        Map<String, Long> languages = articles.stream()
                .collect(Collectors.groupingBy(Article::getLanguage, Collectors.counting()));
        assertThat(languages).isEqualTo(Map.of("es", 13L, "en", 5L));
    }

    @Test
    void wholeDocumentCopiesDifferOnlyInBoilerplate() {
        Map<String, Article> byOrigin = articles(readPaths(READER, IngestTestSupport.samplesDir())).stream()
                .collect(Collectors.toMap(a -> a.getSource().getOrigin(), Function.identity()));
        String original = byOrigin.get("samples/08_llamada_okafor_villasenor.txt").getBody();
        String copyA = byOrigin.get("samples/09_copia_agencias.txt").getBody();
        String copyB = byOrigin.get("samples/10_copia_suscripcion.txt").getBody();
        assertThat(copyA).isNotEqualTo(original).startsWith(original.substring(0, 400));
        assertThat(copyB).isNotEqualTo(original).startsWith(original);
    }

    private static Map<String, Article> byId(ArticleReader reader, List<Path> files) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        reader.readPaths(files, outcomes::add);
        // ingestedAt comes from the fixed clock; everything else must come from the input alone.
        return articles(outcomes).stream().collect(Collectors.toMap(Article::getId, Function.identity()));
    }

    private static void assertDated(Article a, String day, DateSource source) {
        assertThat(a).as("article").isNotNull();
        assertThat(a.getPublishedAt()).as(a.getSource().getOrigin()).isEqualTo(Instant.parse(day + "T00:00:00Z"));
        assertThat(a.getPublishedPrecision()).as(a.getSource().getOrigin()).isEqualTo(DatePrecision.DAY);
        assertThat(a.getPublishedAtSource()).as(a.getSource().getOrigin()).isEqualTo(source);
    }

    private static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
