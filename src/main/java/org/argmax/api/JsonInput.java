package org.argmax.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.argmax.estimation.EstimationException;

/**
 * Reads typed values out of a request's JSON with messages for the learner who sent it
 * ("data value 3 is the text "x", not a number"). Positions are 1-based. Every number must be
 * finite; JSON numbers too large for a double (1e999) count as not finite.
 */
final class JsonInput {
    private JsonInput() {
    }

    static JsonNode field(JsonNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        return v == null || v.isNull() ? null : v;
    }

    static String text(JsonNode object, String name, String fallback) {
        JsonNode v = field(object, name);
        if (v == null) return fallback;
        if (!v.isTextual()) throw bad("'" + name + "' must be a text such as \"" + fallback + "\", got " + describe(v));
        return v.asText();
    }

    static double number(JsonNode object, String name, String where) {
        JsonNode v = field(object, name);
        if (v == null) throw bad("missing " + where + "'" + name + "' (a number)");
        return number(v, where + "'" + name + "'");
    }

    static double number(JsonNode object, String name, String where, double fallback) {
        return field(object, name) == null ? fallback : number(object, name, where);
    }

    static double number(JsonNode v, String what) {
        if (!v.isNumber()) throw bad(what + " must be a number, got " + describe(v));
        double d = v.asDouble();
        if (!Double.isFinite(d)) throw bad(what + " is too large: " + describe(v));
        return d;
    }

    /** A whole number in [min, max]. */
    static int whole(JsonNode object, String name, String where, int fallback, int min, int max) {
        JsonNode v = field(object, name);
        if (v == null) return fallback;
        double d = number(v, where + "'" + name + "'");
        if (d != Math.rint(d) || d < min || d > max) {
            throw bad(where + "'" + name + "' must be a whole number from " + min + " to " + max + ", got " + describe(v));
        }
        return (int) d;
    }

    static long seed(JsonNode object, String name, String where, long fallback) {
        JsonNode v = field(object, name);
        if (v == null) return fallback;
        double d = number(v, where + "'" + name + "'");
        if (d != Math.rint(d)) throw bad(where + "'" + name + "' must be a whole number, got " + describe(v));
        // larger JSON numbers are not exact in a double (nor in the browser's JavaScript)
        if (Math.abs(d) > 9.0e15) throw bad(where + "'" + name + "' must be between -9000000000000000 and 9000000000000000, got " + describe(v));
        return (long) d;
    }

    static double[] numbers(JsonNode v, String what) {
        if (v == null) throw bad("missing " + what + ": give an array of numbers such as [1, 0, 1]");
        if (!v.isArray()) throw bad(what + " must be an array of numbers such as [1, 0, 1], got " + describe(v));
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (e.isArray()) throw bad(what + " must be a flat array of numbers; value " + (i + 1) + " is an array");
            out[i] = number(e, what.substring(0, 1).toUpperCase() + what.substring(1) + " value " + (i + 1));
        }
        return out;
    }

    /** Rows of equal length; a flat array of numbers is read as one column. */
    static double[][] rows(JsonNode v, String what) {
        if (v == null) throw bad("missing " + what + ": give an array of rows such as [[1, 2], [3, 4]]");
        if (!v.isArray()) throw bad(what + " must be an array of rows such as [[1, 2], [3, 4]], got " + describe(v));
        if (v.size() > 0 && !v.get(0).isArray()) {
            double[] column = numbers(v, what);
            double[][] out = new double[column.length][];
            for (int i = 0; i < column.length; i++) out[i] = new double[]{column[i]};
            return out;
        }
        double[][] out = new double[v.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) throw bad(what + " row " + (i + 1) + " must be an array of numbers, got " + describe(row));
            out[i] = numbers(row, what + " row " + (i + 1));
            if (out[i].length != out[0].length) {
                throw bad(what + " row " + (i + 1) + " has " + out[i].length + " values but row 1 has " + out[0].length);
            }
        }
        return out;
    }

    /** How many numbers an array (of arrays…) holds, counting at most {@code limit + 1}. */
    static long countValues(JsonNode v, long limit) {
        if (v == null) return 0;
        if (!v.isContainerNode()) return 1;
        long n = 0;
        for (JsonNode e : v) {
            n += countValues(e, limit - n);
            if (n > limit) return n;
        }
        return n;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) return "null";
        if (v.isTextual()) {
            String s = v.asText();
            return "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        if (v.isBoolean()) return v.asText();
        String s = v.asText();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static EstimationException bad(String message) {
        return new EstimationException(message);
    }
}
