package dev.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.config.ParleyConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When instances must share a configured secret, and when a random one (known to no one else) is enough. */
class InternalSecretTest {

    @Test
    void aWildcardBindOrAnExternalClusterNeedsAConfiguredSecret() {
        assertThatThrownBy(() -> ParleyNode.internalSecret(ParleyConfig.of(Map.of()), "0.0.0.0"))
                .hasMessageContaining("parley.http.internal.secret").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> ParleyNode.internalSecret(ParleyConfig.of(Map.of()), "10.1.2.3"))
                .hasMessageContaining("parley.http.internal.secret");
        assertThatThrownBy(() -> ParleyNode.internalSecret(ParleyConfig.of(Map.of(ParleyConfig.BOOTSTRAP_SERVERS,
                "broker:9092")), "127.0.0.1")).hasMessageContaining("external Kafka cluster");
        assertThatThrownBy(() -> ParleyNode.internalSecret(ParleyConfig.of(Map.of(ParleyNode.INTERNAL_SECRET, "short")),
                "0.0.0.0")).hasMessageContaining("16 characters");
        assertThat(ParleyNode.internalSecret(ParleyConfig.of(Map.of(ParleyNode.INTERNAL_SECRET,
                "sixteen-chars-or-more")), "0.0.0.0")).isEqualTo("sixteen-chars-or-more");
    }

    @Test
    void theLoopbackEmbeddedDefaultGetsARandomSecretEachStart() {
        String one = ParleyNode.internalSecret(ParleyConfig.of(Map.of()), "127.0.0.1");
        String two = ParleyNode.internalSecret(ParleyConfig.of(Map.of()), "127.0.0.1");
        assertThat(one).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(two);
    }
}
