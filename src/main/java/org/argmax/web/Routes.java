package org.argmax.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import org.argmax.accounts.AccountHandler;
import org.argmax.api.EstimateHandler;
import org.argmax.exercises.ExerciseHandler;
import org.argmax.http.Access;
import org.argmax.http.InFlightLimit;
import org.argmax.lessons.LessonHandler;
import org.argmax.progress.InstructorHandler;
import org.argmax.progress.ProgressHandler;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.argmax.http.Access.ANYONE;
import static org.argmax.http.Access.INSTRUCTOR;
import static org.argmax.http.Access.PUBLIC_API;
import static org.argmax.http.Access.SIGNED_IN;

/**
 * Every route of the site in one place, read top to bottom like a site map, each with who may call
 * it ({@link Access}: checked before each route's handler, as {@link App} registers them, with the CSRF token of form
 * posts). The table is data ({@link #ALL}), so tests can walk every route (RequestFuzzTest sends
 * malformed requests to each).
 */
public final class Routes {
    private Routes() {
    }

    /** One route: its method ({@code GET} or {@code POST}), its path with {@code {param}}s, who may call it, and which handler answers it. */
    public record Route(String method, String path, Access access, Function<Handlers, Handler> handler) {
    }

    public static final List<Route> ALL = List.of(
            get("/", ANYONE, h -> h.lessons()::home),
            get("/lessons/{slug}", ANYONE, h -> h.lessons()::show),
            post("/lessons/{slug}/complete", SIGNED_IN, h -> h.progress()::complete),
            get("/glossary", ANYONE, h -> ctx -> h.lessons().page(ctx, "glossary")),
            get("/formulas", ANYONE, h -> h.lessons()::formulas),

            get("/exercises/{id}", ANYONE, h -> h.exercises()::show),
            post("/exercises/{id}/submit", SIGNED_IN, h -> h.exercises()::submit),
            post("/exercises/{id}/variant", SIGNED_IN, h -> h.exercises()::newVariant),
            post("/exercises/{id}/reveal", SIGNED_IN, h -> h.exercises()::reveal),
            get("/exercises/{id}/data.csv", SIGNED_IN, h -> h.exercises()::csv),
            get("/exercises/{id}/start.json", SIGNED_IN, h -> h.exercises()::startJson),

            get("/signup", ANYONE, h -> h.accounts()::signUpForm),
            post("/signup", ANYONE, h -> h.accounts()::signUp),
            get("/signin", ANYONE, h -> h.accounts()::signInForm),
            post("/signin", ANYONE, h -> h.accounts()::signIn),
            post("/signout", ANYONE, h -> h.accounts()::signOut),
            get("/progress", SIGNED_IN, h -> h.progress()::show),

            get("/instructor", INSTRUCTOR, h -> h.instructor()::overview),
            get("/instructor/gradebook", INSTRUCTOR, h -> h.instructor()::gradebook),
            get("/instructor/gradebook.csv", INSTRUCTOR, h -> h.instructor()::gradebookCsv),
            get("/instructor/attempts.csv", INSTRUCTOR, h -> h.instructor()::attemptsCsv),
            get("/instructor/learners/{id}", INSTRUCTOR, h -> h.instructor()::learner),
            get("/instructor/exercises/{id}/preview", INSTRUCTOR, h -> h.exercises()::preview),

            post("/api/estimate", PUBLIC_API, h -> h.estimate()::estimate),
            post("/api/sample", PUBLIC_API, h -> h.estimate()::sample),

            get("/health", PUBLIC_API, h -> h.health()::show));

    /**
     * Registers every route; {@code first} runs before each route's handler (the session lookup and the
     * access check), and {@code limit} admits at most so many requests at once (the health check is
     * outside it: it must answer while the server is at its limit). The handlers are asked for at each route's first
     * request: the server listens before the database is open ({@link App#start}).
     */
    public static void register(RoutesConfig r, Supplier<Handlers> h, Handler first, InFlightLimit limit) {
        for (Route route : ALL) {
            Handler handler = after(first, resolvedAtFirstUse(route, h));
            if (!route.path().equals("/health")) handler = limit.around(handler);
            switch (route.method()) {
                case "GET" -> r.get(route.path(), handler, route.access());
                case "POST" -> r.post(route.path(), handler, route.access());
                default -> throw new IllegalStateException("no method " + route.method());
            }
        }
    }

    /** The route's handler, made from {@code handlers} at its first request and kept (two first requests may both make it). */
    private static Handler resolvedAtFirstUse(Route route, Supplier<Handlers> handlers) {
        return new Handler() {
            private volatile Handler resolved;

            @Override
            public void handle(io.javalin.http.Context ctx) throws Exception {
                Handler h = resolved;
                if (h == null) resolved = h = route.handler().apply(handlers.get());
                h.handle(ctx);
            }
        };
    }

    /** {@code handler}, run once {@code first} has run without throwing. */
    static Handler after(Handler first, Handler handler) {
        return ctx -> {
            first.handle(ctx);
            handler.handle(ctx);
        };
    }

    private static Route get(String path, Access access, Function<Handlers, Handler> handler) {
        return new Route("GET", path, access, handler);
    }

    private static Route post(String path, Access access, Function<Handlers, Handler> handler) {
        return new Route("POST", path, access, handler);
    }

    /** The handlers the routes call, built once in {@link App}. */
    public record Handlers(LessonHandler lessons, ProgressHandler progress, InstructorHandler instructor, ExerciseHandler exercises,
                           AccountHandler accounts, HealthHandler health,
                           EstimateHandler estimate) {
    }
}
