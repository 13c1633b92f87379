package org.argmax.http;

import io.javalin.http.Handler;

import java.util.concurrent.Semaphore;

/**
 * Admission control: at most {@code max} requests in the site's handlers at once; one more is
 * refused at once with 503 and {@code Retry-After: 1} ({@link ServerBusy}), before it costs a query.
 * Without it, answers arriving faster than two cores can store them queued in the web server's
 * threads and their memory until the heap was full and the server answered nothing, SIGTERM included
 * (measured: 400 submissions a second for a minute; OverloadTest). With it, a flood gets quick
 * refusals, and the requests let in are answered in a bounded time.
 */
public final class InFlightLimit {
    private final Semaphore permits;
    private final int max;

    public InFlightLimit(int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        this.permits = new Semaphore(max);
        this.max = max;
    }

    /** {@code handler}, run only while fewer than {@code max} others run. */
    public Handler around(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire()) throw new ServerBusy(max);
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }

    /** 503: the server is at its limit of requests in progress; nothing was done, try again in a second. */
    public static final class ServerBusy extends RuntimeException {
        ServerBusy(int max) {
            super("The server is busy with " + max + " other requests, so this one was not handled (nothing was saved). Try again in a second.");
        }
    }
}
