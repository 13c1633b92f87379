package org.argmax.exercises;

import org.argmax.estimation.ScatterMatrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named summaries of a learner's data that formulas (author mistakes, prompts) can use:
 * {@code n}, {@code k} (number of successes), {@code sum_x}, {@code xbar}, {@code sum_x2},
 * {@code ss} (Σ(x−x̄)²), {@code sum_log_x}, {@code min}, {@code max}; for regression {@code sum_y},
 * {@code ybar}, {@code sum_xy}, {@code sxx}, {@code sxy}; for two-feature regression {@code n},
 * {@code xbar1}, {@code xbar2}, {@code ybar} and the centred sums {@code s11} = Σ(x₁−x̄₁)²,
 * {@code s22}, {@code s12} = Σ(x₁−x̄₁)(x₂−x̄₂), {@code s1y}, {@code s2y}; for logistic data (0/1 labels y) the
 * regression names; for pairs (x, y) of a bivariate normal {@code n}, {@code xbar}, {@code ybar}, {@code sum_x2},
 * {@code sum_y2}, {@code sum_xy} and the centred sums {@code sxx}, {@code syy}, {@code sxy}; for censored lifetimes the sample's
 * names and {@code m}, the number of censored values (equal to the given {@code c}); for counts
 * {@code n1…nK}; plus every given quantity by its name.
 */
public final class DataVariables {
    private static final List<String> SAMPLE = List.of("n", "k", "sum_x", "xbar", "sum_x2", "ss", "sum_log_x", "min", "max");
    private static final List<String> REGRESSION = List.of("n", "sum_x", "sum_y", "xbar", "ybar", "sum_x2", "sum_xy", "sxx", "sxy");
    private static final List<String> REGRESSION2 = List.of("n", "xbar1", "xbar2", "ybar", "s11", "s22", "s12", "s1y", "s2y");
    private static final List<String> PAIRS = List.of("n", "xbar", "ybar", "sum_x2", "sum_y2", "sum_xy", "sxx", "syy", "sxy");
    private static final List<String> CENSORED = List.of("n", "k", "sum_x", "xbar", "sum_x2", "ss", "sum_log_x", "min", "max", "m");

    private DataVariables() {
    }

    /** The names available for data of this family (given quantities come on top). */
    public static List<String> names(String family) {
        if ("regression".equals(family) || "logistic".equals(family)) return REGRESSION;
        if ("normal2".equals(family)) return PAIRS;
        if ("regression2".equals(family)) return REGRESSION2;
        if ("censored".equals(family)) return CENSORED;
        if ("categorical".equals(family)) {
            List<String> out = new ArrayList<>(List.of("n"));
            for (int i = 1; i <= 10; i++) out.add("n" + i);
            return out;
        }
        return SAMPLE;
    }

    public static Map<String, Double> values(ExerciseData data) {
        Map<String, Double> v = new LinkedHashMap<>();
        if (data.n() == 0) {
            v.putAll(data.given());
            return v;
        }
        if (data.family().equals("regression2")) {
            twoFeatures(data, v);
        } else if (data.family().equals("normal2")) {
            pairs(data, v);
        } else if (data.isRegression()) {
            double[] x = new double[data.n()];
            for (int i = 0; i < x.length; i++) x[i] = data.x()[i][0];
            double[] y = data.y();
            int n = y.length;
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = 0; i < n; i++) {
                sx += x[i];
                sy += y[i];
                sxx += x[i] * x[i];
                sxy += x[i] * y[i];
            }
            v.put("n", (double) n);
            v.put("sum_x", sx);
            v.put("sum_y", sy);
            v.put("xbar", sx / n);
            v.put("ybar", sy / n);
            v.put("sum_x2", sxx);
            v.put("sum_xy", sxy);
            v.put("sxx", sxx - sx * sx / n);
            v.put("sxy", sxy - sx * sy / n);
        } else if (data.family().equals("categorical")) {
            double total = 0;
            for (int i = 0; i < data.values().length; i++) {
                v.put("n" + (i + 1), data.values()[i]);
                total += data.values()[i];
            }
            v.put("n", total);
        } else {
            double[] x = data.values();
            double sum = 0, sum2 = 0, sumLog = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double xi : x) {
                sum += xi;
                sum2 += xi * xi;
                sumLog += xi > 0 ? Math.log(xi) : Double.NaN; // log of a value ≤ 0 is undefined, and so is the sum
                min = Math.min(min, xi);
                max = Math.max(max, xi);
            }
            double mean = sum / x.length;
            double ss = 0;
            for (double xi : x) ss += (xi - mean) * (xi - mean);
            v.put("n", (double) x.length);
            // k counts successes: defined for 0/1 and binomial data only, undefined (NaN) for any other sample
            v.put("k", data.family().equals("bernoulli") || data.family().equals("binomial") ? sum : Double.NaN);
            v.put("sum_x", sum);
            v.put("xbar", mean);
            v.put("sum_x2", sum2);
            v.put("ss", ss);
            v.put("sum_log_x", sumLog);
            v.put("min", min);
            v.put("max", max);
            if (data.family().equals("censored")) {
                double c = data.given().get("c"), m = 0;
                for (double xi : x) if (xi >= c) m++;
                v.put("m", m);
            }
        }
        v.putAll(data.given());
        return v;
    }

    private static void pairs(ExerciseData data, Map<String, Double> v) {
        int n = data.n();
        double[] y = data.y();
        // means and centred sums from the core (the same sums in the same order as a hand loop)
        double[][] columns = withResponse(data, 1);
        double[] mean = ScatterMatrix.mean(columns);
        double[][] s = ScatterMatrix.scatter(columns);
        double sx2 = 0, sy2 = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = columns[i][0];
            sx2 += x * x;
            sy2 += y[i] * y[i];
            sxy += x * y[i];
        }
        v.put("n", (double) n);
        v.put("xbar", mean[0]);
        v.put("ybar", mean[1]);
        v.put("sum_x2", sx2);
        v.put("sum_y2", sy2);
        v.put("sum_xy", sxy);
        v.put("sxx", s[0][0]);
        v.put("syy", s[1][1]);
        v.put("sxy", s[0][1]);
    }

    private static void twoFeatures(ExerciseData data, Map<String, Double> v) {
        double[][] columns = withResponse(data, 2);
        double[] mean = ScatterMatrix.mean(columns);
        double[][] s = ScatterMatrix.scatter(columns);
        v.put("n", (double) data.n());
        v.put("xbar1", mean[0]);
        v.put("xbar2", mean[1]);
        v.put("ybar", mean[2]);
        v.put("s11", s[0][0]);
        v.put("s22", s[1][1]);
        v.put("s12", s[0][1]);
        v.put("s1y", s[0][2]);
        v.put("s2y", s[1][2]);
    }

    /** Rows (x₁ … x_features, y): the first {@code features} columns of x and the response. */
    private static double[][] withResponse(ExerciseData data, int features) {
        double[][] rows = new double[data.n()][features + 1];
        for (int i = 0; i < data.n(); i++) {
            System.arraycopy(data.x()[i], 0, rows[i], 0, features);
            rows[i][features] = data.y()[i];
        }
        return rows;
    }
}
