package org.argmax.web;

import io.javalin.http.Context;
import org.argmax.accounts.SessionResolver;

/**
 * Headers on every response. A Content-Security-Policy that lets pages run only the site's own
 * scripts and styles (static/ and the KaTeX and Chart.js webjars; no inline script, style attribute
 * or event handler anywhere in the templates), and {@code Cache-Control: no-store} on every page a
 * signed-in person gets and on every CSV export, so neither a shared cache nor the browser's back
 * button after signing out shows someone's data. Assets are cached as usual.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** A before-handler for every request, assets and 404s included. */
    public static void apply(Context ctx) {
        applyFixed(ctx::header);
        // a request with a session cookie may get someone's page (404s included); decided without a query
        String path = ctx.path();
        boolean asset = path.startsWith("/static/") || path.startsWith("/webjars/");
        if (!asset && (ctx.cookie(SessionResolver.COOKIE) != null || path.endsWith(".csv"))) ctx.header("Cache-Control", "no-store");
    }

    /** The headers that do not depend on the request, also for the error pages Jetty writes itself. */
    static void applyFixed(java.util.function.BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
