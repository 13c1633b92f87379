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

    @Option(names = Launcher.NO_RELAUNCH_OPTION,
            description = "Run the server in this JVM, with its JVM options as given, instead of a child JVM with a class-data archive and a bounded heap "
                    + "(or $" + Launcher.NO_RELAUNCH_ENV + "=1).")
    boolean noRelaunch;

    /** Used by the build: start, request a few pages, stop (the launcher keeps the class-data archive the JVM writes at exit). */
    @Option(names = "--warm-up-and-exit", hidden = true)
    boolean warmUpAndExit;

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
        if (warmUpAndExit) return warmUpAndClose(app);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Requests the pages most visits start with (so their classes are loaded), then stops; 1 unless the home page answers 200. */
    private static int warmUpAndClose(App app) {
        try (app) {
            String home = get(app, "/");
            if (home == null) return 1;
            java.util.regex.Matcher lesson = java.util.regex.Pattern.compile("href=\"(/lessons/[^\"]+)\"").matcher(home);
            for (String path : lesson.find() ? java.util.List.of("/health", "/signin", lesson.group(1)) : java.util.List.of("/health", "/signin")) {
                get(app, path);
            }
            return 0;
        }
    }

    /** The body of a 200, else null. */
    private static String get(App app, String path) {
        try {
            var connection = (java.net.HttpURLConnection) java.net.URI.create("http://localhost:" + app.port() + path).toURL().openConnection();
            int status = connection.getResponseCode();
            System.out.println("warm-up: " + status + " " + path);
            if (status != 200) return null;
            try (var in = connection.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (java.io.IOException e) {
            System.err.println("warm-up: " + path + " failed: " + e.getMessage());
            return null;
        }
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
