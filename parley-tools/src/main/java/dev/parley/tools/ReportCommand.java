package dev.parley.tools;

import dev.parley.cli.CommandGroup;
import dev.parley.cli.ParleyNode;
import dev.parley.extract.report.ExtractionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code parley report …}: measurements that need no running Parley. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Measure Parley's extraction on a corpus (no Kafka needed).",
        subcommands = {ReportCommand.Extraction.class})
final class ReportCommand extends CommandGroup {

    /**
     * {@code parley report extraction CORPUS EXPECTED [--gazetteer FILE…]}: reads CORPUS with Parley's ingest,
     * extracts and merges as the pipeline does, and prints precision and recall of events, actors and commitments
     * against the expected-facts file. Exit code 0 when it ran, 1 when an input is missing.
     */
    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = "Precision and recall of events, actors and commitments against an expected-facts file.")
    static final class Extraction implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CORPUS", description = "A folder (or file) of articles, read as ingest reads it.")
        Path corpus;

        @Parameters(index = "1", paramLabel = "EXPECTED", description = "The expected-facts JSON file.")
        Path expected;

        @Option(names = "--gazetteer", arity = "1..*", paramLabel = "FILE",
                description = "Gazetteer extension files, as in parley.extract.gazetteer.files.")
        List<Path> gazetteer = new ArrayList<>();

        @Override
        public Integer call() {
            List<Path> inputs = new ArrayList<>(List.of(corpus, expected));
            inputs.addAll(gazetteer);
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    spec.commandLine().getErr().println("no such file or folder: " + p);
                    return 1;
                }
            }
            ExtractionReport report = new ExtractionReport(ParleyNode.extractor(gazetteer));
            report.print(report.run(corpus, expected), spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
