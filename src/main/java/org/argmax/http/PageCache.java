package org.argmax.http;

import io.javalin.http.Context;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages for visitors who are not signed in, rendered once per version of what they show (the course
 * snapshot: a new object at every content change) and then served as bytes. A rendering that read a
 * CSRF token (a page with a form) belongs to one visitor and is sent but never kept.
 */
public final class PageCache {
    private record Generation(Object version, ConcurrentHashMap<String, SharedPage> pages) {
    }

    private volatile Generation generation = new Generation(new Object(), new ConcurrentHashMap<>());

    /** Sends the page {@code key} of {@code version}, rendering it with {@code render} the first time. */
    public void serve(Context ctx, Object version, String key, Supplier<String> render) {
        Generation g = generation;
        if (g.version() != version) {
            g = new Generation(version, new ConcurrentHashMap<>());
            generation = g;
        }
        SharedPage page = g.pages().get(key);
        if (page == null) {
            String html = render.get();
            if (Csrf.wasRead(ctx)) {
                ctx.contentType("text/html; charset=utf-8");
                ctx.result(html);
                return;
            }
            page = SharedPage.of(html);
            g.pages().putIfAbsent(key, page);
        }
        page.send(ctx);
    }

    /** How many pages are kept now (for tests). */
    public int size() {
        return generation.pages().size();
    }
}
