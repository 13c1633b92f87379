package org.argmax.exercises;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.argmax.estimation.LabRuns;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a learner uploads to an implementation lab, as CSV or JSON (the page documents both; the
 * first character decides: {@code {} is JSON). Every problem names its line (and field), so a
 * learner can find it in their own file.
 *
 * <pre>
 * iteration,loglik          # the header is optional; # starts a comment
 * 1,-1034.2791
 * …
 * 20,-1010.5043
 * weights,0.41,0.59         # one row per parameter: its name, then one value per component
 * means,101.3,199.7
 * variances,130.2,241.9
 *
 * {"loglik": [-1034.2791, …, -1010.5043], "weights": [0.41, 0.59], "means": [101.3, 199.7], "variances": [130.2, 241.9]}
 * </pre>
 * Numbers use a point for decimals; {@code nan}, {@code inf} and {@code -inf} (any case,
 * {@code Infinity} too; {@code null} in JSON) are read as what a program printed.
 */
final class TraceFormat {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;\\t]\\s*");
    private static final Pattern NAN = Pattern.compile("[+-]?nan"), POSITIVE_INFINITY = Pattern.compile("\\+?(inf|infinity)"),
            NEGATIVE_INFINITY = Pattern.compile("-(inf|infinity)"), NOT_A_NUMBER = Pattern.compile("[+-]?(nan|inf|infinity)");

    private TraceFormat() {
    }

    static LabRuns.Run parse(String raw, LabReferences.Shape shape, int iterations) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) throw new InvalidAnswerException("Paste or upload your run first: the " + shape.traceName() + " after each of the "
                + iterations + " iterations and the final " + String.join(", ", shape.rows()) + ", as CSV or JSON.");
        if (text.charAt(0) == '\uFEFF') text = text.substring(1).strip();
        return text.startsWith("{") ? json(text, shape, iterations) : csv(text, shape, iterations);
    }

    private static LabRuns.Run csv(String text, LabReferences.Shape shape, int iterations) {
        List<Double> trace = new ArrayList<>();
        Map<String, double[]> rows = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        boolean first = true;
        for (int l = 0; l < lines.length; l++) {
            int lineNo = l + 1;
            String line = lines[l];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] cells = SEPARATOR.split(line, -1);
            String head = cells[0].strip().toLowerCase(Locale.ROOT);
            boolean header = first && !isNumber(head) && cells.length == 2 && rowName(head, shape) == null;
            first = false;
            if (header) {
                if (!List.of("iteration", "iter", "t", "step").contains(head) || !cells[1].strip().equalsIgnoreCase(shape.traceName())) {
                    throw new InvalidAnswerException("Line " + lineNo + ": a header must read 'iteration," + shape.traceName() + "', found '" + line + "'.");
                }
                continue;
            }
            String row = rowName(head, shape);
            if (row != null) {
                if (rows.containsKey(row)) throw new InvalidAnswerException("Line " + lineNo + ": a second '" + row + "' row.");
                if (cells.length < 2) throw new InvalidAnswerException("Line " + lineNo + ": the '" + row + "' row has no values.");
                double[] values = new double[cells.length - 1];
                for (int i = 1; i < cells.length; i++) values[i - 1] = number(cells[i], "line " + lineNo + ", field " + (i + 1) + " (" + row + ")");
                checkComponents(row, values.length, shape, "Line " + lineNo);
                rows.put(row, values);
                continue;
            }
            if (!isNumber(head)) {
                throw new InvalidAnswerException("Line " + lineNo + ": '" + cells[0].strip() + "' is neither an iteration number nor one of "
                        + String.join(", ", shape.rows()) + ".");
            }
            if (!rows.isEmpty()) throw new InvalidAnswerException("Line " + lineNo + ": the iterations come before the parameter rows.");
            if (cells.length != 2) {
                throw new InvalidAnswerException("Line " + lineNo + ": an iteration row has two fields, the iteration and the " + shape.traceName()
                        + "; found " + cells.length + (line.matches(".*\\d,\\d.*") ? " (use a point for decimals)" : "") + ".");
            }
            double t = number(cells[0], "line " + lineNo + ", field 1 (iteration)");
            if (t != trace.size() + 1) {
                throw new InvalidAnswerException("Line " + lineNo + ": iteration " + (trace.size() + 1) + " was expected here, found " + cells[0].strip()
                        + (trace.isEmpty() ? " (number the iterations from 1: the first row is the " + shape.traceName() + " after one iteration)" : "") + ".");
            }
            if (t > iterations) throw new InvalidAnswerException("Line " + lineNo + ": there are " + iterations + " iterations, not more.");
            trace.add(number(cells[1], "line " + lineNo + ", field 2 (" + shape.traceName() + ")"));
        }
        if (trace.size() != iterations) {
            throw new InvalidAnswerException("The trace has " + trace.size() + " iteration" + (trace.size() == 1 ? "" : "s") + "; "
                    + iterations + " are needed (rows 'iteration," + shape.traceName() + "' from 1 to " + iterations + ").");
        }
        return run(trace.stream().mapToDouble(Double::doubleValue).toArray(), rows, shape);
    }

    private static LabRuns.Run json(String text, LabReferences.Shape shape, int iterations) {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(text)) {
            root = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new InvalidAnswerException("Line " + parser.currentLocation().getLineNr() + ": text after the end of the JSON object.");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "Line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new InvalidAnswerException(where + "this is not valid JSON (" + e.getOriginalMessage().split("\n")[0] + ").");
        } catch (java.io.IOException e) {
            throw new InvalidAnswerException("The JSON could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidAnswerException("The JSON must be one object: {\"" + shape.traceName() + "\": [...], ...}.");
        double[] trace = null;
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().strip().toLowerCase(Locale.ROOT);
            String row = rowName(key, shape);
            if (key.equals(shape.traceName())) {
                trace = jsonNumbers(e.getValue(), shape.traceName());
                if (trace.length != iterations) {
                    throw new InvalidAnswerException("Field '" + shape.traceName() + "' has " + trace.length + " numbers; " + iterations
                            + " are needed, one after each iteration.");
                }
            } else if (row != null) {
                double[] values = jsonNumbers(e.getValue(), row);
                checkComponents(row, values.length, shape, "Field '" + row + "'");
                rows.put(row, values);
            } else {
                throw new InvalidAnswerException("Unknown field '" + e.getKey() + "': the fields are " + shape.traceName() + ", "
                        + String.join(", ", shape.rows()) + ".");
            }
        }
        if (trace == null) throw new InvalidAnswerException("Field '" + shape.traceName() + "' is missing: the " + iterations + " values of the trace.");
        return run(trace, rows, shape);
    }

    private static double[] jsonNumbers(JsonNode node, String field) {
        if (!node.isArray()) throw new InvalidAnswerException("Field '" + field + "' must be a list of numbers, [ … ].");
        double[] out = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (v.isNull()) out[i] = Double.NaN;
            else if (v.isNumber()) out[i] = v.doubleValue();
            else if (v.isTextual()) out[i] = number(v.asText(), "field '" + field + "', item " + (i + 1));
            else throw new InvalidAnswerException("Field '" + field + "', item " + (i + 1) + ": " + v + " is not a number.");
        }
        return out;
    }

    private static LabRuns.Run run(double[] trace, Map<String, double[]> rows, LabReferences.Shape shape) {
        double[][] parameters = new double[shape.rows().size()][];
        for (int r = 0; r < parameters.length; r++) {
            String name = shape.rows().get(r);
            parameters[r] = rows.get(name);
            if (parameters[r] == null) {
                throw new InvalidAnswerException("The final " + name + " are missing: a row '" + name + ",…' (CSV) or a field \"" + name + "\" (JSON).");
            }
        }
        int count = parameters[0].length;
        for (int r = 1; r < parameters.length; r++) {
            if (parameters[r].length != count) {
                throw new InvalidAnswerException("There are " + count + " " + shape.rows().get(0) + " but " + parameters[r].length + " " + shape.rows().get(r) + ".");
            }
        }
        return new LabRuns.Run(trace, parameters);
    }

    private static void checkComponents(String row, int count, LabReferences.Shape shape, String where) {
        int k = shape.components();
        if (count == k || shape.clustersMayVanish() && count >= 1 && count < k) return;
        throw new InvalidAnswerException(where + ": '" + row + "' has " + count + " value" + (count == 1 ? "" : "s") + "; "
                + k + " are needed, one per " + (shape.clustersMayVanish() ? "cluster" : "component") + ".");
    }

    /** The shape's row a first cell names (singular, plural, "centres"), or null. */
    private static String rowName(String cell, LabReferences.Shape shape) {
        String c = cell.toLowerCase(Locale.ROOT).replace("centre", "center");
        for (String row : shape.rows()) {
            if (c.equals(row) || c.equals(row.substring(0, row.length() - 1)) || row.equals("variances") && c.equals("variance")) return row;
        }
        return null;
    }

    private static boolean isNumber(String cell) {
        String c = cell.strip().toLowerCase(Locale.ROOT);
        return NUMBER.matcher(c).matches() || NOT_A_NUMBER.matcher(c).matches();
    }

    /** A number as a program prints it, or a message naming {@code where}. */
    static double number(String cell, String where) {
        String c = cell.strip();
        String lower = c.toLowerCase(Locale.ROOT);
        if (NAN.matcher(lower).matches()) return Double.NaN;
        if (POSITIVE_INFINITY.matcher(lower).matches()) return Double.POSITIVE_INFINITY;
        if (NEGATIVE_INFINITY.matcher(lower).matches()) return Double.NEGATIVE_INFINITY;
        if (c.startsWith("\"") && c.endsWith("\"") && c.length() >= 2) return number(c.substring(1, c.length() - 1), where);
        if (!NUMBER.matcher(c).matches()) {
            throw new InvalidAnswerException(Character.toUpperCase(where.charAt(0)) + where.substring(1) + ": '" + c + "' is not a number"
                    + (c.isEmpty() ? " (an empty field)" : "") + ".");
        }
        return Double.parseDouble(c);
    }

    /** The run as CSV, the way the lab page shows the format (what {@code check} types for a learner). */
    static String csv(double[] flat, LabReferences.Shape shape, int iterations) {
        StringBuilder out = new StringBuilder("iteration,").append(shape.traceName()).append('\n');
        for (int t = 0; t < iterations; t++) out.append(t + 1).append(',').append(print(flat[t])).append('\n');
        int perRow = (flat.length - iterations) / shape.rows().size();
        for (int r = 0; r < shape.rows().size(); r++) {
            out.append(shape.rows().get(r));
            for (int c = 0; c < perRow; c++) out.append(',').append(print(flat[iterations + r * perRow + c]));
            out.append('\n');
        }
        return out.toString();
    }

    /** The run as JSON, one line. */
    static String json(double[] flat, LabReferences.Shape shape, int iterations) {
        StringBuilder out = new StringBuilder("{\"").append(shape.traceName()).append("\": [");
        for (int t = 0; t < iterations; t++) out.append(t == 0 ? "" : ", ").append(jsonNumber(flat[t]));
        out.append(']');
        int perRow = (flat.length - iterations) / shape.rows().size();
        for (int r = 0; r < shape.rows().size(); r++) {
            out.append(", \"").append(shape.rows().get(r)).append("\": [");
            for (int c = 0; c < perRow; c++) out.append(c == 0 ? "" : ", ").append(jsonNumber(flat[iterations + r * perRow + c]));
            out.append(']');
        }
        return out.append('}').toString();
    }

    /** Ten significant figures: what a learner's print gives, and more than any tolerance needs. */
    static String print(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.10g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    private static String jsonNumber(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return print(v);
    }
}
