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

/** The application: it may use every lower module, never the tools (bench, eval, report). */
class AppArchitectureTest {

    private static JavaClasses app;

    @BeforeAll
    static void importThisModule() {
        app = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(app.contain("dev.parley.cli.ParleyCommand")).isTrue();
    }

    @Test
    void appCodeDoesNotImportTheTools() {
        // dev.parley.eval: the extraction evaluation (parley eval extraction) belongs to the tools too.
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.parley.tools..", "dev.parley.bench..",
                        "dev.parley.eval..", "dev.parley.dedup.eval..", "dev.parley.extract.report..")
                .check(app);
    }

    @Test
    void theToolsAreNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("dev.parley.tools.ParleyToolsCommand"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("dev.parley.(*)..").should().beFreeOfCycles().check(app);
    }
}
