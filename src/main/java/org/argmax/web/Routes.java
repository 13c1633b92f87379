package org.argmax.web;

import io.javalin.config.RoutesConfig;
import org.argmax.lessons.LessonHandler;

/** Every route of the site in one place, read top to bottom like a site map. */
public final class Routes {
    private Routes() {
    }

    public static void register(RoutesConfig r, Handlers h) {
        r.get("/", h.lessons()::home);
        r.get("/lessons/{slug}", h.lessons()::show);
        r.get("/glossary", ctx -> h.lessons().page(ctx, "glossary"));
        r.get("/health", h.health()::show);
    }

    /** The handlers the routes call, built once in {@link App}. */
    public record Handlers(LessonHandler lessons, HealthHandler health) {
    }
}
