package org.argmax.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;

/**
 * CSRF protection for every form and JSON POST of the site. Signed in: the session's token.
 * Not signed in (sign-in and sign-up forms): a double-submit cookie compared with the form field.
 * Forms send {@code _csrf}; scripts send the {@code X-CSRF-Token} header.
 */
public final class Csrf {
    public static final String COOKIE = "argmax_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** The token to put in this page's forms (sets the anonymous cookie when needed). */
    public static String token(Context ctx) {
        var session = CurrentUser.sessionCsrfToken(ctx);
        if (session.isPresent()) return session.get();
        String existing = ctx.cookie(COOKIE);
        if (existing != null && existing.length() >= 32 && existing.length() <= 64) return existing;
        String fresh = Tokens.random();
        ctx.cookie(new Cookie(COOKIE, fresh, "/", -1, secure(ctx), true, null, SameSite.STRICT));
        ctx.attribute("argmax.csrf.fresh", fresh);
        return fresh;
    }

    /** Whether the request came over HTTPS, directly or through a proxy that says so: then cookies are Secure. */
    public static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** Throws 403 unless the request carries the expected token. */
    public static void verify(Context ctx) {
        String expected = CurrentUser.sessionCsrfToken(ctx).orElse(ctx.cookie(COOKIE));
        String sent = ctx.header(HEADER);
        if (sent == null) sent = ctx.formParam(FIELD);
        if (!Tokens.equal(expected, sent)) {
            throw new ForbiddenResponse("This form has expired or did not come from this site; reload the page and try again.");
        }
    }
}
