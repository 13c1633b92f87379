package org.argmax.http;

import io.javalin.http.Context;

/**
 * The address a request is counted against (sign-in limits, the public API's rate limit). Behind a
 * reverse proxy every request comes from the proxy, so with {@code --trust-proxy} the last
 * X-Forwarded-For entry (the one our proxy added) is used; without it the header is ignored, since
 * any client can send it.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(Context ctx, boolean trustProxy) {
        String forwarded = trustProxy ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) return last;
        }
        return ctx.ip();
    }
}
