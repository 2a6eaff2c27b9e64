package io.leadrules.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The jar's entry point. With a command ({@code validate}, {@code backtest}) it runs the command line and exits,
 * never starting Quarkus, so no port is opened and no database touched; with none it starts the service.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (LeadrulesCommand.isCommand(args)) {
            System.exit(LeadrulesCommand.execute(args));
        }
        Quarkus.run(args);
    }
}
