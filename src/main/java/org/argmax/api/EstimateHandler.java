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
 * {@code POST /api/estimate}: public and stateless (it changes nothing, so it needs no CSRF token).
 * Bodies over {@value #MAX_BODY_BYTES} bytes get 413; anything that is not JSON gets 400.
 */
public final class EstimateHandler {
    public static final int MAX_BODY_BYTES = 1_000_000;

    private final EstimateService service;

    public EstimateHandler(EstimateService service) {
        this.service = service;
    }

    public void estimate(Context ctx) {
        JsonNode request = parse(ctx, body(ctx));
        ctx.json(service.estimate(request));
    }

    private static byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) throw tooLarge();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
