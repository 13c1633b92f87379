package org.argmax.exercises;

import org.argmax.estimation.CensoredExponential;
import org.argmax.estimation.Conjugate;
import org.argmax.estimation.GaussianMixture;
import org.argmax.estimation.GmmParameters;
import org.argmax.estimation.Intervals;
import org.argmax.estimation.Mle;
import org.argmax.estimation.Regression;
import org.argmax.estimation.ScatterMatrix;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** The built-in misconceptions, each computed by the core on the learner's data. */
final class CoreMisconceptions {
    private CoreMisconceptions() {
    }

    static void register(Misconceptions.Builder library, References references) {
        Map<String, BiFunction<String, ExerciseData, double[]>> m = new HashMap<>();
        m.put("normal.mle.variance", (r, d) -> one((Double) CoreReferences.fit(d).estimate().get("unbiasedVariance")));
        m.put("normal.mle.sd", (r, d) -> one(Math.sqrt((Double) CoreReferences.fit(d).estimate().get("unbiasedVariance"))));
        m.put("regression.ols.sigma2", (r, d) -> one(Regression.ols(d.x(), d.y()).unbiasedSigma2()));
        m.put("normal2.mle.covariance", (r, d) -> CoreReferences.upperTriangle(ScatterMatrix.covariance(CoreReferences.pairs(d), d.n() - 1)));
        library.add("variance-n-minus-1",
                "That is the unbiased estimate, which divides by the degrees of freedom; the maximum likelihood estimate divides by n.", m);

        library.add("sd-for-variance", "That is the standard deviation σ̂; the question asks for the variance σ̂², its square.",
                Map.of("normal.mle.variance", (r, d) -> one(Math.sqrt(CoreReferences.fit(d).get("variance"))),
                        "mixture.mstep.variances", (r, d) -> {
                            double[] v = references.compute(r, d);
                            return new double[]{Math.sqrt(v[0]), Math.sqrt(v[1])};
                        },
                        // the 2-D covariance as (Σ₁₁, Σ₁₂, Σ₂₂): standard deviations on the diagonal
                        "normal2.mle.covariance", (r, d) -> {
                            double[] c = references.compute(r, d);
                            return new double[]{Math.sqrt(c[0]), c[1], Math.sqrt(c[2])};
                        }));
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
        m.put("regression2.ridge.slopes", (r, d) -> {
            double[] b = Regression.ols(d.x(), d.y()).coefficients();
            return new double[]{b[1], b[2]};
        });
        // the MLE of the log-odds is the log-odds of the MLE: log(k / (n − k))
        m.put("bernoulli.map.logodds", (r, d) -> {
            double k = java.util.Arrays.stream(d.values()).sum(), n = d.values().length;
            return one(Math.log(k / (n - k)));
        });
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
            m.put(ref, (r, d) -> one(Math.exp(references.compute(r, d)[0])));
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
                merged(Map.of("bernoulli.wald.interval", (r, d) -> {
                    double p = CoreReferences.fit(d).get("p");
                    double half = org.argmax.estimation.Intervals.Z95 * Math.sqrt(p * (1 - p));
                    return new double[]{p - half, p + half};
                }), Map.of("bernoulli.se.at", seAt(CoreMisconceptions::bernoulliSpread),
                        "bernoulli.wald.at", waldAt("p", CoreMisconceptions::bernoulliSpread))));

        registerEstimatorQuality(library);
        registerBayesian(library);
        registerChoosingLambda(library);
        registerWhyEmWorks(library, references);

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

        registerInformationCriteria(library);
        GradientAndCovarianceMisconceptions.register(library, references);
        library.add("old-means-in-variance",
                "You measured the spread around the starting means. The M-step first moves each mean, then takes the weighted variance around the new mean: σₖ² = Σᵢ rᵢₖ (xᵢ − μₖ_new)² / Σᵢ rᵢₖ.",
                Map.of("mixture.mstep.variances", (r, d) -> weightedVariances(d, false)));
        library.add("divided-by-n",
                "You divided by n, the number of all points. Each component's variance is a weighted average over its own share of the points: divide by Nₖ = Σᵢ rᵢₖ.",
                Map.of("mixture.mstep.variances", (r, d) -> weightedVariances(d, true)));
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
                Map.of("kmeans.inertia", (r, d) -> one(references.compute(r, d)[0] / d.values().length)));
    }

    private static void registerEstimatorQuality(Misconceptions.Builder library) {
        library.add("one-observation-se",
                "That is the standard error of a single observation, 1/√I₁(θ̂). Your n observations carry n times the information, I(θ̂) = n·I₁(θ̂), so the standard error is smaller by √n: divide by √n.",
                Map.of("exponential.mle.se", (r, d) -> one(CoreReferences.fit(d).get("rate")),
                        "poisson.wald.interval", (r, d) -> {
                            double lambda = CoreReferences.fit(d).get("lambda");
                            double half = Intervals.Z95 * Math.sqrt(lambda);
                            return new double[]{lambda - half, lambda + half};
                        },
                        "poisson.se.at", seAt(d -> Math.sqrt(d.given().get("lambda"))),
                        "poisson.wald.at", waldAt("lambda", d -> Math.sqrt(d.given().get("lambda"))),
                        "normal.wald.mean.at", waldAt("mean", d -> Math.sqrt(d.given().get("variance")))));
        library.add("variance-for-standard-error",
                "You used the variance 1/I(θ̂) where the standard error, its square root 1/√I(θ̂), belongs.",
                Map.of("exponential.mle.se", (r, d) -> {
                            double rate = CoreReferences.fit(d).get("rate");
                            return one(rate * rate / d.values().length);
                        },
                        "poisson.wald.interval", (r, d) -> {
                            double lambda = CoreReferences.fit(d).get("lambda");
                            double half = Intervals.Z95 * lambda / d.values().length;
                            return new double[]{lambda - half, lambda + half};
                        },
                        "bernoulli.wald.interval", (r, d) -> {
                            double p = CoreReferences.fit(d).get("p");
                            double half = Intervals.Z95 * p * (1 - p) / d.values().length;
                            return new double[]{p - half, p + half};
                        },
                        "bernoulli.se.at", seAt(d -> squareOverN(bernoulliSpread(d), d)),
                        "bernoulli.wald.at", waldAt("p", d -> squareOverN(bernoulliSpread(d), d)),
                        "poisson.se.at", seAt(d -> d.given().get("lambda") / d.values().length),
                        "poisson.wald.at", waldAt("lambda", d -> d.given().get("lambda") / d.values().length),
                        "normal.wald.mean.at", waldAt("mean", d -> d.given().get("variance") / d.values().length)));
        library.add("information-for-standard-error",
                "That is √I(θ̂), the square root of the Fisher information itself. The standard error is its inverse, 1/√I(θ̂): more information, smaller error.",
                Map.of("exponential.mle.se", (r, d) -> {
                    double rate = CoreReferences.fit(d).get("rate");
                    return one(Math.sqrt(d.values().length) / rate);
                }));
    }

    private static void registerBayesian(Misconceptions.Builder library) {
        library.add("wald-for-credible",
                "That is the Wald confidence interval k/n ± 1.96·se, built from the likelihood alone. A credible interval comes from the posterior Beta(α + k, β + n − k): its 2.5 % and 97.5 % quantiles.",
                Map.of("bernoulli.credible.interval", (r, d) -> Intervals.waldProportion(d.values(), Intervals.Z95)));
        library.add("credible-flat-prior",
                "That is the interval under a flat Beta(1, 1) prior: the likelihood alone, normalized. Use your prior: the posterior is Beta(α + k, β + n − k).",
                Map.of("bernoulli.credible.interval", (r, d) -> {
                    double k = java.util.Arrays.stream(d.values()).sum(), n = d.values().length;
                    return Intervals.betaCredible(1 + k, 1 + n - k, 0.95);
                }));
        library.add("plug-in-mle",
                "You plugged the MLE k/n into the model as if θ were known. The posterior predictive averages over every θ the posterior allows: for the next flip E[θ | data] = (k + α)/(n + α + β), for two heads E[θ² | data].",
                Map.of("bernoulli.predictive.p", (r, d) -> one(CoreReferences.fit(d).get("p")),
                        "bernoulli.predictive.two-heads", (r, d) -> {
                            double p = CoreReferences.fit(d).get("p");
                            return one(p * p);
                        }));
        library.add("plug-in-map",
                "You plugged the MAP estimate, the posterior's peak, into the model. The posterior predictive averages over the whole posterior: for the next flip E[θ | data] = (k + α)/(n + α + β), the posterior mean; for two heads E[θ² | data].",
                Map.of("bernoulli.predictive.p", (r, d) -> one(CoreReferences.betaPosterior(d).map()),
                        "bernoulli.predictive.two-heads", (r, d) -> {
                            double p = CoreReferences.betaPosterior(d).map();
                            return one(p * p);
                        }));
        library.add("squared-predictive",
                "You squared the one-flip predictive probability, as if the two flips were independent. Given only the data they are not: both depend on the same unknown θ. Average θ² over the posterior: E[θ²] = a(a + 1)/((a + b)(a + b + 1)) for Beta(a, b).",
                Map.of("bernoulli.predictive.two-heads", (r, d) -> {
                    double p = CoreReferences.betaPosterior(d).posteriorMean();
                    return one(p * p);
                }));
        library.add("logit-of-map",
                "You took the log-odds of the MAP estimate of θ. A density changes by the Jacobian |dθ/dφ| = θ(1 − θ) when you change variables, so the peak moves: the MAP of φ is log((k + α)/(n − k + β)).",
                Map.of("bernoulli.map.logodds", (r, d) -> {
                    var post = CoreReferences.betaPosterior(d);
                    double a = post.parameter("alpha"), b = post.parameter("beta");
                    return a > 1 && b > 1 ? one(Math.log((a - 1) / (b - 1))) : new double[0];
                }));
    }

    private static void registerChoosingLambda(Misconceptions.Builder library) {
        library.add("penalized-intercept",
                "You penalized the intercept too (λ on every diagonal entry of ZᵀZ with Z = [1 x₁ x₂]). Leave it unpenalized: centre x₁, x₂ and y, solve the 2 × 2 system (XᵀX + λI)β = Xᵀy on the centred data.",
                Map.of("regression2.ridge.slopes", (r, d) -> {
                    double[] b = Regression.ridgePenalizingIntercept(d.x(), d.y(), d.given().get("lambda"));
                    return new double[]{b[1], b[2]};
                }));
        library.add("training-error-for-cv",
                "That is the training error, the mean squared residual of the fit to all n points. Each point helped fit the line that predicts it, so this is too optimistic: divide each residual by 1 − hᵢᵢ before squaring.",
                Map.of("regression.ridge.loocv", (r, d) -> {
                    var fit = Regression.ridge(d.x(), d.y(), d.given().get("lambda"));
                    return one(fit.residualSumOfSquares() / d.y().length);
                }));
        library.add("leverage-without-penalty",
                "Your leverages are those of least squares, 1/n + (xᵢ − x̄)²/Sxx. The ridge fit uses Sxx + λ: hᵢᵢ = 1/n + (xᵢ − x̄)²/(Sxx + λ).",
                Map.of("regression.ridge.loocv", (r, d) -> {
                    double lambda = d.given().get("lambda");
                    double[] b = Regression.ridge(d.x(), d.y(), lambda).coefficients();
                    double[] s = centredSums(d);
                    int n = d.y().length;
                    double mx = 0;
                    for (double[] row : d.x()) mx += row[0] / n;
                    double total = 0;
                    for (int i = 0; i < n; i++) {
                        double x = d.x()[i][0], e = d.y()[i] - b[0] - b[1] * x;
                        double h = 1.0 / n + (x - mx) * (x - mx) / s[0];
                        total += (e / (1 - h)) * (e / (1 - h));
                    }
                    return one(total / n);
                }));
    }

    private static void registerWhyEmWorks(Misconceptions.Builder library, References references) {
        library.add("forgot-entropy",
                "You left out the −log q term: Σᵢ Σₖ qᵢₖ log(πₖ N(xᵢ | μₖ, σₖ²)) is only the expected complete-data log-likelihood. The bound adds the entropy of q, −Σ qᵢₖ log qᵢₖ (log 2 per point for q = ½, ½).",
                Map.of("mixture.elbo.uniform", (r, d) -> {
                    double[][] q = CoreReferences.halves(d);
                    double elbo = GaussianMixture.elbo(CoreReferences.column(d), CoreReferences.startingMixture(d), q);
                    return one(elbo - d.values().length * Math.log(2));
                }));
        library.add("loglik-for-elbo",
                "That is the log-likelihood ℓ itself. The bound equals ℓ only when q is the posterior (the responsibilities); for q = ½, ½ it lies below ℓ by the KL gap.",
                Map.of("mixture.elbo.uniform", (r, d) -> one(GaussianMixture.logLikelihood(CoreReferences.column(d), CoreReferences.startingMixture(d)))));
        library.add("kl-reversed",
                "You computed KL(r ‖ q), with the responsibilities first. The gap between ℓ and the bound is KL(q ‖ r) = Σₖ qₖ log(qₖ / rₖ): the average is taken under q.",
                Map.of("mixture.gap.uniform", (r, d) -> {
                    double[][] resp = GaussianMixture.eStep(CoreReferences.column(d), CoreReferences.startingMixture(d));
                    double total = 0;
                    for (double[] row : resp) for (double v : row) if (v > 0) total += v * Math.log(v / 0.5);
                    return one(total);
                }));
        library.add("negative-gap",
                "A KL divergence is never negative: the gap is ℓ − ELBO, the log-likelihood minus the bound below it.",
                Map.of("mixture.gap.uniform", (r, d) -> one(-references.compute(r, d)[0])));

        Map<String, BiFunction<String, ExerciseData, double[]>> m = new HashMap<>();
        m.put("censored.em.rate", (r, d) -> one(d.values().length / CensoredExponential.total(d.values(), d.given().get("c"))));
        m.put("censored.mle.rate", (r, d) -> one(d.values().length / CensoredExponential.total(d.values(), d.given().get("c"))));
        library.add("censored-as-observed",
                "You treated the censored times as failures at c: n / Σ tᵢ. Those units were still working, so their lifetimes are longer than c and the rate is overestimated.", m);
        m = new HashMap<>();
        for (String name : new String[]{"censored.em.rate", "censored.mle.rate"}) {
            m.put(name, (r, d) -> {
                double c = d.given().get("c"), sum = 0, count = 0;
                for (double t : d.values()) {
                    if (t < c) {
                        sum += t;
                        count++;
                    }
                }
                return one(count / sum);
            });
        }
        library.add("dropped-censored",
                "You left the censored units out. They carry information: each survived at least until c. Dropping them keeps only the short lifetimes and overestimates the rate.", m);
        library.add("fixed-point-for-step",
                "That is where EM ends up, the MLE d / T. One iteration from the starting rate gives n / (T + m/λ₀), which is still on its way there.",
                Map.of("censored.em.rate", (r, d) -> one(CensoredExponential.mle(d.values(), d.given().get("c")))));
        library.add("expected-without-offset",
                "You filled each censored lifetime with 1/λ₀, the mean of a fresh lifetime. The unit has already lasted c, and by memorylessness it lasts another 1/λ₀ on average: E[t | t > c] = c + 1/λ₀.",
                Map.of("censored.em.rate", (r, d) -> {
                    double c = d.given().get("c"), rate0 = d.given().get("rate0"), sum = 0;
                    int m0 = 0;
                    for (double t : d.values()) {
                        if (t < c) sum += t;
                        else m0++;
                    }
                    return one(d.values().length / (sum + m0 / rate0));
                }));
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

    /** AIC and BIC of the Gaussian fit (p = 2) done wrong; {@code penalty} is the charge per parameter. */
    private static void registerInformationCriteria(Misconceptions.Builder library) {
        library.add("criterion-without-two",
                "You left out the factor 2: the criteria are on the scale of −2ℓ̂, so AIC = −2ℓ̂ + 2p and BIC = −2ℓ̂ + p log n.",
                Map.of("normal.mle.aic", (r, d) -> one(-gaussianLoglik(d) + 2),
                        "normal.mle.bic", (r, d) -> one(-gaussianLoglik(d) + Math.log(d.values().length))));
        library.add("loglik-sign-in-criterion",
                "You added 2ℓ̂. The criteria use −2ℓ̂, so that a better fit (a higher ℓ̂) gives a smaller value, and the smaller value wins.",
                Map.of("normal.mle.aic", (r, d) -> one(2 * gaussianLoglik(d) + 4),
                        "normal.mle.bic", (r, d) -> one(2 * gaussianLoglik(d) + 2 * Math.log(d.values().length))));
        library.add("one-parameter-counted",
                "You charged for one parameter. The Gaussian fit has two free parameters, the mean and the variance: p = 2.",
                Map.of("normal.mle.aic", (r, d) -> one(-2 * gaussianLoglik(d) + 2),
                        "normal.mle.bic", (r, d) -> one(-2 * gaussianLoglik(d) + Math.log(d.values().length))));
        library.add("aic-for-bic",
                "That is AIC, which charges 2 per parameter. BIC charges log n per parameter: −2ℓ̂ + p log n.",
                Map.of("normal.mle.bic", (r, d) -> one(-2 * gaussianLoglik(d) + 4)));
        library.add("log10-in-bic",
                "You used the base-10 logarithm of n. BIC's penalty is p times the natural log of n.",
                Map.of("normal.mle.bic", (r, d) -> one(-2 * gaussianLoglik(d) + 2 * Math.log10(d.values().length))));
    }

    /** ℓ̂ of the Gaussian fit. */
    private static double gaussianLoglik(ExerciseData d) {
        return CoreReferences.fit(d).logLikelihood();
    }

    /**
     * The M-step variances done wrong: around the starting means (divided by Nₖ), or around the new
     * means but divided by n when {@code overAllPoints}.
     */
    private static double[] weightedVariances(ExerciseData d, boolean overAllPoints) {
        double[] x = d.values();
        double[][] resp = GaussianMixture.eStep(CoreReferences.column(d), CoreReferences.startingMixture(d));
        double[] start = {d.given().get("mu1"), d.given().get("mu2")};
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            double nk = 0, sum = 0;
            for (int i = 0; i < x.length; i++) {
                nk += resp[i][k];
                sum += resp[i][k] * x[i];
            }
            double center = overAllPoints ? sum / nk : start[k];
            double spread = 0;
            for (int i = 0; i < x.length; i++) spread += resp[i][k] * (x[i] - center) * (x[i] - center);
            out[k] = spread / (overAllPoints ? x.length : nk);
        }
        return out;
    }

    /** √(p(1 − p)) at the given p: the spread of one flip. */
    private static double bernoulliSpread(ExerciseData d) {
        double p = d.given().get("p");
        return Math.sqrt(p * (1 - p));
    }

    /** The variance of the estimate, spread²/n, where its square root belongs. */
    private static double squareOverN(double spread, ExerciseData d) {
        return spread * spread / d.values().length;
    }

    /** A standard error at a given estimate computed the wrong way, {@code wrongSe}. */
    private static BiFunction<String, ExerciseData, double[]> seAt(java.util.function.ToDoubleFunction<ExerciseData> wrongSe) {
        return (r, d) -> one(wrongSe.applyAsDouble(d));
    }

    /** The Wald interval around the given {@code estimate} with the standard error computed the wrong way. */
    private static BiFunction<String, ExerciseData, double[]> waldAt(String estimate, java.util.function.ToDoubleFunction<ExerciseData> wrongSe) {
        return (r, d) -> Intervals.wald(d.given().get(estimate), wrongSe.applyAsDouble(d), Intervals.Z95);
    }

    private static Map<String, BiFunction<String, ExerciseData, double[]>> merged(Map<String, BiFunction<String, ExerciseData, double[]>> a,
                                                                                 Map<String, BiFunction<String, ExerciseData, double[]>> b) {
        Map<String, BiFunction<String, ExerciseData, double[]>> out = new HashMap<>(a);
        out.putAll(b);
        return out;
    }

    private static double[] one(double v) {
        return new double[]{v};
    }
}
