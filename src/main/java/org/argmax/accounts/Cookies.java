package org.argmax.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Session cookie settings: HttpOnly, SameSite=Lax, Secure when served over HTTPS (directly or behind a proxy). */
final class Cookies {
    private Cookies() {
    }

    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    static Cookie session(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(CurrentUser.COOKIE, value, "/", maxAgeSeconds, secure(ctx), true, null, SameSite.LAX);
    }
}
