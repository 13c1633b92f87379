package org.argmax.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Maps failures to pages or JSON: requests under {@code /api/} (or asking for JSON) get
 * {@code {"error": message}}, everything else an HTML page. A malformed request that only shows
 * while its body is read (see {@link ClientFault}) is a 4xx with a message, logged at debug level;
 * so is a client that went away. Unexpected exceptions are logged and shown as a generic 500
 * without a stack trace; the features' own exceptions are mapped by the web layer
 * ({@code web.ErrorMapping}) through {@link #respond}.
 */
public final class HttpErrors {
    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);
    public static final String DATABASE_UNAVAILABLE = "The database cannot be used right now, so this request could not be completed. "
            + "Please try again in a few minutes.";
    /** Seconds a client is asked to wait after a 503. */
    public static final int RETRY_AFTER_SECONDS = 60;

    private final Supplier<Views> views;

    /** With the template engine of {@code views}, asked for at the first error page (a server listens before it has one). */
    public HttpErrors(Supplier<Views> views) {
        this.views = views;
    }

    public void register(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), readable(ctx, e.getStatus(), e.getMessage())));
        routes.exception(SignInRequired.class, (e, ctx) -> {
            if (wantsJson(ctx)) {
                respond(ctx, 401, e.getMessage());
            } else {
                ctx.redirect("/signin?next=" + URLEncoder.encode(e.returnPath(), StandardCharsets.UTF_8), HttpStatus.FOUND);
            }
        });
        routes.exception(BadRequest.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx));
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

    /** A failure no mapping claims: a client's fault (4xx, debug log) or ours (500, logged with its stack trace). */
    public void unexpected(Exception e, Context ctx) {
            ClientFault fault = ClientFault.of(e);
            if (fault != null) {
                // the client's doing (or the client went away): no stack trace, and a 4xx if anyone is still listening
                log.debug("{} on {} {}: {}{}", fault.status(), ctx.method(), ctx.path(), fault.disconnected() ? "client disconnected or body malformed: " : "", e.toString());
                respond(ctx, fault.status(), fault.message());
                return;
            }
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "Something went wrong on our side. The error has been logged.");
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
        views.get().render(ctx, "error", Map.of("status", status, "title", title, "message", message == null ? "" : message));
    }

    /** A client mistake with a message for the person who made it; mapped to 400. */
    public static class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
