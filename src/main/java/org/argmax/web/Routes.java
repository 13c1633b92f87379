package org.argmax.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import org.argmax.accounts.AccountHandler;
import org.argmax.api.EstimateHandler;
import org.argmax.exercises.ExerciseHandler;
import org.argmax.lessons.LessonHandler;
import org.argmax.progress.InstructorHandler;
import org.argmax.progress.ProgressHandler;

import java.util.List;
import java.util.function.Function;

/**
 * Every route of the site in one place, read top to bottom like a site map. The table is data
 * ({@link #ALL}), so tests can walk every route (RequestFuzzTest sends malformed requests to each).
 */
public final class Routes {
    private Routes() {
    }

    /** One route: its method ({@code GET} or {@code POST}), its path with {@code {param}}s, and which handler answers it. */
    public record Route(String method, String path, Function<Handlers, Handler> handler) {
    }

    public static final List<Route> ALL = List.of(
            get("/", h -> h.lessons()::home),
            get("/lessons/{slug}", h -> h.lessons()::show),
            post("/lessons/{slug}/complete", h -> h.progress()::complete),
            get("/glossary", h -> ctx -> h.lessons().page(ctx, "glossary")),

            get("/exercises/{id}", h -> h.exercises()::show),
            post("/exercises/{id}/submit", h -> h.exercises()::submit),
            post("/exercises/{id}/variant", h -> h.exercises()::newVariant),
            post("/exercises/{id}/reveal", h -> h.exercises()::reveal),
            get("/exercises/{id}/data.csv", h -> h.exercises()::csv),

            get("/signup", h -> h.accounts()::signUpForm),
            post("/signup", h -> h.accounts()::signUp),
            get("/signin", h -> h.accounts()::signInForm),
            post("/signin", h -> h.accounts()::signIn),
            post("/signout", h -> h.accounts()::signOut),
            get("/progress", h -> h.progress()::show),

            get("/instructor", h -> h.instructor()::overview),
            get("/instructor/gradebook", h -> h.instructor()::gradebook),
            get("/instructor/gradebook.csv", h -> h.instructor()::gradebookCsv),
            get("/instructor/attempts.csv", h -> h.instructor()::attemptsCsv),
            get("/instructor/learners/{id}", h -> h.instructor()::learner),
            get("/instructor/exercises/{id}/preview", h -> h.exercises()::preview),

            post("/api/estimate", h -> h.estimate()::estimate),
            post("/api/sample", h -> h.estimate()::sample),

            get("/health", h -> h.health()::show));

    public static void register(RoutesConfig r, Handlers h) {
        for (Route route : ALL) {
            Handler handler = route.handler().apply(h);
            switch (route.method()) {
                case "GET" -> r.get(route.path(), handler);
                case "POST" -> r.post(route.path(), handler);
                default -> throw new IllegalStateException("no method " + route.method());
            }
        }
    }

    private static Route get(String path, Function<Handlers, Handler> handler) {
        return new Route("GET", path, handler);
    }

    private static Route post(String path, Function<Handlers, Handler> handler) {
        return new Route("POST", path, handler);
    }

    /** The handlers the routes call, built once in {@link App}. */
    public record Handlers(LessonHandler lessons, ProgressHandler progress, InstructorHandler instructor, ExerciseHandler exercises,
                           AccountHandler accounts, HealthHandler health,
                           EstimateHandler estimate) {
    }
}
