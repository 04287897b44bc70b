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

/** The Kafka shell: clients and Streams only (no broker), and nothing from the app or the tools. */
class StreamsArchitectureTest {

    private static JavaClasses streams;

    @BeforeAll
    static void importThisModule() {
        streams = new ClassFileImporter().importPath(Path.of("target/classes"));
        assertThat(streams.containPackage("dev.parley.kafka")).isTrue();
    }

    @Test
    void theShellDoesNotUseTheBrokerTheAppOrTheTools() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("kafka..", "org.apache.kafka.server..",
                        "org.apache.kafka.metadata..", "org.apache.kafka.raft..", "org.apache.kafka.controller..",
                        "dev.parley.cli..", "dev.parley.api..", "dev.parley.tools..", "dev.parley.bench..",
                        "dev.parley.dedup.eval..", "dev.parley.extract.report..")
                .check(streams);
    }

    @Test
    void theBrokerIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("kafka.server.KafkaRaftServer"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("dev.parley.kafka.EmbeddedKafkaBroker"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void capabilitiesHaveNoCycles() {
        slices().matching("dev.parley.(*)..").should().beFreeOfCycles().check(streams);
    }
}
