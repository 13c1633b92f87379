package org.argmax.http;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * The signed-in {@link Viewer} of this request, if any. The session is looked up once, for matched
 * routes only, by the web layer (see {@code web.App}); every handler reads it here the same way.
 */
public final class CurrentUser {
    private static final String ATTRIBUTE = "argmax.viewer";
    private static final String CSRF = "argmax.session.csrf";

    private CurrentUser() {
    }

    /** Called once per request by the session lookup: the viewer and their session's CSRF token. */
    public static void set(Context ctx, Viewer viewer, String sessionCsrfToken) {
        ctx.attribute(ATTRIBUTE, viewer);
        ctx.attribute(CSRF, sessionCsrfToken);
    }

    static Optional<String> sessionCsrfToken(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CSRF));
    }

    public static Optional<Viewer> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    public static Optional<Long> idOf(Context ctx) {
        return of(ctx).map(Viewer::id);
    }

    /** The viewer, or a redirect to sign-in that comes back here afterwards (401 for JSON). */
    public static Viewer require(Context ctx) {
        return of(ctx).orElseThrow(() -> new SignInRequired(ctx.path()));
    }
}
