package io.leadrules.cli;

import io.leadrules.calibrate.BacktestCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Set;

/**
 * The command line the packaged application doubles as: {@code java -jar quarkus-run.jar validate rules/}. Without a
 * command the jar starts the service as always ({@link Main}).
 */
@Command(name = "leadrules", mixinStandardHelpOptions = true,
        subcommands = {ValidateCommand.class, BacktestCli.class},
        description = "Leadrules without the service: check a rules folder, backtest it. No command starts the service.")
public class LeadrulesCommand {

    /** The words that make the jar a command line instead of the service. */
    static final Set<String> COMMANDS = Set.of("validate", "backtest", "help", "--help", "-h", "--version", "-V");

    static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int execute(String... args) {
        return new CommandLine(new LeadrulesCommand()).execute(args);
    }

    /** The same with the output and errors going to the writers given (tests read them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new LeadrulesCommand()).setOut(out).setErr(err).execute(args);
    }
}
