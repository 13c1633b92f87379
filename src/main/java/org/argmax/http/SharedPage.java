package org.argmax.http;

import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A page that is the same for everyone who gets it (a lesson for visitors who are not signed in):
 * its bytes and their gzip form, made once, with a strong ETag from their SHA-256. Sent with
 * {@code Cache-Control: no-cache} (a browser or proxy keeps it but asks again each time, and a
 * {@code 304} answers when nothing changed), unless the request already has a stricter one.
 */
public final class SharedPage {
    private final byte[] plain;
    /** null when gzip would not pay (fonts, images): always sent as is */
    private final byte[] gzip;
    private final String etag;
    private final String gzipEtag;
    private final String contentType;

    private SharedPage(byte[] plain, byte[] gzip, String hash, String contentType) {
        this.plain = plain;
        this.gzip = gzip;
        this.etag = "\"" + hash + "\"";
        this.gzipEtag = "\"" + hash + "-gz\"";
        this.contentType = contentType;
    }

    public static SharedPage of(String html) {
        byte[] plain = html.getBytes(StandardCharsets.UTF_8);
        return new SharedPage(plain, Compression.gzip(plain), hash(plain), "text/html; charset=utf-8");
    }

    /** Any file's bytes, with its gzip form only when {@code compress} (text). */
    public static SharedPage of(byte[] bytes, String contentType, boolean compress) {
        byte[] gz = compress ? Compression.gzip(bytes) : null;
        return new SharedPage(bytes, gz != null && gz.length < bytes.length ? gz : null, hash(bytes), contentType);
    }

    /** The page, {@code 304} when the request's If-None-Match names it, gzip when the client accepts it. */
    public void send(Context ctx) {
        boolean gz = gzip != null && Compression.acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", gz ? gzipEtag : etag);
        if (gzip != null) ctx.header("Vary", "Accept-Encoding");
        if (ctx.res().getHeader("Cache-Control") == null) ctx.header("Cache-Control", "no-cache");
        ctx.contentType(contentType);
        ctx.disableCompression(); // the bytes below are already what goes on the wire
        if (Compression.matches(ctx.header("If-None-Match"), etag, gzipEtag)) {
            ctx.status(304);
            return;
        }
        if (gz) ctx.header("Content-Encoding", "gzip");
        ctx.result(gz ? gzip : plain);
    }

    int size() {
        return plain.length;
    }

    /** The bytes held: the file and its gzip form. */
    long bytesHeld() {
        return plain.length + (gzip == null ? 0 : gzip.length);
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** gzip and the request headers that ask for it or name a cached version. */
    static final class Compression {
        private Compression() {
        }

        static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream z = new GZIPOutputStream(out) {
                {
                    def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION); // made once, sent many times
                }
            }) {
                z.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** Accept-Encoding lists gzip (or *) without {@code q=0}. */
        static boolean acceptsGzip(String acceptEncoding) {
            if (acceptEncoding == null) return false;
            for (String part : acceptEncoding.split(",")) {
                String[] p = part.split(";");
                String coding = p[0].strip();
                if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) continue;
                boolean refused = false;
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) refused = true;
                }
                if (!refused) return true;
            }
            return false;
        }

        /** If-None-Match ({@code *} or a list of tags, weak or strong) names one of {@code tags}, compared weakly as RFC 9110 says. */
        static boolean matches(String ifNoneMatch, String... tags) {
            if (ifNoneMatch == null) return false;
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.strip();
                if (c.equals("*")) return true;
                if (c.startsWith("W/")) c = c.substring(2);
                for (String tag : tags) if (c.equals(tag)) return true;
            }
            return false;
        }
    }
}
