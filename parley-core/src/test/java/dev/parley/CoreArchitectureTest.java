package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The functional core: plain Java over immutable records, no Kafka, capability packages without cycles. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importThisModule() {
        // This module's compiled classes only (the tests run in the module directory).
        core = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(core.containPackage("dev.parley.dedup")).isTrue();
    }

    @Test
    void noCoreClassUsesKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .check(core);
    }

    @Test
    void kafkaIsNotEvenOnTheClasspath() {
        // Not a transitive dependency either: parley-core's classpath (main and test) has no Kafka jar.
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.serialization.Serde"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void coreDoesNotReachIntoTheShellTheAppOrTheTools() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.parley.kafka..", "dev.parley.registry..",
                        "dev.parley.ops..", "dev.parley..stream..", "dev.parley.cli..", "dev.parley.api..",
                        "dev.parley.tools..", "dev.parley.bench..", "dev.parley.eval..", "dev.parley.dedup.eval..",
                        "dev.parley.extract.report..")
                .check(core);
    }

    @Test
    void onlyTheCoreNlpAdapterImportsStanford() {
        noClasses().that().resideOutsideOfPackage("dev.parley.nlp.corenlp..")
                .should().dependOnClassesThat().resideInAPackage("edu.stanford..")
                .check(core);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        // One slice per capability (dev.parley.dedup with dedup.store is one capability).
        slices().matching("dev.parley.(*)..").should().beFreeOfCycles().check(core);
    }
}
