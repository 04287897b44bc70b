package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering, typed values, validation and redaction of Parley's configuration. */
class ParleyConfigTest {

    @Test
    void defaultsComeFromTheDefinitionTyped() {
        ParleyConfig config = ParleyConfig.of(Map.of());
        assertThat(config.getInt(ParleyConfig.HTTP_PORT)).isEqualTo(8080);
        assertThat(config.getLong(ParleyConfig.INGEST_MAX_FILE_BYTES)).isEqualTo(67_108_864L);
        assertThat(config.getDouble(ParleyConfig.DEDUP_JACCARD_THRESHOLD)).isEqualTo(0.7);
        assertThat(config.getDate(ParleyConfig.INGEST_EARLIEST_DATE)).isEqualTo(LocalDate.of(1800, 1, 1));
        assertThat(config.getString(ParleyConfig.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(config.getList(ParleyConfig.HTTP_ALLOWED_HOSTS)).isEmpty();
        assertThat(config.getPassword(ParleyConfig.HTTP_INGEST_TOKEN)).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("parley-data"));
        assertThat(config.embeddedKafka()).isTrue();
        assertThat(config.embeddedRegistry()).isTrue();
    }

    @Test
    void fileThenEnvironmentThenFlagsLaterWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parley.properties");
        Files.writeString(file, "parley.http.port=9000\nparley.topic.partitions=8\nparley.kafka.port=9100\n");
        ParleyConfig config = ParleyConfig.load(Optional.of(file),
                Map.of("PARLEY_TOPIC_PARTITIONS", "12", "PARLEY_KAFKA_PORT", "9200",
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "SCHEMA_REGISTRY_URL", "http://registry:8081"),
                Map.of(ParleyConfig.KAFKA_PORT, "9300"));
        assertThat(config.getInt(ParleyConfig.HTTP_PORT)).isEqualTo(9000);
        assertThat(config.getInt(ParleyConfig.TOPIC_PARTITIONS)).isEqualTo(12);
        assertThat(config.getInt(ParleyConfig.KAFKA_PORT)).isEqualTo(9300);
        assertThat(config.clientConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ParleyConfig.SCHEMA_REGISTRY_URL, "http://registry:8081")
                .doesNotContainKeys(ParleyConfig.HTTP_PORT);
        assertThat(config.embeddedRegistry()).isFalse();
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("other.properties");
        Files.writeString(file, "parley.application.id=from-file\n");
        ParleyConfig config = ParleyConfig.load(Optional.empty(), Map.of("PARLEY_CONFIG", file.toString(),
                "PARLEY_LOG_FORMAT", "JSON"), Map.of());
        assertThat(config.getString(ParleyConfig.APPLICATION_ID)).isEqualTo("from-file");
        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.getString(ParleyConfig.LOG_FORMAT)).isEqualTo("JSON");
        assertThatThrownBy(() -> ParleyConfig.load(Optional.empty(), Map.of("PARLEY_LOG_FORMAT", "XML"), Map.of()))
                .hasMessageContaining("parley.log.format").hasMessageContaining("one of TEXT, JSON");
    }

    @Test
    void commaSeparatedListsAreSplitAndTrimmed() {
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.HTTP_ALLOWED_HOSTS, " news.example , proxy:8443,,"));
        assertThat(config.getList(ParleyConfig.HTTP_ALLOWED_HOSTS)).containsExactly("news.example", "proxy:8443");
    }

    @Test
    void aBadValueIsRefusedWithAMessageNamingTheKey() {
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.HTTP_PORT, "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Configuration parley.http.port = 'eighty': must be a whole number");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.HTTP_PORT, "70000")))
                .hasMessageContaining("parley.http.port").hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.PROCESSING_GUARANTEE, "exactly_once")))
                .hasMessageContaining("one of exactly_once_v2, at_least_once");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.TOPIC_REPLICATION_FACTOR, "0")))
                .hasMessageContaining("-1 (the broker's default) or at least 1");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.DEDUP_JACCARD_THRESHOLD, "1.5")))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.INGEST_EARLIEST_DATE, "01/01/1900")))
                .hasMessageContaining("a date (yyyy-mm-dd)");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of()).with(Map.of(ParleyConfig.NUM_STREAM_THREADS, "0")))
                .hasMessageContaining("parley.num.stream.threads").hasMessageContaining("at least 1");
    }

    @Test
    void aShortSecretIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.HTTP_INTERNAL_SECRET, "hunter2")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void secretsAreMaskedWhereverTheConfigurationIsPrinted() {
        ParleyConfig config = ParleyConfig.of(Map.of(ParleyConfig.HTTP_INGEST_TOKEN, "ingest-token-value",
                ParleyConfig.HTTP_INTERNAL_SECRET, "internal-secret-value",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"p\";",
                "ssl.truststore.password", "changeit", "ssl.key.password", "keypass",
                "basic.auth.user.info", "user:pass", "security.protocol", "SASL_SSL"));
        Map<String, String> shown = config.redacted();
        assertThat(shown).containsEntry(ParleyConfig.HTTP_INGEST_TOKEN, "********")
                .containsEntry(ParleyConfig.HTTP_INTERNAL_SECRET, "********")
                .containsEntry("sasl.jaas.config", "********").containsEntry("ssl.truststore.password", "********")
                .containsEntry("ssl.key.password", "********").containsEntry("basic.auth.user.info", "********")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey(ParleyConfig.SERDE_KEY_CLASS);
        String printed = config.toString();
        assertThat(printed).contains("security.protocol=SASL_SSL", "parley.http.port=8080")
                .doesNotContain("ingest-token-value", "internal-secret-value", "changeit", "keypass", "user:pass",
                        "PlainLoginModule");
        // The values themselves still reach the code that needs them.
        assertThat(config.getPassword(ParleyConfig.HTTP_INGEST_TOKEN)).contains("ingest-token-value");
        assertThat(config.clientConfig()).containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void unsetSecretsStayVisiblyUnset() {
        assertThat(ParleyConfig.of(Map.of()).redacted()).containsEntry(ParleyConfig.HTTP_INGEST_TOKEN, "");
    }

    @Test
    void unknownParleyKeysAreReportedNotRejected() {
        ParleyConfig config = ParleyConfig.of(Map.of("parley.http.prot", "9000", "client.id", "x"));
        assertThat(config.unknownKeys()).containsExactly("parley.http.prot");
        assertThat(config.getInt(ParleyConfig.HTTP_PORT)).isEqualTo(8080);
    }

    @Test
    void aMissingRequiredValueNamesItsEnvironmentVariable() {
        assertThatThrownBy(() -> ParleyConfig.of(Map.of()).require(ParleyConfig.BOOTSTRAP_SERVERS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of(ParleyConfig.DATA_DIR, " ")).dataDir())
                .hasMessageContaining("parley.data.dir").hasMessageContaining("PARLEY_DATA_DIR");
    }

    @Test
    void readingASettingAsTheWrongTypeIsAProgrammingError() {
        assertThatThrownBy(() -> ParleyConfig.of(Map.of()).getLong(ParleyConfig.HTTP_PORT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INT");
        assertThatThrownBy(() -> ParleyConfig.of(Map.of()).getInt("parley.no.such.key"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void environmentNamesFollowTheDocumentedMapping() {
        assertThat(ParleyConfig.environmentName(ParleyConfig.HTTP_PORT)).isEqualTo("PARLEY_HTTP_PORT");
        assertThat(ParleyConfig.environmentName(ParleyConfig.BOOTSTRAP_SERVERS)).isEqualTo("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ParleyConfig.environmentName(ParleyConfig.SCHEMA_REGISTRY_URL)).isEqualTo("SCHEMA_REGISTRY_URL");
        assertThat(ParleyConfig.fromEnvironment(Map.of("KAFKA_SASL_JAAS_CONFIG", "x", "PATH", "/bin")))
                .isEqualTo(Map.of("sasl.jaas.config", "x"));
        assertThat(List.of(ParleyConfig.DEFINITION.keys().stream().filter(ConfigDef.ConfigKey::secret)
                .map(ConfigDef.ConfigKey::name).toArray()))
                .containsExactlyInAnyOrder(ParleyConfig.HTTP_INGEST_TOKEN, ParleyConfig.HTTP_INTERNAL_SECRET);
    }
}
