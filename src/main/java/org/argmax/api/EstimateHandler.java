package org.argmax.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.argmax.estimation.EstimationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/estimate} and {@code POST /api/sample}: public and stateless (they change
 * nothing, so they need no CSRF token).
 * Bodies over {@value #MAX_BODY_BYTES} bytes get 413; anything that is not JSON gets 400.
 */
public final class EstimateHandler {
    public static final int MAX_BODY_BYTES = 1_000_000;
    /**
     * An oversized body up to this size is read and thrown away before the 413 is sent: a client
     * still writing its body when the server answers and closes would otherwise see a reset
     * connection instead of the message. Anything larger is cut off.
     */
    static final long DRAIN_LIMIT_BYTES = 16_000_000;

    private final EstimateService service;
    private final SampleService samples;
    private final FitPool fits;

    public EstimateHandler(EstimateService service, SampleService samples, FitPool fits) {
        this.service = service;
        this.samples = samples;
        this.fits = fits;
    }

    /**
     * Parsing, the fit and writing the answer run in the bounded {@link FitPool} (the request thread
     * only reads the body); when it is full, 503 with Retry-After.
     */
    public void estimate(Context ctx) {
        byte[] body = body(ctx);
        try {
            String json = fits.run(() -> ctx.jsonMapper().toJsonString(service.estimate(parse(ctx, body)), Object.class));
            ctx.contentType("application/json").result(json);
        } catch (FitPool.Busy busy) {
            ctx.header("Retry-After", "1");
            throw busy;
        }
    }

    public void sample(Context ctx) {
        JsonNode request = parse(ctx, body(ctx));
        ctx.json(JsonOutput.safe(samples.sample(request)));
    }

    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > MAX_BODY_BYTES) {
                if (declared <= DRAIN_LIMIT_BYTES) discard(in);
                throw tooLarge();
            }
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discard(in);
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        for (int n; read < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0; ) read += n;
    }

    /** With the app's own JSON mapper (Jackson, which rejects NaN and Infinity literals). */
    private static JsonNode parse(Context ctx, byte[] body) {
        if (body.length == 0) throw new EstimationException("the request body is empty: send JSON such as {\"model\": \"bernoulli\", \"data\": [1, 0, 1]}");
        try {
            return ctx.jsonMapper().fromJsonString(new String(body, StandardCharsets.UTF_8), JsonNode.class);
        } catch (Exception e) {
            throw new EstimationException("the request body is not valid JSON" + describe(e));
        }
    }

    /** Jackson's message without its source excerpt, with the line and column where parsing stopped. */
    private static String describe(Exception e) {
        if (!(e instanceof JacksonException j)) return "";
        String detail = j.getOriginalMessage() == null ? "" : j.getOriginalMessage();
        int cut = detail.indexOf(" (for ");
        if (cut < 0) cut = detail.indexOf(" at [Source");
        if (cut >= 0) detail = detail.substring(0, cut);
        detail = detail.split("\n")[0];
        String where = j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        return where + ": " + detail;
    }

    private static HttpResponseException tooLarge() {
        return new HttpResponseException(413, "the request body is larger than 1 MB; send at most 100,000 data values");
    }
}
