package org.argmax.accounts;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Optional;

/**
 * Resolves the signed-in user once per request (a {@code before} handler) from the session cookie,
 * and offers the checks other features call: {@link #require} and {@link #requireInstructor}.
 */
public final class CurrentUser {
    public static final String COOKIE = "argmax_session";
    private static final String USER = "argmax.user";
    private static final String SESSION = "argmax.session";

    private final SessionRepository sessions;
    private final UserRepository users;

    public CurrentUser(SessionRepository sessions, UserRepository users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** The before-handler: looks up the session cookie, if any. */
    public void resolve(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) return;
        sessions.find(cookie).ifPresent(s -> users.byId(s.userId()).ifPresent(u -> {
            ctx.attribute(USER, u);
            ctx.attribute(SESSION, s);
        }));
    }

    public static Optional<User> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER));
    }

    public static Optional<Long> idOf(Context ctx) {
        return of(ctx).map(User::id);
    }

    static Optional<SessionRepository.Session> sessionOf(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The user, or a redirect to sign-in that comes back here afterwards. */
    public static User require(Context ctx) {
        return of(ctx).orElseThrow(() -> new SignInRequired(ctx.path()));
    }

    public static User requireInstructor(Context ctx) {
        User u = require(ctx);
        if (!u.isInstructor()) throw new ForbiddenResponse("This page is for instructors; your account is a learner account.");
        return u;
    }
}
