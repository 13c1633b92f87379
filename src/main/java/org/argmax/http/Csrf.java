package org.argmax.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;

/**
 * CSRF protection for every form and JSON POST of the site. Signed in: the session's token.
 * Not signed in (sign-in and sign-up forms): a double-submit cookie compared with the form field.
 * Forms send {@code _csrf}; scripts send the {@code X-CSRF-Token} header.
 * <p>Pages get the token lazily ({@link #lazyToken}): a visitor's cookie is issued only by a page
 * that has a form (sign-in, sign-up), never by a lesson, so those pages are the same bytes for
 * every visitor and can be cached ({@link PageCache} refuses a page whose rendering read a token).
 */
public final class Csrf {
    public static final String COOKIE = "argmax_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private static final String READ = "argmax.csrf.read";

    private Csrf() {
    }

    /** The token as a template variable that is worked out (and the cookie issued) only if the page uses it. */
    public static Object lazyToken(Context ctx) {
        return new org.thymeleaf.context.LazyContextVariable<String>() {
            @Override
            protected String loadValue() {
                return token(ctx);
            }
        };
    }

    /** Whether this request's page holds a CSRF token (then it is this visitor's page, not one to share). */
    public static boolean wasRead(Context ctx) {
        return ctx.attribute(READ) != null;
    }

    /** The token to put in this page's forms (sets the anonymous cookie when needed). */
    public static String token(Context ctx) {
        ctx.attribute(READ, Boolean.TRUE);
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
