package org.argmax.web;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.argmax.content.CourseLoader;
import org.argmax.db.Database;
import org.argmax.db.GroupCommit;
import org.argmax.db.H2Backup;
import org.argmax.http.Tokens;
import org.argmax.lessons.CourseCheckCache;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.LessonHandler;
import org.argmax.lessons.Widgets;
import org.argmax.accounts.AccountHandler;
import org.argmax.api.EstimateHandler;
import org.argmax.api.ApiModels;
import org.argmax.api.ApiRateLimit;
import org.argmax.api.EstimateService;
import org.argmax.api.FitPool;
import org.argmax.api.SampleService;
import org.argmax.accounts.AccountService;
import org.argmax.accounts.SessionResolver;
import org.argmax.http.Access;
import org.argmax.http.Csrf;
import org.argmax.http.CurrentUser;
import org.argmax.http.FragmentCache;
import org.argmax.http.InFlightLimit;
import org.argmax.http.HttpErrors;
import org.argmax.http.StaticAssets;
import org.argmax.http.Views;
import org.argmax.http.WebjarFiles;
import org.argmax.accounts.LoginThrottle;
import org.argmax.accounts.PasswordHasher;
import org.argmax.accounts.SessionRepository;
import org.argmax.accounts.UserRepository;
import org.argmax.exercises.AttemptRepository;
import org.argmax.exercises.ExerciseExtras;
import org.argmax.exercises.ExerciseHandler;
import org.argmax.exercises.ExerciseService;
import org.argmax.exercises.Misconceptions;
import org.argmax.exercises.References;
import org.argmax.progress.ProgressExtras;
import org.argmax.progress.InstructorHandler;
import org.argmax.progress.InstructorRepository;
import org.argmax.progress.InstructorService;
import org.argmax.progress.ProgressHandler;
import org.argmax.progress.ProgressRepository;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Builds the whole object graph (database, services, handlers) and the Javalin server. Nothing is
 * static: tests start as many independent apps as they like, each on its own port and database.
 */
public final class App implements AutoCloseable {
    /** At most this much of the webjars' files (and their gzip forms) is kept in memory; KaTeX and Chart.js as the pages use them are ~1.5 MB. */
    static final long WEBJAR_BYTES = 8L * 1024 * 1024;
    private final Database database;
    private final Javalin javalin;

    private final FitPool fits;
    private final GroupCommit writes;
    private final H2Backup.ServerInfo backupInfo;

    private App(Database database, Javalin javalin, FitPool fits, GroupCommit writes, H2Backup.ServerInfo backupInfo) {
        this.database = database;
        this.javalin = javalin;
        this.fits = fits;
        this.writes = writes;
        this.backupInfo = backupInfo;
    }

    /** Jetty's threads at most (its default is 250: more threads than two cores can use, each with its stack). */
    static final int MAX_THREADS = 128;
    /**
     * After a start from a recorded course check, the rendering of lessons and exercises begins this long after the server
     * listens ({@link CourseService#renderInBackground(long)}); a lesson page asked for sooner renders it itself.
     */
    static final long RENDER_DELAY_MILLIS = 500;
    /** Connections the kernel holds for the server before it accepts them. */
    static final int ACCEPT_QUEUE = 1024;
    /** Requests in the handlers at once at most; one more is refused with 503 before it costs anything (InFlightLimit). */
    static final int MAX_IN_FLIGHT = 64;
    /** Attempts committed together at most (one commit of H2 or PostgreSQL for all of them). */
    static final int MAX_BATCH = 64;
    /**
     * How long the attempt writer, while answers keep coming, waits after the first of a batch for others to share
     * its commit (GroupCommit); {@code -Dargmax.writes.lingerMicros} for measurements.
     */
    static final long WRITE_LINGER_MICROS = Long.getLong("argmax.writes.lingerMicros", 2000);
    /**
     * Attempts waiting to be stored at most; one more is refused with 503. At the writer's pace (a
     * thousand or more a second) a full queue is a few hundred milliseconds of waiting.
     */
    static final int MAX_WAITING_WRITES = 128;

    /** db/argmax.mv.db → argmax */
    private static String databaseName(Database database) {
        String file = database.compaction().file().getFileName().toString();
        return file.substring(0, file.length() - ".mv.db".length());
    }

    /**
     * Loads the course (throws ContentException listing every problem), opens the database, starts serving; the server
     * listens while the course and the database are still loading, and holds what arrives until both are there.
     */
    public static App start(ServerConfig config) {
        StartupTrace.mark("App.start");
        // SLF4J first, on this thread: started by the jobs below at once, it queued their first log calls and printed a
        // warning about replaying them
        org.slf4j.LoggerFactory.getILoggerFactory();
        // an embedded database's folder before the jobs below: the course thread records its check in it, and H2 fails
        // to open when the folder appears while it is making it (CourseCheckCache.databaseFolder)
        CourseCheckCache.databaseFolder(config.jdbcUrl()).ifPresent(App::makeFolder);
        // independent jobs, each mostly class loading and first-time code, started before anything else so that the
        // second core has work from the first moment: the course (with its exercises' seed check, and the registries
        // exercises and lessons name, built once and passed to whoever reads them), the templates' engine and its warm-up,
        // Jetty's MimeTypes, and on this thread the database. A broken course is reported before a database error, a
        // failure of the templates after one
        FutureTask<CourseParts> course = new FutureTask<>(() -> {
            References references = References.standard();
            Misconceptions misconceptions = Misconceptions.standard(references);
            return new CourseParts(references, misconceptions,
                    new CourseService(new CourseLoader(config.contentDir()), references, misconceptions, Widgets.standard(),
                            CourseCheckCache.nextToDatabase(config.jdbcUrl()).orElse(null)));
        });
        new Thread(course, "course-load").start();
        FutureTask<Templates> templates = new FutureTask<>(() -> {
            StaticAssets assets = new StaticAssets(config.staticDir());
            return new Templates(assets, new Views(assets));
        });
        Thread warmUp = new Thread(() -> {
            templates.run();
            try {
                templates.get().views().warmUp(); // the server need not wait for this
            } catch (InterruptedException | ExecutionException e) {
                // the start waits for the templates and reports this
            }
        }, "template-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Thread jetty = new Thread(App::initializeJettyMimeTypes, "jetty-warm-up");
        jetty.setDaemon(true);
        jetty.start();
        FutureTask<Database> opening = new FutureTask<>(() -> {
            Database opened = new Database(config.jdbcUrl(), config.dbUser(), config.dbPassword());
            StartupTrace.mark("database: pool and migrations");
            return opened;
        });
        new Thread(opening, "database-open").start();
        // while the database opens and the course loads (each most of a second of a start without the class-data archive),
        // this thread sets Jetty and Javalin up and starts listening: a request that arrives before the routes have what
        // they need waits at the gate
        StartGate gate = new StartGate();
        Javalin javalin = null;
        Throwable serving = null;
        try {
            javalin = listen(config, () -> done(templates).views(), gate);
        } catch (RuntimeException | Error e) { // a busy port: reported after the course and the database
            serving = e;
        }
        Database database;
        CourseParts parts;
        Templates templateParts;
        try {
            database = done(opening);
        } catch (RuntimeException | Error e) {
            gate.fail(e);
            stop(javalin);
            done(course); // a broken course is reported first, as when it was loaded before the database
            throw e;
        }
        try {
            parts = done(course);
            StartupTrace.mark("course loaded and checked");
            templateParts = done(templates); // e.g. a class of the template engine that cannot be initialized
            if (serving instanceof RuntimeException r) throw r;
            if (serving instanceof Error err) throw err;
        } catch (RuntimeException | Error e) { // H2's file is let go
            gate.fail(e);
            stop(javalin);
            database.close();
            throw e;
        }
        CourseService courses = parts.courses();
        References references = parts.references();
        Misconceptions misconceptions = parts.misconceptions();
        Views views = templateParts.views();
        ApiModels apiModels = ApiModels.standard();
        FitPool fits = new FitPool(config.fitThreads());
        // answers are stored by one writer that commits all waiting at once; beyond MAX_WAITING_WRITES, 503 at once
        GroupCommit writes = new GroupCommit(database.dataSource(), "attempt-writer", MAX_BATCH, MAX_WAITING_WRITES,
                TimeUnit.MICROSECONDS.toNanos(WRITE_LINGER_MICROS));
        try {
            DataSource db = database.dataSource();
            UserRepository users = new UserRepository(db);
            SessionRepository sessions = new SessionRepository(db);
            AccountService accounts = new AccountService(users, sessions, new LoginThrottle(db), new PasswordHasher(config.passwordCost()));
            ProgressRepository progress = new ProgressRepository(db);
            ExerciseService exercises = new ExerciseService(() -> courses.current().exercises(), new AttemptRepository(db, writes),
                    references, misconceptions);

            StartupTrace.mark("services");
            views.addGlobal((ctx, model) -> {
                var snapshot = courses.current();
                model.putIfAbsent("courseTitle", snapshot.course().title());
                model.put("contentProblems", courses.problemTexts(snapshot)); // shown to instructors only (layout.html)
                model.put("currentUser", CurrentUser.of(ctx).orElse(null));
                model.put("csrfToken", Csrf.lazyToken(ctx)); // issued only if the page has a form
            });
            FragmentCache fragments = new FragmentCache(FragmentCache.DEFAULT_BYTES); // a signed-in learner's parts of lesson pages
            Routes.Handlers handlers = new Routes.Handlers(
                    new LessonHandler(courses, views, fragments, List.of(new ProgressExtras(progress, courses, exercises, views, fragments),
                            new ExerciseExtras(exercises, fragments))),
                    new ProgressHandler(progress, courses, views),
                    new InstructorHandler(new InstructorService(new InstructorRepository(db)), progress, users, courses, views),
                    new ExerciseHandler(exercises, views, id -> courses.current().lessonOf(id)),
                    new AccountHandler(accounts, views, config.trustProxy()),
                    new HealthHandler(database, courses),
                    new EstimateHandler(new EstimateService(apiModels), new SampleService(), fits));
            // an embedded H2 file: `argmax backup` asks this server for a copy (H2 locks the file)
            String backupToken = database.compaction() == null ? null : Tokens.random();
            gate.open(new StartGate.Site(handlers, new SessionResolver(sessions), new BackupHandler(database, backupToken),
                    templateParts.assets()));
            StartupTrace.mark("views and handlers");
            // after a start from a recorded course check: the lessons and exercises, once the first requests have had both cores
            courses.renderInBackground(RENDER_DELAY_MILLIS);
            H2Backup.ServerInfo backupInfo = backupToken == null ? null : new H2Backup.ServerInfo(javalin.port(), backupToken);
            if (backupInfo != null) backupInfo.write(database.compaction().file().resolveSibling(databaseName(database)));
            return new App(database, javalin, fits, writes, backupInfo);
        } catch (RuntimeException | Error e) {
            gate.fail(e);
            stop(javalin);
            writes.close();
            fits.close();
            database.close();
            throw e;
        }
    }

    /**
     * Jetty and Javalin with every route, listening on the configured port. What the routes need from the database, the
     * course and the templates' thread comes through {@code gate}; each request waits there first, until the start has
     * opened it (error pages ask for {@code views} once they are rendered).
     */
    private static Javalin listen(ServerConfig config, java.util.function.Supplier<Views> views, StartGate gate) {
        HttpErrors errors = new HttpErrors(views);
        ApiRateLimit apiLimit = new ApiRateLimit(config.trustProxy(), config.apiBurst(), config.apiPerSecond());
        WebjarFiles webjars = new WebjarFiles(WEBJAR_BYTES);
        Javalin javalin = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            // Javalin copies each result through a buffer of this size, allocated per request: its default of 32 kB was
            // the largest allocation of a stored answer (29 kB of 138 kB, for a 303 with no body; young GCs set the p99)
            c.http.responseBufferSize = 8192;
            // Javalin's own static-file handler reads class-path files through the class loader; Jetty's (the default)
            // mounts the whole jar as a zip file system at start, indexing its ~29,000 entries (0.1-0.5 s and JIT work)
            c.resourceHandler(new JavalinStaticResourceHandler());
            // requests Jetty rejects before they reach the app (an unknown HTTP version is a 505 there) are 4xx
            c.jetty.modifyServer(server -> server.setErrorHandler(new ClientErrorHandler()));
            // bounded threads (the in-flight limit keeps most of them free to refuse quickly), and a listen backlog for a
            // class arriving at once: Java's default of 50 made a burst of new connections wait for TCP's SYN
            // retransmission (1 s, 3 s, 7 s…) before the server even saw them
            c.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
            c.jetty.addConnector((server, http) -> {
                // no per-connection cache of header fields: each connection built a ~100 kB trie for it (JFR) and kept it
                // as long as it stayed open, ~25 MB of the heap for a class's 256 connections; headers are parsed per
                // request instead
                http.setHeaderCacheSize(0);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(config.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            // our own files, read from disk; Cache-Control depends on the hash in the URL (StaticAssets, below)
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = config.staticDir().toAbsolutePath().toString();
                s.location = Location.EXTERNAL;
                s.headers = java.util.Map.of();
            });
            // the gate, then security headers on every response, in one before-handler: Javalin matches every
            // handler's path and runs it as a task of its own, on every request
            c.routes.before(ctx -> {
                StartGate.Site site = gate.site();
                String path = ctx.path();
                if (path.startsWith("/api/")) apiLimit.check(ctx);
                SecurityHeaders.apply(ctx);
                if (path.startsWith(StaticAssets.PREFIX)) site.assets().cacheHeaders(ctx);
            });
            // the session is looked up by the routes only, then who may call the route: not a
            // beforeMatched handler, which Javalin also runs for static files (a query per asset
            // with a session cookie) and which costs a task and a path match per request
            Handler first = ctx -> {
                gate.site().sessions().resolve(ctx);
                Access.check(ctx);
            };
            ErrorMapping.register(c.routes, errors);
            Routes.register(c.routes, () -> gate.site().handlers(), first, new InFlightLimit(MAX_IN_FLIGHT));
            // webjar URLs name their version: immutable, each file kept in memory with its gzip form once asked for
            c.routes.get(WebjarFiles.PREFIX + "<path>", webjars::send);
            c.routes.post("/admin/backup", Routes.after(first, ctx -> gate.site().backup().backup(ctx)), Access.PUBLIC_API); // its own token, not a session: no CSRF
            if (StartupTrace.enabled()) c.routes.after(ctx -> StartupTrace.firstResponse(ctx.path(), ctx.statusCode()));
        });
        StartupTrace.mark("Javalin configured");
        try {
            javalin.start(config.port());
        } catch (RuntimeException | Error e) {
            try {
                javalin.stop(); // a busy port: Jetty's threads are let go
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
        StartupTrace.mark("listening on port " + javalin.port());
        return javalin;
    }

    /** Stops a server that started listening, if there is one. */
    private static void stop(Javalin javalin) {
        if (javalin != null) javalin.stop();
    }

    /** Makes a folder if it is missing; should that fail, opening the database says why. */
    private static void makeFolder(java.nio.file.Path folder) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException | RuntimeException e) {
            // reported by H2 when it opens the database
        }
    }

    /**
     * Initializes Jetty's {@code MimeTypes} class, which the server's constructor needs: it lists every locale the JDK
     * knows, 40 ms or more of the main thread's start when done there, in series with everything else.
     */
    private static void initializeJettyMimeTypes() {
        try {
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, App.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the server's constructor meets the same problem and reports it
        }
    }

    /** What the course-load thread makes: the registries and the course. */
    private record CourseParts(References references, Misconceptions misconceptions, CourseService courses) {
    }

    /** What the template-warm-up thread makes first: the site's own files and the template engine (warmed up after). */
    private record Templates(StaticAssets assets, Views views) {
    }

    /**
     * A start-up job's result, or what it threw (for the course, a {@link org.argmax.content.ContentException} listing
     * every problem).
     */
    private static <T> T done(FutureTask<T> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the server was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    public int port() {
        return javalin.port();
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (backupInfo != null) H2Backup.ServerInfo.delete(database.compaction().file().resolveSibling(databaseName(database)));
        javalin.stop();
        writes.close();
        fits.close();
        database.close();
    }
}
