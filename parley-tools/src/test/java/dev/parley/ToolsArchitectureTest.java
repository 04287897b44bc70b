package dev.parley;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tools may use every module; among themselves (bench, eval, report, their commands) no cycles. */
class ToolsArchitectureTest {

    @Test
    void toolPackagesHaveNoCycles() {
        JavaClasses tools = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(tools.contain("dev.parley.tools.ParleyToolsCommand")).isTrue();
        // Each package its own slice: dev.parley.bench, dev.parley.tools, dev.parley.dedup.eval, ...
        slices().matching("dev.parley.(**)").should().beFreeOfCycles().check(tools);
    }
}
