package org.argmax.exercises;

import org.argmax.estimation.Family;
import org.argmax.estimation.Generators;
import org.argmax.estimation.Rng;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the core's generators for {@link DataGenerator}, and rounds what learners will see. */
final class CoreData {
    private CoreData() {
    }

    static ExerciseData generate(String family, Map<String, Double> truth, int n, Map<String, Double> given, Rng rng) {
        Map<String, Double> shown = new LinkedHashMap<>(given);
        switch (family) {
            case "mixture" -> {
                double w1 = truth.get("w1");
                var sample = Generators.mixture1d(new double[]{w1, 1 - w1}, new double[]{truth.get("mu1"), truth.get("mu2")},
                        new double[]{truth.get("sd1"), truth.get("sd2")}, n, rng);
                double[][] points = sample.points();
                double[] values = new double[n];
                for (int i = 0; i < n; i++) values[i] = DataGenerator.round2(points[i][0]);
                // an optional outlier (a reaction time of someone who looked away) replaces one point; drawn only
                // when asked for, so the data of every other mixture exercise stays what it was
                if (truth.containsKey("outlier")) values[rng.nextInt(n)] = DataGenerator.round2(truth.get("outlier"));
                return new ExerciseData(family, values, null, null, shown);
            }
            case "regression" -> {
                var data = Generators.linear(new double[]{truth.get("intercept"), truth.get("slope")}, truth.get("noise_sd"),
                        truth.get("x_min"), truth.get("x_max"), n, rng);
                double[][] drawnX = data.x();
                double[] drawnY = data.y();
                double[][] x = new double[n][1];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i][0] = DataGenerator.round2(drawnX[i][0]);
                    y[i] = DataGenerator.round2(drawnY[i]);
                }
                return new ExerciseData(family, null, x, y, shown);
            }
            case "regression2" -> {
                var data = Generators.linear(new double[]{truth.get("intercept"), truth.get("slope1"), truth.get("slope2")},
                        truth.get("noise_sd"), truth.get("x_min"), truth.get("x_max"), n, rng);
                double[][] drawnX = data.x();
                double[] drawnY = data.y();
                double[][] x = new double[n][2];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i][0] = DataGenerator.round2(drawnX[i][0]);
                    x[i][1] = DataGenerator.round2(drawnX[i][1]);
                    y[i] = DataGenerator.round2(drawnY[i]);
                }
                return new ExerciseData(family, null, x, y, shown);
            }
            case "logistic" -> {
                // labels yᵢ ~ Bernoulli(σ(intercept + slope·xᵢ)) drawn at the unrounded x, as the core's generator does
                var data = Generators.logistic(new double[]{truth.get("intercept"), truth.get("slope")}, truth.get("x_min"), truth.get("x_max"), n, rng);
                double[][] drawnX = data.x();
                double[][] x = new double[n][1];
                for (int i = 0; i < n; i++) x[i][0] = DataGenerator.round2(drawnX[i][0]);
                return new ExerciseData(family, null, x, data.y(), shown);
            }
            case "normal2" -> {
                // pairs (x, y) from a bivariate normal; kept in the regression shape (x as one column, y) so they show as a table
                double sd1 = truth.get("sd1"), sd2 = truth.get("sd2"), rho = truth.get("rho");
                double[][] covariance = {{sd1 * sd1, rho * sd1 * sd2}, {rho * sd1 * sd2, sd2 * sd2}};
                double[][] rows = Generators.mvnormal(new double[]{truth.get("mean1"), truth.get("mean2")}, covariance, n, rng);
                double[][] x = new double[n][1];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i][0] = DataGenerator.round2(rows[i][0]);
                    y[i] = DataGenerator.round2(rows[i][1]);
                }
                return new ExerciseData(family, null, x, y, shown);
            }
            case "censored" -> {
                // exponential lifetimes; a unit still running at c is recorded as c, and a lifetime below c
                // stays below it after rounding, so "equal to c" means censored and nothing else
                double c = truth.get("c");
                double[] values = Generators.sample(Family.EXPONENTIAL, Map.<String, Object>of("rate", truth.get("rate")), n, rng);
                for (int i = 0; i < n; i++) {
                    values[i] = values[i] >= c ? c : Math.max(0.01, Math.min(DataGenerator.round2(values[i]), DataGenerator.round2(c - 0.01)));
                }
                return new ExerciseData(family, values, null, null, shown);
            }
            default -> {
                Family f = Family.fromName(family);
                Map<String, Object> params = new HashMap<>();
                truth.forEach(params::put);
                Object outlier = f == Family.LAPLACE ? params.remove("outlier") : null;
                if (f == Family.NORMAL) params.put("variance", truth.get("sd") * truth.get("sd"));
                if (f == Family.BINOMIAL) shown.put("trials", truth.get("trials"));
                if (f == Family.CATEGORICAL) params.put("probabilities", dirichlet(truth.get("classes").intValue(), rng));
                double[] values = Generators.sample(f, params, n, rng);
                if (outlier != null) {
                    // one value far out in a tail (outlier × scale from the location, the side drawn): the median barely
                    // moves, the mean does; drawn only when asked for, so other Laplace data stays what it was
                    double side = rng.uniform() < 0.5 ? -1 : 1;
                    values[rng.nextInt(n)] = truth.get("location") + side * (Double) outlier * truth.get("scale");
                }
                for (int i = 0; i < values.length; i++) values[i] = rounded(f, values[i]);
                return new ExerciseData(family, values, null, null, shown);
            }
        }
    }

    /** Continuous values to two decimals (three for beta data), kept inside the support. */
    private static double rounded(Family f, double v) {
        return switch (f) {
            case NORMAL, UNIFORM, LAPLACE -> DataGenerator.round2(v);
            case EXPONENTIAL, GAMMA -> Math.max(0.01, DataGenerator.round2(v));
            case BETA -> Math.min(0.999, Math.max(0.001, Math.round(v * 1000) / 1000.0));
            default -> v;
        };
    }

    /** Class probabilities drawn from a Dirichlet(2, …, 2): varied, but no class vanishingly rare. */
    private static double[] dirichlet(int classes, Rng rng) {
        if (classes < 2 || classes > 10) throw new IllegalArgumentException("classes must be between 2 and 10");
        double[] p = new double[classes];
        double sum = 0;
        for (int i = 0; i < classes; i++) {
            p[i] = rng.standardGamma(2);
            sum += p[i];
        }
        for (int i = 0; i < classes; i++) p[i] /= sum;
        return p;
    }
}
