package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The in-process broker and registry: infrastructure for the app and the tests, unaware of either. */
class EmbeddedArchitectureTest {

    @Test
    void theEmbeddedServersKnowNeitherTheAppNorTheTools() {
        JavaClasses embedded = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(embedded.contain("dev.parley.kafka.EmbeddedKafkaBroker")).isTrue();
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.parley.cli..", "dev.parley.api..",
                        "dev.parley.tools..", "dev.parley.bench..", "dev.parley.dedup.eval..",
                        "dev.parley.extract.report..", "dev.parley..stream..")
                .check(embedded);
    }
}
