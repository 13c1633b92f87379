package org.argmax.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.security.RouteRole;

import java.util.Set;

/**
 * Who may call a route, declared next to the route in {@code web.Routes} and checked once for every
 * matched request, with the CSRF token of every form post: handlers never check either themselves.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not; form posts carry a CSRF token. */
    ANYONE,
    /** A signed-in account (a learner or an instructor); others are sent to sign in. */
    SIGNED_IN,
    /** An instructor account. */
    INSTRUCTOR,
    /** The public JSON API: anyone, no cookies needed, so no CSRF token either. */
    PUBLIC_API;

    /** The access check: throws a redirect to sign-in, a 403, or a CSRF refusal. */
    public static void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(PUBLIC_API)) return;
        if (roles.contains(SIGNED_IN) || roles.contains(INSTRUCTOR)) {
            Viewer viewer = CurrentUser.require(ctx);
            if (roles.contains(INSTRUCTOR) && !viewer.isInstructor()) {
                throw new ForbiddenResponse("This page is for instructors; your account is a learner account.");
            }
        }
        if (ctx.method().name().equals("POST")) Csrf.verify(ctx);
    }
}
