package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.web.App;
import org.argmax.web.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code argmax serve}: runs the web server until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web server (the default command).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default: $PORT or 7070).")
    Integer port;

    @Option(names = "--content", defaultValue = "content", description = "The course folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--static", defaultValue = "static", description = "The site's own CSS/JS folder (default: ${DEFAULT-VALUE}).")
    Path staticDir;

    @Option(names = "--trust-proxy", defaultValue = "${env:ARGMAX_TRUST_PROXY:-false}",
            description = "Behind a reverse proxy: count sign-in failures per address from its X-Forwarded-For header (or $ARGMAX_TRUST_PROXY=true).")
    boolean trustProxy;

    @picocli.CommandLine.Mixin
    DatabaseOptions db = new DatabaseOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int chosenPort = port != null ? port : portFromEnvironment();
        App app;
        try {
            app = App.start(new ServerConfig(chosenPort, content, staticDir, db.jdbcUrl, db.dbUser, db.dbPassword,
                    org.argmax.accounts.PasswordHasher.DEFAULT_COST, trustProxy));
        } catch (ContentException e) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println("The course in " + content + " has problems; fix them and start again:");
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        System.out.println("Argmax is running on http://localhost:" + app.port() + "/  (course: " + content + ", database: " + app.database().url() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    private static int portFromEnvironment() {
        String env = System.getenv("PORT");
        if (env == null || env.isBlank()) return 7070;
        try {
            return Integer.parseInt(env.strip());
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new ServeCommand()),
                    "PORT must be a number, got '" + env + "'");
        }
    }
}
