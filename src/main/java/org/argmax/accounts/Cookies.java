package org.argmax.accounts;

import org.argmax.http.Csrf;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Session cookie settings: HttpOnly, SameSite=Lax, Secure when served over HTTPS (directly or behind a proxy). */
final class Cookies {
    private Cookies() {
    }


    static Cookie session(Context ctx, String value, int maxAgeSeconds) {
        return new Cookie(SessionResolver.COOKIE, value, "/", maxAgeSeconds, Csrf.secure(ctx), true, null, SameSite.LAX);
    }
}
