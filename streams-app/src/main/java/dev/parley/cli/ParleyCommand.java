package dev.parley.cli;

import dev.parley.kafka.serde.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley}: the command line. Each subcommand is its own class. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Event-sourced stream processor for diplomatic engagement coverage.",
        subcommands = {RunCommand.class, IngestCommand.class, ReplayCommand.class, RebuildCommand.class})
public final class ParleyCommand extends CommandGroup {

    public static void main(String[] args) {
        AvroTrust.trustParleyContracts();
        System.exit(new CommandLine(new ParleyCommand()).execute(args));
    }
}
