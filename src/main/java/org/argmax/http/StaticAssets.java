package org.argmax.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's own files under {@code static/}, referenced from templates with a hash of their bytes
 * ({@code /static/css/site.css?v=3q2-7w}): a URL that names the current bytes is cached by browsers
 * for a year ({@code immutable}), any other (an old hash, no hash) is revalidated. A file's hash is
 * recomputed when its size or modification time changed, looked at most once a second.
 */
public final class StaticAssets {
    public static final String PREFIX = "/static/";
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private record Entry(String hash, long size, long modified, long checked) {
    }

    private final Path dir;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public StaticAssets(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** {@code /static/css/site.css} → {@code /static/css/site.css?v=HASH}; unchanged when there is no such file. */
    public String url(String path) {
        if (!path.startsWith(PREFIX)) return path;
        String hash = hash(path.substring(PREFIX.length()));
        return hash == null ? path : path + "?v=" + hash;
    }

    /** A before-handler for {@code /static/*}: a year for the current hash, revalidation otherwise. */
    public void cacheHeaders(Context ctx) {
        String v = ctx.queryParam("v");
        String hash = v == null ? null : hash(ctx.path().substring(PREFIX.length()));
        ctx.header("Cache-Control", hash != null && hash.equals(v) ? IMMUTABLE : "no-cache");
    }

    private String hash(String relative) {
        long now = System.nanoTime();
        Entry e = entries.get(relative);
        if (e != null && now - e.checked() < RECHECK_NANOS) return e.hash();
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) return null;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) return null;
            long modified = a.lastModifiedTime().toMillis();
            String hash = e != null && e.size() == a.size() && e.modified() == modified ? e.hash() : digest(Files.readAllBytes(file));
            if (entries.size() < 10_000) entries.put(relative, new Entry(hash, a.size(), modified, now));
            return hash;
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 9));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
