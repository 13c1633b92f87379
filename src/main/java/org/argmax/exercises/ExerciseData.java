package org.argmax.exercises;

import java.util.Locale;
import java.util.Map;

/**
 * The data a learner works on, regenerated from their seed whenever needed. A sample of one
 * variable ({@code values}), or regression data ({@code x} rows and {@code y}); {@code given} holds
 * the drawn quantities the prompt names (a prior's α and β, a starting guess…).
 */
public record ExerciseData(String family, double[] values, double[][] x, double[] y, Map<String, Double> given) {
    public ExerciseData {
        given = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(given));
        values = values == null ? null : values.clone();
        x = deepCopy(x);
        y = y == null ? null : y.clone();
    }

    // copies out, so no caller can change a learner's data under the grader
    @Override
    public double[] values() {
        return values == null ? null : values.clone();
    }

    @Override
    public double[][] x() {
        return deepCopy(x);
    }

    @Override
    public double[] y() {
        return y == null ? null : y.clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        if (rows == null) return null;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) copy[i] = rows[i].clone();
        return copy;
    }

    public boolean isRegression() {
        return x != null;
    }

    public int n() {
        return isRegression() ? y.length : values.length;
    }

    /** The data as CSV with a header row, for download. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        if (isRegression()) {
            out.append("i");
            for (int j = 0; j < x[0].length; j++) out.append(x[0].length == 1 ? ",x" : ",x" + (j + 1));
            out.append(",y\n");
            for (int i = 0; i < y.length; i++) {
                out.append(i + 1);
                for (double v : x[i]) out.append(',').append(number(v));
                out.append(',').append(number(y[i])).append('\n');
            }
        } else if (family.equals("categorical")) {
            out.append("class,count\n");
            for (int i = 0; i < values.length; i++) out.append(i + 1).append(',').append(number(values[i])).append('\n');
        } else {
            out.append("i,x\n");
            for (int i = 0; i < values.length; i++) out.append(i + 1).append(',').append(number(values[i])).append('\n');
        }
        return out.toString();
    }

    /** Whole numbers without ".0"; others as generated (already rounded by the generator). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }
}
