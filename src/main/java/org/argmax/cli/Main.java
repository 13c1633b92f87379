package org.argmax.cli;

import io.javalin.util.JavalinBindException;
import org.argmax.db.DataAccessException;
import org.argmax.db.DatabaseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point: {@code argmax [serve]} runs the site, {@code argmax check} validates the
 * course. Run with no subcommand it serves, so {@code java -jar argmax.jar} is enough (the jar's
 * entry point is {@link Launcher}, which decides first whether {@code serve} runs in a child JVM).
 */
@Command(name = "argmax", mixinStandardHelpOptions = true, version = "argmax 0.1.0",
        description = "A self-hosted course platform for statistical estimation.",
        subcommands = {ServeCommand.class, CheckCommand.class, UserCommand.class, ExportCommand.class, BackupCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Runs a command in this JVM; {@code java -jar} enters through {@link Launcher}, which may run {@code serve} in a child JVM instead. */
    public static void main(String[] args) {
        // on a thread of its own: watching the launcher is not urgent, and the first call into the process API costs ~10 ms
        Thread watch = new Thread(Launcher::stopWithParent, "watch-launcher");
        watch.setDaemon(true);
        watch.start();
        int code;
        if (serves(args)) {
            String[] serveArgs = java.util.Arrays.copyOfRange(args, args.length == 0 ? 0 : 1, args.length);
            java.util.Optional<ServeCommand> simple = ServeCommand.simple(serveArgs, System.getenv());
            code = simple.isPresent() ? simple.get().runSimple() : serveCommandLine().execute(serveArgs);
        } else {
            code = commandLine(new Main()).execute(args);
        }
        if (code != 0) System.exit(code);
    }

    /**
     * {@code serve} (or no command) is parsed without picocli when the command line is a usual one
     * ({@link ServeCommand#simple}), else by the serve command alone: picocli then reads the
     * annotations of one command instead of all of them (its classes cannot be in the class-data
     * archive, and this is on the way to the first page). Help and errors read the same.
     */
    private static boolean serves(String[] args) {
        return args.length == 0 || args[0].equals("serve");
    }

    private static CommandLine serveCommandLine() {
        return commandLine(new ServeCommand()).setCommandName("argmax serve");
    }

    @Override
    public Integer call() {
        return serveCommandLine().execute();
    }

    /** A command line whose expected failures (start-up, database) print one clear sentence instead of a stack trace. */
    public static CommandLine commandLine(Object command) {
        return new CommandLine(command).setExecutionExceptionHandler((e, cli, parsed) -> {
            if (e instanceof DatabaseException || e instanceof DataAccessException || e instanceof JavalinBindException) {
                cli.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
    }
}
