package dev.parley.extract;

import dev.parley.extract.report.IngestedCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction cost per article with the NLP layer, on the seeds and the samples: prints mean and p99 (no timed
 * assertion; the figure depends on the machine and its load). The pipelines load before the measured passes.
 */
class ExtractionCostTest {

    @Test
    void printsMeanAndP99PerArticleWithTheParser() {
        ArticleExtractor x = ArticleExtractor.withDefaults();
        List<ArticleInput> articles = new ArrayList<>(IngestedCorpus.read(Path.of(System.getProperty("parley.seeds.dir"))).articles());
        articles.addAll(IngestedCorpus.read(Path.of(System.getProperty("parley.samples.dir"))).articles());
        assertThat(articles).hasSizeGreaterThan(10);
        int events = 0;
        for (ArticleInput a : articles) {
            events += x.extract(a).events().size(); // warm-up: loads both pipelines, JIT
        }
        assertThat(events).isPositive();
        List<Long> nanos = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            for (ArticleInput a : articles) {
                long t0 = System.nanoTime();
                x.extract(a);
                nanos.add(System.nanoTime() - t0);
            }
        }
        nanos.sort(Long::compare);
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double p99 = nanos.get((int) Math.min(nanos.size() - 1, Math.ceil(nanos.size() * 0.99) - 1)) / 1e6;
        double p50 = nanos.get(nanos.size() / 2) / 1e6;
        System.out.printf("extraction with NLP: %d articles x 3 passes, mean %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                articles.size(), mean, p50, p99, nanos.get(nanos.size() - 1) / 1e6);
    }
}
