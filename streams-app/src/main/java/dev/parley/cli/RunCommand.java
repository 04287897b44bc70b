package dev.parley.cli;

import dev.parley.config.ParleyConfig;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code parley run [PATH…]}: starts a Parley instance (with an embedded broker and registry unless external ones
 * are configured), ingests the given files, folders or feed URLs once it is up, and serves until stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start Parley (embedded Kafka and registry unless configured), ingest PATHs, serve the API.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, folders or feed URLs to ingest once up.")
    List<String> inputs = List.of();

    @Override
    public Integer call() throws Exception {
        java.time.Instant started = java.time.Instant.now();
        ParleyConfig config = options.load();
        ParleyNode node = ParleyNode.start(config, System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Parley stopping...");
            node.close();
            stopped.countDown();
        }, "parley-shutdown"));

        System.out.printf("Parley is up in %.1f s%n", node.startupTime().toMillis() / 1000.0);
        node.whereIsWhat().forEach((what, where) -> System.out.printf("  %-16s %s%n", what, where));
        System.out.println("  Topics");
        dev.parley.kafka.ParleyTopics.all().forEach(t -> System.out.printf("    %-31s %s%n", t.name(), t.purpose()));

        boolean ready = node.streams().awaitRunning(java.time.Duration.ofMinutes(2));
        System.out.printf(ready ? "Ready (all stages RUNNING) after %.1f s%n" : "Not ready after %.1f s; ingesting anyway%n",
                java.time.Duration.between(started, java.time.Instant.now()).toMillis() / 1000.0);
        if (!inputs.isEmpty()) {
            System.out.println(Ingestion.describe(Ingestion.ingest(inputs, node.reader(), node.publisher())));
        }
        System.out.println("Serving; press Ctrl+C to stop.");
        stopped.await();
        return 0;
    }
}
