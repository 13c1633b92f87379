package org.argmax.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.argmax.accounts.SignInRequired;
import org.argmax.db.DataAccessException;
import org.argmax.estimation.EstimationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps failures to pages or JSON: requests under {@code /api/} (or asking for JSON) get
 * {@code {"error": message}}, everything else an HTML page. A database that cannot be used (disk
 * full, ...) is a 503 with {@code Retry-After}: the pool recovers by itself once the cause is gone.
 * Unexpected exceptions are logged and shown as a generic 500 without a stack trace.
 */
public final class HttpErrors {
    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);
    public static final String DATABASE_UNAVAILABLE = "The database cannot be used right now, so this request could not be completed. "
            + "Please try again in a few minutes.";
    /** Seconds a client is asked to wait after a 503. */
    static final int RETRY_AFTER_SECONDS = 60;

    private final Views views;

    public HttpErrors(Views views) {
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), readable(ctx, e.getStatus(), e.getMessage())));
        routes.exception(SignInRequired.class, (e, ctx) -> {
            if (wantsJson(ctx)) {
                respond(ctx, 401, "Sign in first.");
            } else {
                ctx.redirect("/signin?next=" + URLEncoder.encode(e.returnPath(), StandardCharsets.UTF_8), HttpStatus.FOUND);
            }
        });
        routes.exception(EstimationException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(BadRequest.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(org.argmax.exercises.UnknownExerciseException.class, (e, ctx) -> respond(ctx, 404, e.getMessage()));
        // new data or the answer asked of an exercise that does not offer it
        routes.exception(org.argmax.exercises.ExerciseClosedException.class, (e, ctx) -> respond(ctx, 409, e.getMessage()));
        routes.exception(DataAccessException.class, (e, ctx) -> {
            // the cause and its stack trace are logged once by Database when the outage starts
            log.warn("503 on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            respond(ctx, 503, DATABASE_UNAVAILABLE);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. The error has been logged.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                respond(ctx, 404, readable(ctx, 404, null));
            }
        });
    }

    /** Javalin's own "Endpoint GET /x not found" in words for people. */
    static String readable(Context ctx, int status, String message) {
        if (status == 404 && (message == null || message.isBlank() || message.matches("Endpoint \\S+ .* not found"))) {
            return "There is no page at " + ctx.path() + ". Check the address, or start from the lessons.";
        }
        return message;
    }

    public static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    public void respond(Context ctx, int status, String message) {
        ctx.status(status);
        if (wantsJson(ctx)) {
            ctx.json(Map.of("error", message == null ? HttpStatus.forStatus(status).getMessage() : message));
            return;
        }
        String title = switch (status) {
            case 400 -> "That request could not be understood";
            case 401 -> "Please sign in";
            case 403 -> "This page is not for your account";
            case 404 -> "Page not found";
            case 429 -> "Too many attempts";
            case 503 -> "Temporarily unavailable";
            default -> status >= 500 ? "Server error" : "Something is not right";
        };
        views.render(ctx, "error", Map.of("status", status, "title", title, "message", message == null ? "" : message));
    }

    /** A client mistake with a message for the person who made it; mapped to 400. */
    public static class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
