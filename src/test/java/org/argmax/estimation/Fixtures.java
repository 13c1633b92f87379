package org.argmax.estimation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads src/test/resources/fixtures/estimation.json, written by src/test/python/make_fixtures.py. */
final class Fixtures {
    static final JsonNode ROOT = load();

    private Fixtures() {
    }

    private static JsonNode load() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/estimation.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] vector(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asDouble();
        return out;
    }

    static double[][] matrix(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < out.length; i++) out[i] = vector(n.get(i));
        return out;
    }

    static double[][][] matrices(JsonNode n) {
        double[][][] out = new double[n.size()][][];
        for (int i = 0; i < out.length; i++) out[i] = matrix(n.get(i));
        return out;
    }

    /** |actual − expected| ≤ rel · max(1, |expected|). */
    static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)), what);
    }

    static void close(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) close(expected[i], actual[i], rel, what + "[" + i + "]");
    }

    static void close(double[][] expected, double[][] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        for (int i = 0; i < expected.length; i++) close(expected[i], actual[i], rel, what + "[" + i + "]");
    }
}
