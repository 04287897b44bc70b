package dev.parley.cli;

import dev.parley.config.ParleyConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A whole Parley node on its own embedded broker and registry, on free ports, for integration tests. */
public final class TestNodes {

    private TestNodes() {
    }

    /**
     * Starts the node and waits until every stage runs.
     *
     * @param overrides extra settings over the embedded defaults
     */
    public static ParleyNode start(Path dataDir, PrintStream stderr, Map<String, String> overrides) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("parley.data.dir", dataDir.toString(),
                "parley.kafka.port", "0", "parley.registry.port", "0", "parley.http.port", "0"));
        settings.putAll(overrides);
        ParleyNode node = ParleyNode.start(ParleyConfig.of(settings), stderr);
        if (!node.streams().awaitRunning(Duration.ofSeconds(90))) {
            node.close();
            throw new IllegalStateException("stages not running after 90 s: " + node.streams().states());
        }
        return node;
    }
}
