package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.config.ConfigDef.ConfigKey;
import dev.parley.config.ParleyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shared flags set the keys the definition documents, and a bad setting stops a command with one line. */
class ConfigOptionsTest {

    @Test
    void everyConfigurationFlagIsTheOneTheDefinitionDocuments() {
        Set<String> flags = new CommandLine(new RunCommand()).getCommandSpec().mixins().get("options").options()
                .stream().map(o -> o.longestName()).filter(name -> !name.equals("--config"))
                .collect(Collectors.toSet());
        Map<String, String> documented = new TreeMap<>();
        ParleyConfig.DEFINITION.keys().forEach(k -> k.flag().ifPresent(f -> documented.put(f, k.name())));
        assertThat(flags).containsExactlyInAnyOrderElementsOf(documented.keySet());

        for (ConfigKey key : ParleyConfig.DEFINITION.keys()) {
            if (key.flag().isEmpty()) {
                continue;
            }
            String value = key.type() == dev.parley.config.ConfigDef.Type.INT ? "4321" : "set-by-flag";
            RunCommand run = new RunCommand();
            new CommandLine(run).parseArgs(key.flag().get(), value);
            assertThat(run.options.load().get(key.name())).as(key.flag().get()).contains(value);
        }
    }

    @Test
    void aBadSettingEndsTheCommandWithOneLineAndExitCodeTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parley.properties");
        Files.writeString(file, "parley.topic.partitions=none\n");
        StringWriter err = new StringWriter();
        CommandLine line = ParleyCommand.commandLine();
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute("run", "--config", file.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(exit).isEqualTo(ParleyCommand.CONFIG_ERROR);
        assertThat(err.toString().strip())
                .isEqualTo("parley: Configuration parley.topic.partitions = 'none': must be a whole number");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aValueOutOfRangeFromAFlagIsRefusedBeforeAnythingStarts(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine line = ParleyCommand.commandLine();
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute("ingest", "--kafka-port", "70000", "--data-dir", dir.toString(), dir.toString());
        assertThat(exit).isEqualTo(ParleyCommand.CONFIG_ERROR);
        assertThat(err.toString()).contains("parley.kafka.port", "between 0 and 65535").doesNotContain("\tat ");
    }

    @Test
    void theLoadedConfigurationHidesSecretsWhenPrinted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parley.properties");
        Files.writeString(file, "parley.http.internal.secret=a-shared-secret-of-some-length\n"
                + "ssl.keystore.password=store-pass\n");
        String printed = ParleyConfig.load(Optional.of(file), Map.of(), Map.of()).toString();
        assertThat(printed).contains("parley.http.internal.secret=********", "ssl.keystore.password=********")
                .doesNotContain("a-shared-secret-of-some-length", "store-pass");
    }
}
