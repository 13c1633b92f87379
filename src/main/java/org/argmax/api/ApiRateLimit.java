package org.argmax.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.argmax.http.ClientAddress;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public API's rate limit per client address: a token bucket of {@link #BURST} requests that
 * refills at {@link #PER_SECOND} a second (a widget's slider, debounced to 100 ms, may drag for
 * about 24 s without pause before it waits). Beyond it: 429 with {@code Retry-After}.
 *
 * <p>Kept in this server's memory, not in the database, on purpose: the calls are anonymous and
 * change nothing, so a limit per server is enough to protect that server's CPU (with N servers an
 * address gets N times the rate, which the fit pool of each server still bounds), and a database
 * write per API call would put on the shared database exactly the load the limit is there to stop.
 * Addresses unseen for {@link #FORGET_AFTER_NANOS} are forgotten, so the map stays small.
 */
public final class ApiRateLimit {
    public static final int BURST = 120;
    public static final double PER_SECOND = 5;
    static final long FORGET_AFTER_NANOS = 10L * 60 * 1_000_000_000;

    private final boolean trustProxy;
    private final int burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }
    }

    public ApiRateLimit(boolean trustProxy) {
        this(trustProxy, BURST, PER_SECOND);
    }

    public ApiRateLimit(boolean trustProxy, int burst, double perSecond) {
        this.trustProxy = trustProxy;
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** A before-handler for {@code /api/*}: takes one token of the client's address, or answers 429. */
    public void check(Context ctx) {
        long now = System.nanoTime();
        String address = ClientAddress.of(ctx, trustProxy);
        Bucket b = buckets.computeIfAbsent(address, a -> new Bucket(burst, now));
        long waitSeconds;
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.updated) / 1e9 * perSecond);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                waitSeconds = 0;
            } else {
                waitSeconds = (long) Math.ceil((1 - b.tokens) / perSecond);
            }
        }
        if (now - lastSweep > FORGET_AFTER_NANOS) sweep(now);
        if (waitSeconds > 0) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, waitSeconds)));
            throw new HttpResponseException(429, "Too many requests from your address: at most " + burst + " at once and "
                    + (int) perSecond + " a second; try again in " + Math.max(1, waitSeconds) + " s.");
        }
    }

    private void sweep(long now) {
        lastSweep = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().updated > FORGET_AFTER_NANOS);
    }
}
