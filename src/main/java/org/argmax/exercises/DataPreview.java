package org.argmax.exercises;

import java.util.Locale;

/** The learner's data as text for the page (the CSV download has the same numbers). */
public final class DataPreview {
    private static final int MAX_VALUES = 400;

    private DataPreview() {
    }

    public static String text(ExerciseData data, String show) {
        StringBuilder out = new StringBuilder();
        if (data.isRegression()) {
            int d = data.x()[0].length;
            for (int j = 0; j < d; j++) out.append(d == 1 ? "x" : "x" + (j + 1)).append('\t');
            out.append("y\n");
            for (int i = 0; i < Math.min(data.n(), MAX_VALUES); i++) {
                for (double v : data.x()[i]) out.append(ExerciseData.number(v)).append('\t');
                out.append(ExerciseData.number(data.y()[i])).append('\n');
            }
        } else if (data.family().equals("categorical")) {
            for (int i = 0; i < data.values().length; i++) {
                out.append("class ").append(i + 1).append(": ").append(ExerciseData.number(data.values()[i])).append('\n');
            }
        } else if (show.equals("summary")) {
            var v = DataVariables.values(data);
            out.append("n = ").append(format(v.get("n"))).append(", sum of x = ").append(format(v.get("sum_x")))
                    .append(", sum of x² = ").append(format(v.get("sum_x2")));
        } else {
            for (int i = 0; i < Math.min(data.n(), MAX_VALUES); i++) {
                if (i > 0) out.append(i % 10 == 0 ? "\n" : "  ");
                out.append(ExerciseData.number(data.values()[i]));
            }
        }
        if (data.n() > MAX_VALUES) out.append("\n… ").append(data.n() - MAX_VALUES).append(" more in the CSV file");
        return out.toString().strip();
    }

    /** Six significant figures, no trailing zeros; whole numbers without a point. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    public static String format(double[] v) {
        if (v.length == 1) return format(v[0]);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) out.append(i == 0 ? "" : ", ").append(format(v[i]));
        return out.append(']').toString();
    }
}
