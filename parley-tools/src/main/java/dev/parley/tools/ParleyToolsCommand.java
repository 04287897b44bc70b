package dev.parley.tools;

import dev.parley.cli.CommandGroup;
import dev.parley.kafka.serde.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar parley-tools/target/parley-tools.jar …}: benchmarks, evaluations and reports, kept out of the
 * application jar. A new tool is one more subcommand class listed here.
 */
@Command(name = "parley-tools", mixinStandardHelpOptions = true, version = "parley-tools 0.1.0",
        description = "Benchmarks, offline evaluations and reports for Parley.",
        subcommands = {BenchCommand.class, EvalCommand.class, ReportCommand.class})
public final class ParleyToolsCommand extends CommandGroup {

    public static void main(String[] args) {
        AvroTrust.trustParleyContracts();
        System.exit(new CommandLine(new ParleyToolsCommand()).execute(args));
    }
}
