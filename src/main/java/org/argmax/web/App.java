package org.argmax.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import org.argmax.content.CourseLoader;
import org.argmax.db.Database;
import org.argmax.lessons.CourseService;
import org.argmax.lessons.LessonHandler;

/**
 * Builds the whole object graph (database, services, handlers) and the Javalin server. Nothing is
 * static: tests start as many independent apps as they like, each on its own port and database.
 */
public final class App implements AutoCloseable {
    private final Database database;
    private final Javalin javalin;

    private App(Database database, Javalin javalin) {
        this.database = database;
        this.javalin = javalin;
    }

    /** Loads the course (throws ContentException listing every problem), opens the database, starts serving. */
    public static App start(ServerConfig config) {
        CourseService courses = CourseService.withWidgetsOnly(new CourseLoader(config.contentDir()));
        Database database = new Database(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        try {
            Views views = new Views(courses);
            HttpErrors errors = new HttpErrors(views);
            Routes.Handlers handlers = new Routes.Handlers(
                    new LessonHandler(courses, views, LessonHandler.LessonExtras.NONE),
                    new HealthHandler(database, courses));
            Javalin javalin = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.staticFiles.enableWebjars();
                c.staticFiles.add(s -> {
                    s.hostedPath = "/static";
                    s.directory = config.staticDir().toAbsolutePath().toString();
                    s.location = Location.EXTERNAL;
                });
                c.routes.before(ctx -> {
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Referrer-Policy", "same-origin");
                    ctx.header("X-Frame-Options", "DENY");
                });
                errors.register(c.routes);
                Routes.register(c.routes, handlers);
            });
            javalin.start(config.port());
            return new App(database, javalin);
        } catch (RuntimeException e) {
            database.close();
            throw e;
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
        javalin.stop();
        database.close();
    }
}
