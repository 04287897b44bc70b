package dev.parley.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The recorded history of a stage's stored types, like the topic contracts' {@code schemas/history}: for every
 * {@link StateFormat} and every version up to its current one, {@code state-history/<name>/v<N>.json} under the
 * test resources holds the JSON that version wrote for the stage's sample value (version 0: the complete stored
 * bytes, as builds before the envelope wrote them; later versions: the JSON after the 3-byte header). This build
 * must read each of them back to the sample, field by field, and must still write the current version's file.
 *
 * <p>Record the files of a new version with {@code -Dparley.state.record=true} (only missing files are written;
 * version 0 with the old mapper, the current version with this build).
 */
public abstract class StateHistoryContract {

    private static final Path RECORD_DIR = Path.of("src/test/resources/state-history");
    private static final boolean RECORD = Boolean.getBoolean("parley.state.record");
    private static final ObjectMapper TREES = new ObjectMapper();

    /** The stage's stored types. */
    protected abstract List<StateFormat<?>> formats();

    /**
     * Per format name, the value the golden files of every version hold, as this build's record. It must set every
     * field (nothing null): a field that is renamed or dropped then shows in the comparison.
     */
    protected abstract Map<String, Object> samples();

    /**
     * What version {@code version}'s file must read back as. The sample by default; override for an old version
     * whose upgrade fills a new field with a default the sample does not have.
     */
    protected Object expected(String name, int version) {
        return samples().get(name);
    }

    @Test
    void everyStoredTypeHasASample() {
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(formats().stream().map(StateFormat::name).toList());
        samples().forEach((name, sample) -> assertThat(sample).as(name).usingRecursiveAssertion().hasNoNullFields());
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedVersionReadsBackFieldByField() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StateFormat<?> format : formats()) {
            for (int v = 0; v <= format.version(); v++) {
                int version = v;
                tests.add(DynamicTest.dynamicTest(format.name() + " v" + version,
                        () -> readsBack(format, version)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theCurrentVersionIsWhatThisBuildWrites() {
        return formats().stream().map(format -> DynamicTest.dynamicTest(format.name() + " v" + format.version(),
                () -> writesCurrent(format)));
    }

    private <T> void readsBack(StateFormat<T> format, int version) {
        byte[] golden = golden(format, version);
        byte[] stored = version == 0 ? golden : enveloped(version, golden);
        assertThat(format.versionOf(stored)).isEqualTo(version);
        T restored = format.read(stored);
        assertThat(restored).as("%s v%d restored by this build", format.name(), version)
                .usingRecursiveComparison().isEqualTo(expected(format.name(), version));
    }

    private <T> void writesCurrent(StateFormat<T> format) throws IOException {
        @SuppressWarnings("unchecked")
        T sample = (T) samples().get(format.name());
        byte[] written = format.write(sample);
        assertThat(format.versionOf(written)).isEqualTo(format.version());
        byte[] body = java.util.Arrays.copyOfRange(written, StateFormat.HEADER_BYTES, written.length);
        byte[] golden = golden(format, format.version());
        if (!TREES.readTree(body).equals(TREES.readTree(golden))) {
            fail("%s: this build writes a different shape than recorded version %d. Bump the version "
                    + "(add an upgrade from %d in its StateFormat) and record v%d with -Dparley.state.record=true; "
                    + "if only the sample changed, re-record all its files.%n  recorded: %s%n  now:      %s",
                    format.name(), format.version(), format.version(), format.version() + 1,
                    new String(golden, java.nio.charset.StandardCharsets.UTF_8),
                    new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(format.read(written)).usingRecursiveComparison().isEqualTo(sample);
    }

    private static byte[] enveloped(int version, byte[] json) {
        byte[] out = new byte[StateFormat.HEADER_BYTES + json.length];
        out[0] = StateFormat.MAGIC;
        out[1] = (byte) (version >>> 8);
        out[2] = (byte) version;
        System.arraycopy(json, 0, out, StateFormat.HEADER_BYTES, json.length);
        return out;
    }

    private <T> byte[] golden(StateFormat<T> format, int version) {
        String resource = "/state-history/" + format.name() + "/v" + version + ".json";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
            if (!RECORD) {
                fail("No golden file %s: record it with -Dparley.state.record=true", resource);
            }
            return record(format, version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> byte[] record(StateFormat<T> format, int version) throws IOException {
        @SuppressWarnings("unchecked")
        T sample = (T) samples().get(format.name());
        byte[] bytes;
        if (version == 0) {
            bytes = LegacyStateJson.write(sample);
        } else if (version == format.version()) {
            byte[] written = format.write(sample);
            bytes = java.util.Arrays.copyOfRange(written, StateFormat.HEADER_BYTES, written.length);
        } else {
            throw new AssertionError(format.name() + " v" + version + " is neither version 0 nor the current one:"
                    + " its file should have been recorded when it was current");
        }
        Path file = RECORD_DIR.resolve(format.name()).resolve("v" + version + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return bytes;
    }
}
