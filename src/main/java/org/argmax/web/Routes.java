package org.argmax.web;

import io.javalin.config.RoutesConfig;
import org.argmax.accounts.AccountHandler;
import org.argmax.api.EstimateHandler;
import org.argmax.exercises.ExerciseHandler;
import org.argmax.lessons.LessonHandler;
import org.argmax.progress.InstructorHandler;
import org.argmax.progress.ProgressHandler;

/** Every route of the site in one place, read top to bottom like a site map. */
public final class Routes {
    private Routes() {
    }

    public static void register(RoutesConfig r, Handlers h) {
        r.get("/", h.lessons()::home);
        r.get("/lessons/{slug}", h.lessons()::show);
        r.post("/lessons/{slug}/complete", h.progress()::complete);
        r.get("/glossary", ctx -> h.lessons().page(ctx, "glossary"));

        r.get("/exercises/{id}", h.exercises()::show);
        r.post("/exercises/{id}/submit", h.exercises()::submit);
        r.post("/exercises/{id}/variant", h.exercises()::newVariant);
        r.post("/exercises/{id}/reveal", h.exercises()::reveal);
        r.get("/exercises/{id}/data.csv", h.exercises()::csv);

        r.get("/signup", h.accounts()::signUpForm);
        r.post("/signup", h.accounts()::signUp);
        r.get("/signin", h.accounts()::signInForm);
        r.post("/signin", h.accounts()::signIn);
        r.post("/signout", h.accounts()::signOut);
        r.get("/progress", h.progress()::show);

        r.get("/instructor", h.instructor()::overview);
        r.get("/instructor/gradebook", h.instructor()::gradebook);
        r.get("/instructor/gradebook.csv", h.instructor()::gradebookCsv);
        r.get("/instructor/attempts.csv", h.instructor()::attemptsCsv);
        r.get("/instructor/learners/{id}", h.instructor()::learner);
        r.get("/instructor/exercises/{id}/preview", h.exercises()::preview);

        r.post("/api/estimate", h.estimate()::estimate);
        r.post("/api/sample", h.estimate()::sample);

        r.get("/health", h.health()::show);
    }

    /** The handlers the routes call, built once in {@link App}. */
    public record Handlers(LessonHandler lessons, ProgressHandler progress, InstructorHandler instructor, ExerciseHandler exercises,
                           AccountHandler accounts, HealthHandler health,
                           EstimateHandler estimate) {
    }
}
