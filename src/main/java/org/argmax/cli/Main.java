package org.argmax.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point: {@code argmax [serve]} runs the site, {@code argmax check} validates the
 * course. Run with no subcommand it serves, so {@code java -jar argmax.jar} is enough.
 */
@Command(name = "argmax", mixinStandardHelpOptions = true, version = "argmax 0.1.0",
        description = "A self-hosted course platform for statistical estimation.",
        subcommands = {ServeCommand.class, CheckCommand.class, UserCommand.class, ExportCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) System.exit(code);
    }

    @Override
    public Integer call() {
        return new CommandLine(new ServeCommand()).execute();
    }
}
