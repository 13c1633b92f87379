package org.argmax.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /webjars/<name>/<version>/<file>} (KaTeX, Chart.js) from memory: each file is read from the
 * class path the first time it is asked for and kept as bytes and, for text, their gzip form
 * ({@link SharedPage}: ETag, {@code 304}, {@code Vary}), up to {@code maxBytes} in all; past that
 * a file is read and sent each time. The URLs name the version, so every answer is
 * {@code Cache-Control: immutable} ({@link StaticAssets#IMMUTABLE}). Nothing is read at start.
 * Javalin's class-path handler looked the resource up and read it through the class loader on every
 * request (0.44x the framework limit for KaTeX's CSS).
 */
public final class WebjarFiles {
    public static final String PREFIX = "/webjars/";
    static final String ROOT = "META-INF/resources/webjars/";
    /** What a file may be: letters, digits and {@code . _ - + @ ~} in each segment, no empty or dot-only segment. */
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9._+@~-]+(/[A-Za-z0-9._+@~-]+)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"));

    private final ClassLoader loader;
    private final long maxBytes;
    private final Map<String, SharedPage> files = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();

    public WebjarFiles(long maxBytes) {
        this(WebjarFiles.class.getClassLoader(), maxBytes);
    }

    WebjarFiles(ClassLoader loader, long maxBytes) {
        this.loader = loader;
        this.maxBytes = maxBytes;
    }

    /** The GET handler for {@code /webjars/<path>}: 404 for anything that is not a webjar file. */
    public void send(Context ctx) {
        String relative = ctx.path().substring(Math.min(ctx.path().length(), PREFIX.length()));
        SharedPage file = files.get(relative);
        if (file == null) file = load(relative);
        ctx.header("Cache-Control", StaticAssets.IMMUTABLE);
        file.send(ctx);
    }

    /** Bytes held now (plain and gzip). */
    long bytesHeld() {
        return used.get();
    }

    private SharedPage load(String relative) {
        if (!ctxPathIsSafe(relative)) throw new NotFoundResponse();
        String type = TYPES.get(extension(relative));
        if (type == null) throw new NotFoundResponse(); // not a kind of file a page links to (a pom, a LICENSE)
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
            if (in == null) throw new NotFoundResponse();
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new NotFoundResponse();
        }
        boolean text = type.startsWith("text/") || type.startsWith("application/json") || type.equals("image/svg+xml");
        SharedPage file = SharedPage.of(bytes, type, text);
        if (used.addAndGet(file.bytesHeld()) <= maxBytes) {
            SharedPage before = files.putIfAbsent(relative, file);
            if (before == null) return file;
            used.addAndGet(-file.bytesHeld());
            return before;
        }
        used.addAndGet(-file.bytesHeld()); // over the bound: sent, not kept
        return file;
    }

    static boolean ctxPathIsSafe(String relative) {
        if (relative.length() > 300 || !SAFE.matcher(relative).matches()) return false;
        for (String segment : relative.split("/")) if (segment.chars().allMatch(c -> c == '.')) return false;
        return true;
    }

    private static String extension(String relative) {
        int dot = relative.lastIndexOf('.');
        return dot < 0 || dot < relative.lastIndexOf('/') ? "" : relative.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
