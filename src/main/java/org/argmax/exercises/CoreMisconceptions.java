package org.argmax.exercises;

import org.argmax.estimation.Conjugate;
import org.argmax.estimation.GaussianMixture;
import org.argmax.estimation.GmmParameters;
import org.argmax.estimation.Mle;
import org.argmax.estimation.Regression;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The built-in misconceptions, each computed by the core on the learner's data. */
final class CoreMisconceptions {
    private CoreMisconceptions() {
    }

    static void register(Misconceptions.Builder library) {
        Map<String, BiFunction<String, ExerciseData, double[]>> m = new HashMap<>();
        m.put("normal.mle.variance", (r, d) -> one((Double) CoreReferences.fit(d).estimate().get("unbiasedVariance")));
        m.put("normal.mle.sd", (r, d) -> one(Math.sqrt((Double) CoreReferences.fit(d).estimate().get("unbiasedVariance"))));
        m.put("regression.ols.sigma2", (r, d) -> one(Regression.ols(d.x(), d.y()).unbiasedSigma2()));
        library.add("variance-n-minus-1",
                "That is the unbiased estimate, which divides by the degrees of freedom; the maximum likelihood estimate divides by n.", m);

        library.add("sd-for-variance", "That is the standard deviation σ̂; the question asks for the variance σ̂², its square.",
                Map.of("normal.mle.variance", (r, d) -> one(Math.sqrt(CoreReferences.fit(d).get("variance")))));
        library.add("variance-for-sd", "That is the variance σ̂²; the question asks for the standard deviation σ̂, its square root.",
                Map.of("normal.mle.sd", (r, d) -> one(CoreReferences.fit(d).get("variance"))));

        m = new HashMap<>();
        m.put("bernoulli.map.p", (r, d) -> one(Mle.bernoulli(d.values()).get("p")));
        m.put("binomial.map.p", (r, d) -> one(CoreReferences.fit(d).get("p")));
        m.put("poisson.map.lambda", (r, d) -> one(Mle.poisson(d.values()).get("lambda")));
        m.put("normal.map.mean", (r, d) -> one(CoreReferences.fit(d).get("mean")));
        m.put("categorical.map.probabilities", (r, d) -> Mle.categorical(d.values()).vector("probabilities"));
        m.put("regression.ridge.slope", (r, d) -> one(Regression.ols(d.x(), d.y()).coefficients()[1]));
        m.put("regression.ridge.coefficients", (r, d) -> Regression.ols(d.x(), d.y()).coefficients());
        m.put("regression.lasso.slope", (r, d) -> one(Regression.ols(d.x(), d.y()).coefficients()[1]));
        library.add("map-without-prior",
                "That is the maximum likelihood estimate: it ignores the prior. The MAP estimate maximizes likelihood × prior.", m);

        m = new HashMap<>();
        m.put("bernoulli.map.p", (r, d) -> one(CoreReferences.betaPosterior(d).posteriorMean()));
        m.put("binomial.map.p", (r, d) -> one(CoreReferences.betaPosterior(d).posteriorMean()));
        m.put("poisson.map.lambda", (r, d) -> one(Conjugate.gammaPoisson(d.given().get("shape"), d.given().get("rate"), d.values()).posteriorMean()));
        m.put("categorical.map.probabilities", (r, d) -> Conjugate.dirichletCategorical(CoreReferences.symmetric(d), d.values()).mean());
        library.add("posterior-mean-for-mode",
                "That is the posterior mean. The MAP estimate is the posterior's mode, its highest point: subtract 1 from each pseudo-count.", m);

        m = new HashMap<>();
        m.put("bernoulli.map.p", (r, d) -> offByOne(d));
        m.put("binomial.map.p", (r, d) -> offByOne(d));
        m.put("categorical.map.probabilities", (r, d) -> {
            double a = d.given().get("alpha");
            double[] counts = d.values();
            double total = 0;
            for (double c : counts) total += c;
            double[] out = new double[counts.length];
            for (int i = 0; i < counts.length; i++) out[i] = (counts[i] + a) / (total + counts.length * a - counts.length);
            return out;
        });
        library.add("pseudo-count-off-by-one",
                "Your numerator adds α pseudo-counts; the mode adds α − 1 (and the denominator α + β − 2).", m);

        m = new HashMap<>();
        for (String ref : new String[]{"bernoulli.loglik", "poisson.loglik", "exponential.loglik", "normal.loglik", "mixture.loglik",
                "bernoulli.mle.loglik", "binomial.mle.loglik", "poisson.mle.loglik", "geometric.mle.loglik",
                "exponential.mle.loglik", "normal.mle.loglik", "mixture.mstep.loglik"}) {
            m.put(ref, (r, d) -> one(Math.exp(References.compute(r, d)[0])));
        }
        library.add("forgot-log",
                "You multiplied the probabilities: that is the likelihood itself. Take the log of each factor and add them up.", m);

        library.add("unclipped-soft-threshold",
                "(Sxy − λ)/Sxx came out on the wrong side of zero, so that formula does not hold here: when |Sxy| ≤ λ the kink of the penalty wins and the lasso slope is exactly 0.",
                Map.of("regression.lasso.slope", (r, d) -> {
                    double lambda = d.given().get("lambda");
                    double[] s = centredSums(d);
                    // applies only when the slope is clipped to zero: otherwise it is the right answer
                    return Math.abs(s[1]) > lambda ? new double[0] : one((s[1] - Math.signum(s[1]) * lambda) / s[0]);
                }));

        library.add("sd-for-standard-error",
                "You used √(θ̂(1 − θ̂)), the spread of one flip. The estimate averages n flips, so its standard error is √(θ̂(1 − θ̂)/n): divide by n under the root.",
                Map.of("bernoulli.wald.interval", (r, d) -> {
                    double p = CoreReferences.fit(d).get("p");
                    double half = org.argmax.estimation.Intervals.Z95 * Math.sqrt(p * (1 - p));
                    return new double[]{p - half, p + half};
                }));

        library.add("old-variances",
                "You updated the weights and means but kept the starting variances. The M-step also re-estimates each variance, σ²ₖ = Σᵢ rᵢₖ (xᵢ − μₖ)² / Σᵢ rᵢₖ around the new mean; ℓ after the iteration uses all three.",
                Map.of("mixture.mstep.loglik", (r, d) -> {
                    GmmParameters start = CoreReferences.startingMixture(d), next = CoreReferences.oneStep(d);
                    return one(GaussianMixture.logLikelihood(CoreReferences.column(d),
                            new GmmParameters(next.weights(), next.means(), start.covariances())));
                }));

        library.add("unnormalized-responsibilities",
                "You computed π₂·N(x | μ₂, σ₂²) but did not divide by the sum over both components, so it is not a probability.",
                Map.of("mixture.estep.responsibility", (r, d) -> {
                    GmmParameters p = CoreReferences.startingMixture(d);
                    double x = d.values()[0], mu = p.means()[1][0], var = p.covariances()[1][0][0];
                    return one(p.weights()[1] * Math.exp(-(x - mu) * (x - mu) / (2 * var)) / Math.sqrt(2 * Math.PI * var));
                }));

        library.add("loglik-wrong-axis",
                "You took the log of a sum over the points and added over components; the log goes around the sum over components, and you add over points: Σᵢ log Σₖ πₖ N(xᵢ | μₖ, σₖ²).",
                Map.of("mixture.loglik", (r, d) -> {
                    GmmParameters p = CoreReferences.startingMixture(d);
                    double total = 0;
                    for (int c = 0; c < 2; c++) {
                        double sum = 0, mu = p.means()[c][0], var = p.covariances()[c][0][0];
                        for (double x : d.values()) sum += p.weights()[c] * Math.exp(-(x - mu) * (x - mu) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
                        total += Math.log(sum);
                    }
                    return one(total);
                }));

        library.add("smoothed-counts",
                "You added one to every count (Laplace smoothing). That is a Bayesian estimate under a flat Dirichlet prior; the maximum likelihood estimate is the plain share nᵢ / n, zeros included.",
                Map.of("categorical.mle.probabilities", (r, d) -> {
                    double[] counts = d.values();
                    double total = 0;
                    for (double c : counts) total += c;
                    double[] out = new double[counts.length];
                    for (int i = 0; i < counts.length; i++) out[i] = (counts[i] + 1) / (total + counts.length);
                    return out;
                }));

        library.add("hard-assignments",
                "You gave each point wholly to its more likely component: that is hard EM (a k-means update only when the weights and variances are equal). EM weights every point by its responsibility: μₖ = Σᵢ rᵢₖ xᵢ / Σᵢ rᵢₖ.",
                Map.of("mixture.mstep.means", (r, d) -> {
                    double[][] resp = GaussianMixture.eStep(CoreReferences.column(d), CoreReferences.startingMixture(d));
                    for (double[] point : resp) {
                        int winner = point[1] > point[0] ? 1 : 0;
                        point[winner] = 1;
                        point[1 - winner] = 0;
                    }
                    return weightedMeans(d.values(), resp, new double[]{d.given().get("mu1"), d.given().get("mu2")});
                }));

        library.add("soft-assignments",
                "You weighted the points by soft responsibilities, as EM does. K-means assigns each point wholly to its nearest centre and moves each centre to the plain average of its points.",
                Map.of("kmeans.step.centers", (r, d) -> {
                    // the soft update a learner would make: equal weights, unit variances, means at the centres
                    double[][] c = CoreReferences.givenCenters(d);
                    double[] start = {c[0][0], c[1][0]};
                    double[][] resp = GaussianMixture.eStep(CoreReferences.column(d),
                            GmmParameters.oneDimensional(new double[]{0.5, 0.5}, start, new double[]{1, 1}));
                    return weightedMeans(d.values(), resp, start);
                }));

        library.add("distance-not-squared",
                "You added the distances themselves. The k-means objective adds squared distances: J = Σᵢ (xᵢ − c of its cluster)².",
                Map.of("kmeans.inertia", (r, d) -> {
                    double[][] c = CoreReferences.givenCenters(d);
                    double total = 0;
                    for (double x : d.values()) total += Math.min(Math.abs(x - c[0][0]), Math.abs(x - c[1][0]));
                    return one(total);
                }));
        library.add("mean-for-sum",
                "You divided by the number of points. The k-means objective is the sum of the squared distances, not their average.",
                Map.of("kmeans.inertia", (r, d) -> one(References.compute(r, d)[0] / d.values().length)));
    }

    /** Sxx = Σ(x − x̄)² and Sxy = Σ(x − x̄)(y − ȳ) of one-feature regression data. */
    private static double[] centredSums(ExerciseData d) {
        int n = d.y().length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += d.x()[i][0] / n;
            my += d.y()[i] / n;
        }
        double sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (d.x()[i][0] - mx) * (d.x()[i][0] - mx);
            sxy += (d.x()[i][0] - mx) * (d.y()[i] - my);
        }
        return new double[]{sxx, sxy};
    }

    /** Means of 1-D data under n × 2 weights; a component with no weight keeps its starting mean. */
    private static double[] weightedMeans(double[] x, double[][] weights, double[] start) {
        double[] sum = new double[2], mass = new double[2];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 2; c++) {
                sum[c] += weights[i][c] * x[i];
                mass[c] += weights[i][c];
            }
        }
        return new double[]{mass[0] > 0 ? sum[0] / mass[0] : start[0], mass[1] > 0 ? sum[1] / mass[1] : start[1]};
    }

    private static double[] offByOne(ExerciseData d) {
        var post = CoreReferences.betaPosterior(d);
        double a = d.given().get("alpha"), b = d.given().get("beta");
        double k = post.parameter("alpha") - a, n = k + post.parameter("beta") - b;
        return one((k + a) / (n + a + b - 2));
    }

    private static double[] one(double v) {
        return new double[]{v};
    }
}
