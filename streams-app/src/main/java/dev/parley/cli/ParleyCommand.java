package dev.parley.cli;

import dev.parley.config.ConfigException;
import dev.parley.kafka.serde.AvroTrust;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley}: the command line. Each subcommand is its own class. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Event-sourced stream processor for diplomatic engagement coverage.",
        subcommands = {RunCommand.class, IngestCommand.class, ReplayCommand.class, RebuildCommand.class})
public final class ParleyCommand extends CommandGroup {

    /** Exit code of a command refused for its configuration. */
    static final int CONFIG_ERROR = 2;

    public static void main(String[] args) {
        AvroTrust.trustParleyContracts();
        System.exit(commandLine().execute(args));
    }

    /** The command line; a bad setting ends it with one line naming the key, not a stack trace. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ParleyCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigException bad) {
                    cmd.getErr().println("parley: " + bad.getMessage());
                    return CONFIG_ERROR;
                }
            }
            throw e;
        });
        return line;
    }
}
