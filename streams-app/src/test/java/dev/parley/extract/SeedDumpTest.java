package dev.parley.extract;

import dev.parley.extract.report.ExtractionReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class SeedDumpTest {
    @Test
    void dump() throws Exception {
        ExtractionReport report = new ExtractionReport(ArticleExtractor.withDefaults());
        ExtractionReport.Result r = report.run(Path.of(System.getProperty("parley.seeds.dir")),
                Path.of(getClass().getResource("/parley/expected-facts.json").toURI()));
        for (ArticleFacts f : r.facts()) {
            System.out.println("== " + f.articleId());
            f.events().forEach(e -> System.out.println("  " + e.localId() + " " + e.kind() + e.kinds() + " " + e.date() + " " + e.dateBasis() + " " + e.participants().stream().map(p -> p.actorId() + ":" + p.role()).toList() + " passages=" + e.passages().stream().map(p -> p.text().substring(0, Math.min(70, p.text().length()))).toList()));
            f.commitments().forEach(c -> System.out.println("  C " + c));
        }
        report.print(r, System.out);
    }
}
