package org.argmax.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers of the JSON API as tests read them: a 200 with a JSON body, or a 400 whose JSON names the problem. */
public final class JsonApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonApi() {
    }

    public static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** The body of a 200 answer to {@code request}. */
    public static JsonNode ok(HttpResponse<String> r, String request) {
        assertEquals(200, r.statusCode(), request + " → " + r.body());
        return read(r.body());
    }

    /** The message of the 400 answer to {@code request}: JSON {@code {"error": "…"}}, never blank. */
    public static String error(HttpResponse<String> r, String request) {
        assertEquals(400, r.statusCode(), request + " → " + r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.body());
        JsonNode e = read(r.body());
        assertTrue(e.get("error").isTextual() && !e.get("error").asText().isBlank(), r.body());
        return e.get("error").asText();
    }
}
