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

    /**
     * The usual {@code serve} command lines without picocli: only known options, each once, as
     * {@code --name value} or {@code --name=value} (flags bare), values not starting with {@code -},
     * and the environment's defaults in the forms picocli reads without complaint. Anything else
     * (help, a typo, a repeated option, an odd value or environment variable) is empty, and picocli
     * parses it as before with its messages. Picocli's classes are compiled for Java 5, so the class-data
     * archive cannot hold them, and reading them is ~0.3 s of CPU on the way to the first page.
     * Gives the same fields as picocli (tested).
     */
    static java.util.Optional<ServeCommand> simple(String[] args, java.util.Map<String, String> env) {
        ServeCommand c = new ServeCommand();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String portText = null;
        String contentText = "content";
        String staticText = "static";
        String url = env.getOrDefault("ARGMAX_DB_URL", org.argmax.db.Database.DEFAULT_URL);
        String user = env.getOrDefault("ARGMAX_DB_USER", "sa");
        String password = env.getOrDefault("ARGMAX_DB_PASSWORD", "");
        String trust = env.getOrDefault("ARGMAX_TRUST_PROXY", "false");
        for (String name : java.util.List.of("ARGMAX_DB_URL", "ARGMAX_DB_USER", "ARGMAX_DB_PASSWORD", "ARGMAX_TRUST_PROXY", "PORT")) {
            String v = env.get(name);
            if (v != null && (v.isEmpty() || v.contains("${"))) return java.util.Optional.empty();
        }
        if (!trust.equalsIgnoreCase("true") && !trust.equalsIgnoreCase("false")) return java.util.Optional.empty();
        boolean trustProxy = Boolean.parseBoolean(trust);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!seen.add(name)) return java.util.Optional.empty();
            switch (name) {
                case "--trust-proxy", Launcher.NO_RELAUNCH_OPTION, "--warm-up-and-exit" -> {
                    if (eq >= 0) return java.util.Optional.empty();
                    if (name.equals("--trust-proxy")) trustProxy = true;
                    else if (name.equals(Launcher.NO_RELAUNCH_OPTION)) c.noRelaunch = true;
                    else c.warmUpAndExit = true;
                }
                case "--port", "--content", "--static", "--db", "--db-user", "--db-password" -> {
                    String value;
                    if (eq >= 0) {
                        value = arg.substring(eq + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        return java.util.Optional.empty();
                    }
                    if (value.isEmpty() || value.startsWith("-") || value.contains("${")) return java.util.Optional.empty();
                    switch (name) {
                        case "--port" -> portText = value;
                        case "--content" -> contentText = value;
                        case "--static" -> staticText = value;
                        case "--db" -> url = value;
                        case "--db-user" -> user = value;
                        default -> password = value;
                    }
                }
                default -> {
                    return java.util.Optional.empty();
                }
            }
        }
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}")) return java.util.Optional.empty();
            c.port = Integer.valueOf(portText);
        } else {
            String envPort = env.get("PORT");
            if (envPort != null && !envPort.isBlank() && !envPort.strip().matches("[0-9]{1,9}")) return java.util.Optional.empty();
        }
        try {
            c.content = Path.of(contentText);
            c.staticDir = Path.of(staticText);
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
        c.trustProxy = trustProxy;
        c.db.jdbcUrl = url;
        c.db.dbUser = user;
        c.db.dbPassword = password;
        return java.util.Optional.of(c);
    }

    /** Runs a command {@link #simple} made, as picocli would with {@link Main#commandLine}'s exception handling. */
    int runSimple() {
        try {
            return call();
        } catch (org.argmax.db.DatabaseException | org.argmax.db.DataAccessException | io.javalin.util.JavalinBindException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }

    private java.io.PrintWriter err() {
        return spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    @Override
    public Integer call() throws InterruptedException {
        int chosenPort = port != null ? port : portFromEnvironment();
        if (!java.nio.file.Files.isDirectory(staticDir)) { // Javalin would stop with a stack trace
            java.io.PrintWriter err = err();
            err.println("No folder " + staticDir + " with the site's styles and scripts here (" + staticDir.toAbsolutePath()
                    + "): start the server in Argmax's folder, the one with README.md, or give its path with --static.");
            err.flush();
            return 1;
        }
        noJmxForJetty();
        App app;
        try {
            app = App.start(new ServerConfig(chosenPort, content, staticDir, db.jdbcUrl, db.dbUser, db.dbPassword,
                    org.argmax.accounts.PasswordHasher.DEFAULT_COST, trustProxy));
        } catch (ContentException e) {
            java.io.PrintWriter err = err();
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

    /** Jetty's system property that {@link #noJmxForJetty} sets. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Tells Jetty how many object references fill a 64-byte cache line, which it otherwise asks the
     * JVM's platform MBean server (Jetty's {@code MemoryUtils}, when the server starts): that starts JMX
     * on the way to the first page, ~420 classes and 0.1 s of the main thread at start-up (measured at
     * load 8; BENCHMARKS.md, start-up). The answer only sizes Jetty's padding against false sharing:
     * 16 with compressed references (the JVM's default below a 32 GB heap, ours is 256 MB), else 8.
     * A value the user set ({@code -D}) is kept.
     */
    static void noJmxForJetty() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) != null) return;
        boolean compressedReferences = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
        System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, compressedReferences ? "16" : "8");
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
            // a widget's request, as a lesson page sends it on opening: JSON in and out (Jackson is not used by the start
            // itself any more, but the archive should hold its classes for the first lesson)
            post(app, "/api/estimate", "{\"model\": \"bernoulli\", \"method\": \"mle\", \"data\": [1, 1, 0, 1]}");
            return 0;
        }
    }

    /** Posts JSON and prints the status (a failure only means the archive lacks that request's classes). */
    private static void post(App app, String path, String json) {
        try {
            var connection = (java.net.HttpURLConnection) java.net.URI.create("http://localhost:" + app.port() + path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var out = connection.getOutputStream()) {
                out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            System.out.println("warm-up: " + status + " POST " + path);
            try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) in.readAllBytes();
            }
        } catch (java.io.IOException e) {
            System.err.println("warm-up: POST " + path + " failed: " + e.getMessage());
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
