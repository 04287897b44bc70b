package dev.parley.cli;

import dev.parley.kafka.serde.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley}: the command line. Each subcommand is its own class. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Event-sourced stream processor for diplomatic engagement coverage.",
        subcommands = {RunCommand.class, IngestCommand.class, ReplayCommand.class, RebuildCommand.class})
public final class ParleyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        AvroTrust.trustParleyContracts();
        System.exit(new CommandLine(new ParleyCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
