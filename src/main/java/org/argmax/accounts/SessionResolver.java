package org.argmax.accounts;

import io.javalin.http.Context;
import org.argmax.http.CurrentUser;
import org.argmax.http.Viewer;

/**
 * Looks up the session cookie once per matched request and makes the account known to every
 * handler as an {@link org.argmax.http.Viewer} ({@link CurrentUser}).
 */
public final class SessionResolver {
    public static final String COOKIE = "argmax_session";

    private final SessionRepository sessions;

    public SessionResolver(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The before-handler: looks up the session cookie, if any, with its account (one query). */
    public void resolve(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) return;
        sessions.find(cookie).ifPresent(s -> {
            User u = s.user();
            CurrentUser.set(ctx, new Viewer(u.id(), u.username(), u.displayName(), u.isInstructor()), s.csrfToken());
        });
    }
}
