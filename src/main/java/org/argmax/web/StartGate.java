package org.argmax.web;

import org.argmax.accounts.SessionResolver;
import org.argmax.http.StaticAssets;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What the routes need from the database and the course, handed over once both are open. The server listens while
 * they are still opening ({@link App#start}): a request that arrives before then waits here, one whose start failed is
 * answered with the failure (the server is stopping then).
 */
final class StartGate {
    /** The route handlers, the session lookup that runs before each, the backup handler, and the site's own files. */
    record Site(Routes.Handlers handlers, SessionResolver sessions, BackupHandler backup, StaticAssets assets) {
    }

    private final CompletableFuture<Site> site = new CompletableFuture<>();

    void open(Site ready) {
        site.complete(ready);
    }

    void fail(Throwable why) {
        site.completeExceptionally(why);
    }

    /** The site, once the start has made it (at once after that). */
    Site site() {
        try {
            return site.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the server did not start: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
