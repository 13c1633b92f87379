package org.argmax.accounts;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.argmax.http.Views;

import java.util.HashMap;
import java.util.Map;

/** Sign-up, sign-in and sign-out pages; plain forms with CSRF tokens. */
public final class AccountHandler {
    private final AccountService accounts;
    private final Views views;

    public AccountHandler(AccountService accounts, Views views, boolean trustProxy) {
        this.accounts = accounts;
        this.views = views;
        this.trustProxy = trustProxy;
    }

    private final boolean trustProxy;

    /**
     * The address sign-in and sign-up limits are counted against. Behind a reverse proxy every request comes
     * from the proxy, so with --trust-proxy the last X-Forwarded-For entry (the one our proxy added)
     * is used; without it the header is ignored, since any client can send it.
     */
    String clientAddress(Context ctx) {
        return org.argmax.http.ClientAddress.of(ctx, trustProxy);
    }

    public void signInForm(Context ctx) {
        form(ctx, "signin", null, Map.of());
    }

    public void signUpForm(Context ctx) {
        form(ctx, "signup", null, Map.of());
    }

    public void signIn(Context ctx) {
        try {
            User user = accounts.signIn(ctx.formParam("username"), ctx.formParam("password"), clientAddress(ctx));
            startSession(ctx, user);
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            refuse(ctx, e);
            form(ctx, "signin", e.getMessage(), Map.of("username", value(ctx.formParam("username"))));
        }
    }

    public void signUp(Context ctx) {
        try {
            User user = accounts.signUp(ctx.formParam("displayName"), ctx.formParam("username"), ctx.formParam("password"),
                    clientAddress(ctx));
            startSession(ctx, user);
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            refuse(ctx, e);
            form(ctx, "signup", e.getMessage(), Map.of("username", value(ctx.formParam("username")),
                    "displayName", value(ctx.formParam("displayName"))));
        }
    }

    public void signOut(Context ctx) {
        accounts.closeSession(ctx.cookie(SessionResolver.COOKIE));
        ctx.cookie(Cookies.session(ctx, "", 0));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** The status of a refused form; a 429 also says in Retry-After how many seconds to wait. */
    private static void refuse(Context ctx, AccountException e) {
        ctx.status(e.status());
        if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }

    /** A new session id at every sign-in; the old session (if any) is closed. */
    private void startSession(Context ctx, User user) {
        accounts.closeSession(ctx.cookie(SessionResolver.COOKIE));
        String id = accounts.openSession(user);
        ctx.cookie(Cookies.session(ctx, id, (int) SessionRepository.LIFETIME.toSeconds()));
    }

    private void form(Context ctx, String template, String error, Map<String, String> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("error", error);
        model.put("next", safeNext(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next")));
        views.render(ctx, template, model);
    }

    /** Only local paths, so the sign-in form cannot send people to another site. */
    /** A local path only: browsers ignore tabs and newlines in URLs, so "/\t/evil.example" would leave the site. */
    static String safeNext(String next) {
        if (next == null || !LOCAL_PATH.matcher(next).matches()) return "/";
        return next;
    }

    private static final java.util.regex.Pattern LOCAL_PATH = java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*");

    private static String value(String s) {
        return s == null ? "" : s;
    }
}
