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
    private final UserRepository users;

    public SessionResolver(SessionRepository sessions, UserRepository users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** The before-handler: looks up the session cookie, if any. */
    public void resolve(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) return;
        sessions.find(cookie).ifPresent(s -> users.byId(s.userId()).ifPresent(u -> {
            CurrentUser.set(ctx, new Viewer(u.id(), u.username(), u.displayName(), u.isInstructor()), s.csrfToken());
        }));
    }
}
