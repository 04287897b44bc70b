package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's configuration table is the definition's: this fails when they differ. To regenerate the table, run it
 * with {@code -Dparley.readme.write=true}.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeConfigurationTableIsGeneratedFromTheDefinition() throws IOException {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(ConfigTable.HEADER);
        assertThat(start).as("README has a configuration table starting with %s", ConfigTable.HEADER).isNotNegative();
        int end = start;
        while (end < readme.size() && readme.get(end).startsWith("|")) {
            end++;
        }
        List<String> generated = ConfigTable.lines(ParleyConfig.DEFINITION);
        if (Boolean.getBoolean("parley.readme.write")) {
            List<String> updated = new ArrayList<>(readme.subList(0, start));
            updated.addAll(generated);
            updated.addAll(readme.subList(end, readme.size()));
            Files.write(README, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme.subList(start, end))
                .as("README's configuration table; regenerate with -Dparley.readme.write=true. Expected:%n%s",
                        ConfigTable.markdown(ParleyConfig.DEFINITION))
                .containsExactlyElementsOf(generated);
    }

    @Test
    void everyDefinedKeyHasADocLineAndAnEnvironmentVariableThatMapsBackToIt() {
        for (ConfigDef.ConfigKey key : ParleyConfig.DEFINITION.keys()) {
            assertThat(key.documentation()).as(key.name()).isNotBlank().doesNotContain("|");
            String env = ParleyConfig.environmentName(key.name());
            assertThat(ParleyConfig.fromEnvironment(java.util.Map.of(env, "x"))).as(env)
                    .containsEntry(key.name(), "x");
        }
    }
}
