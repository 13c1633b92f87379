package org.argmax.cli;

import org.argmax.content.ContentException;
import org.argmax.db.Database;
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

    @Option(names = "--db", defaultValue = "${env:ARGMAX_DB_URL:-" + Database.DEFAULT_URL + "}",
            description = "JDBC URL (default: $ARGMAX_DB_URL or ${DEFAULT-VALUE}).")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:ARGMAX_DB_USER:-sa}", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:ARGMAX_DB_PASSWORD:-}", description = "Database password (prefer $ARGMAX_DB_PASSWORD).")
    String dbPassword;

    @Override
    public Integer call() throws InterruptedException {
        int chosenPort = port != null ? port : portFromEnvironment();
        App app;
        try {
            app = App.start(new ServerConfig(chosenPort, content, staticDir, jdbcUrl, dbUser, dbPassword));
        } catch (ContentException e) {
            System.err.println("The course in " + content + " has problems; fix them and start again:");
            e.problems().forEach(p -> System.err.println(p));
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
