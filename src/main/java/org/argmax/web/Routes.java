package org.argmax.web;

import io.javalin.config.RoutesConfig;
import org.argmax.accounts.AccountHandler;
import org.argmax.api.EstimateHandler;
import org.argmax.exercises.ExerciseHandler;
import org.argmax.lessons.LessonHandler;
import org.argmax.progress.InstructorHandler;
import org.argmax.progress.ProgressHandler;
import org.argmax.http.Access;

import static org.argmax.http.Access.ANYONE;
import static org.argmax.http.Access.INSTRUCTOR;
import static org.argmax.http.Access.PUBLIC_API;
import static org.argmax.http.Access.SIGNED_IN;

/**
 * Every route of the site in one place, read top to bottom like a site map, each with who may call
 * it ({@link Access}: checked once per matched request in {@link App}, with the CSRF token of form posts).
 */
public final class Routes {
    private Routes() {
    }

    public static void register(RoutesConfig r, Handlers h) {
        r.get("/", h.lessons()::home, ANYONE);
        r.get("/lessons/{slug}", h.lessons()::show, ANYONE);
        r.post("/lessons/{slug}/complete", h.progress()::complete, SIGNED_IN);
        r.get("/glossary", ctx -> h.lessons().page(ctx, "glossary"), ANYONE);

        r.get("/exercises/{id}", h.exercises()::show, ANYONE);
        r.post("/exercises/{id}/submit", h.exercises()::submit, SIGNED_IN);
        r.post("/exercises/{id}/variant", h.exercises()::newVariant, SIGNED_IN);
        r.post("/exercises/{id}/reveal", h.exercises()::reveal, SIGNED_IN);
        r.get("/exercises/{id}/data.csv", h.exercises()::csv, SIGNED_IN);

        r.get("/signup", h.accounts()::signUpForm, ANYONE);
        r.post("/signup", h.accounts()::signUp, ANYONE);
        r.get("/signin", h.accounts()::signInForm, ANYONE);
        r.post("/signin", h.accounts()::signIn, ANYONE);
        r.post("/signout", h.accounts()::signOut, ANYONE);
        r.get("/progress", h.progress()::show, SIGNED_IN);

        r.get("/instructor", h.instructor()::overview, INSTRUCTOR);
        r.get("/instructor/gradebook", h.instructor()::gradebook, INSTRUCTOR);
        r.get("/instructor/gradebook.csv", h.instructor()::gradebookCsv, INSTRUCTOR);
        r.get("/instructor/attempts.csv", h.instructor()::attemptsCsv, INSTRUCTOR);
        r.get("/instructor/learners/{id}", h.instructor()::learner, INSTRUCTOR);
        r.get("/instructor/exercises/{id}/preview", h.exercises()::preview, INSTRUCTOR);

        r.post("/api/estimate", h.estimate()::estimate, PUBLIC_API);
        r.post("/api/sample", h.estimate()::sample, PUBLIC_API);

        r.get("/health", h.health()::show, PUBLIC_API);
    }

    /** The handlers the routes call, built once in {@link App}. */
    public record Handlers(LessonHandler lessons, ProgressHandler progress, InstructorHandler instructor, ExerciseHandler exercises,
                           AccountHandler accounts, HealthHandler health,
                           EstimateHandler estimate) {
    }
}
