package dev.parley.kafka.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.kafka.serde.StateFormat.Upgrades;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The envelope and the strict reading, on a small type with a history of three versions. */
class StateFormatTest {

    /** Version 0 had {@code title}; version 1 renamed it {@code headline}; version 2 added {@code words}. */
    record Note(String headline, int words, List<String> tags) {

        public boolean isTagged() {
            return !tags.isEmpty();
        }
    }

    private static final StateFormat<Note> NOTE = StateFormat.of("test.note", Note.class)
            .upgradeFrom(0, Upgrades.all(Upgrades.dropDerived("tagged"), tree -> {
                ObjectNode note = (ObjectNode) tree;
                note.set("headline", note.remove("title"));
                return note;
            }))
            .upgradeFrom(1, tree -> ((ObjectNode) tree).put("words", 0))
            .build();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] enveloped(int version, String json) {
        byte[] body = bytes(json);
        byte[] out = new byte[3 + body.length];
        out[0] = 0x01;
        out[1] = (byte) (version >>> 8);
        out[2] = (byte) version;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void writesTheMagicByteTheVersionAndRecordComponentsOnly() {
        byte[] written = NOTE.write(new Note("Talks resume", 2, List.of("MX-US")));

        assertThat(NOTE.version()).isEqualTo(2);
        assertThat(written[0]).isEqualTo((byte) 0x01);
        assertThat(written[1]).isEqualTo((byte) 0);
        assertThat(written[2]).isEqualTo((byte) 2);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("{\"headline\":\"Talks resume\",\"words\":2,\"tags\":[\"MX-US\"]}");
    }

    @Test
    void bytesWithoutTheEnvelopeAreVersionZeroAndUpgradeThroughEveryStep() {
        byte[] legacy = LegacyStateJson.write(new LegacyNote("Talks resume", List.of("MX-US")));
        assertThat(new String(legacy, StandardCharsets.UTF_8)).contains("\"tagged\":true");

        assertThat(NOTE.versionOf(legacy)).isZero();
        assertThat(NOTE.read(legacy)).isEqualTo(new Note("Talks resume", 0, List.of("MX-US")));
        assertThat(NOTE.read(enveloped(1, "{\"headline\":\"Talks resume\",\"tags\":[]}")))
                .isEqualTo(new Note("Talks resume", 0, List.of()));
    }

    /** What version 0 of the test type looked like, with the derived property Jackson wrote by default. */
    record LegacyNote(String title, List<String> tags) {

        public boolean isTagged() {
            return !tags.isEmpty();
        }
    }

    @Test
    void aRenamedFieldFailsInsteadOfReadingAsNull() {
        assertThatThrownBy(() -> NOTE.read(enveloped(2, "{\"title\":\"Talks resume\",\"words\":2,\"tags\":[]}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("test.note version 2")
                .hasMessageContaining("headline");
    }

    @Test
    void aMissingComponentOrANullPrimitiveFails() {
        assertThatThrownBy(() -> NOTE.read(enveloped(2, "{\"headline\":\"Talks resume\",\"tags\":[]}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("words");
        assertThatThrownBy(() -> NOTE.read(enveloped(2, "{\"headline\":\"x\",\"words\":null,\"tags\":[]}")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("words");
    }

    @Test
    void aVersionZeroValueThatTheUpgradeDoesNotExplainFails() {
        assertThatThrownBy(() -> NOTE.read(bytes("{\"title\":\"x\",\"tags\":[],\"pinned\":true}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("test.note version 0")
                .hasMessageContaining("pinned");
    }

    @Test
    void aNewerVersionFailsLoudly() {
        assertThatThrownBy(() -> NOTE.read(enveloped(3, "{\"headline\":\"x\",\"words\":1,\"tags\":[]}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 3")
                .hasMessageContaining("newer build");
    }

    @Test
    void aTruncatedEnvelopeOrTrailingBytesFail() {
        assertThatThrownBy(() -> NOTE.read(new byte[] {0x01, 0x00}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Truncated");
        assertThatThrownBy(() -> NOTE.read(enveloped(2, "{\"headline\":\"x\",\"words\":1,\"tags\":[]} {}")))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void upgradesMustBeDeclaredInOrderFromVersionZero() {
        assertThatThrownBy(() -> StateFormat.of("test.gap", Note.class).upgradeFrom(1, Upgrades::unchanged))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateFormat.of("test.none", Note.class).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSerdeRoundTripsAndKeepsNullsAsTombstones() {
        Note note = new Note("Talks resume", 2, List.of("MX-US"));
        var serde = NOTE.serde();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", note))).isEqualTo(note);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
