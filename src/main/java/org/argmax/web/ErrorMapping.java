package org.argmax.web;

import io.javalin.config.RoutesConfig;
import org.argmax.db.DataAccessException;
import org.argmax.db.GroupCommit;
import org.argmax.http.InFlightLimit;
import org.argmax.estimation.EstimationException;
import org.argmax.exercises.ExerciseClosedException;
import org.argmax.exercises.UnknownExerciseException;
import org.argmax.http.HttpErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The features' exceptions as HTTP answers, on top of {@link HttpErrors}' generic ones. */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void register(RoutesConfig routes, HttpErrors errors) {
        errors.register(routes);
        routes.exception(EstimationException.class, (e, ctx) -> errors.respond(ctx, 400, e.getMessage()));
        routes.exception(UnknownExerciseException.class, (e, ctx) -> errors.respond(ctx, 404, e.getMessage()));
        // new data or the answer asked of an exercise that does not offer it
        routes.exception(ExerciseClosedException.class, (e, ctx) -> errors.respond(ctx, 409, e.getMessage()));
        // a database that cannot be used (disk full…): the pool recovers by itself once the cause is gone
        routes.exception(DataAccessException.class, (e, ctx) -> unavailable(errors, e, ctx));
        // more answers waiting to be stored than the database keeps up with: refused at once, nothing stored, try again soon
        routes.exception(GroupCommit.Overloaded.class, (e, ctx) -> busy(errors, e, ctx));
        // more requests in progress than the server takes at once: refused before any work
        routes.exception(InFlightLimit.ServerBusy.class, (e, ctx) -> busy(errors, e, ctx));
        // a database failure that reached us unwrapped (a driver's runtime exception in a transaction) is the same outage
        routes.exception(Exception.class, (e, ctx) -> {
            if (fromTheDatabase(e)) unavailable(errors, e, ctx);
            else errors.unexpected(e, ctx);
        });
    }

    /** 503 with {@code Retry-After: 1}: a moment of overload, not an outage; not logged (a flood would flood the log too). */
    private static void busy(HttpErrors errors, RuntimeException e, io.javalin.http.Context ctx) {
        ctx.header("Retry-After", "1");
        errors.respond(ctx, 503, e.getMessage());
    }

    private static void unavailable(HttpErrors errors, Exception e, io.javalin.http.Context ctx) {
        // the cause and its stack trace are logged once by Database when the outage starts
        log.warn("503 on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", String.valueOf(HttpErrors.RETRY_AFTER_SECONDS));
        errors.respond(ctx, 503, HttpErrors.DATABASE_UNAVAILABLE);
    }

    private static boolean fromTheDatabase(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t.getClass().getName().startsWith("org.h2.")) return true;
        }
        return false;
    }
}
