package org.argmax.exercises;

import org.argmax.estimation.CensoredExponential;
import org.argmax.estimation.Conjugate;
import org.argmax.estimation.CrossValidation;
import org.argmax.estimation.CovarianceType;
import org.argmax.estimation.Family;
import org.argmax.estimation.GaussianMixture;
import org.argmax.estimation.GmmOptions;
import org.argmax.estimation.GmmParameters;
import org.argmax.estimation.InformationCriteria;
import org.argmax.estimation.Intervals;
import org.argmax.estimation.KMeans;
import org.argmax.estimation.LogLikelihood;
import org.argmax.estimation.LogisticScore;
import org.argmax.estimation.Mle;
import org.argmax.estimation.MultivariateNormal;
import org.argmax.estimation.Regression;
import org.argmax.estimation.StandardErrors;

import java.util.List;

/** Registers every reference of {@link References} with the core call that computes it. */
final class CoreReferences {
    private CoreReferences() {
    }

    static void register(References.Builder r) {
        mle(r, "bernoulli", "p");
        mle(r, "binomial", "p");
        mle(r, "poisson", "lambda");
        mle(r, "geometric", "p");
        mle(r, "exponential", "rate");
        mle(r, "normal", "mean");
        mle(r, "normal", "variance");
        mle(r, "uniform", "a");
        mle(r, "uniform", "b");
        mle(r, "laplace", "location");
        mle(r, "laplace", "scale");
        mle(r, "gamma", "shape");
        mle(r, "gamma", "rate");
        mle(r, "beta", "alpha");
        mle(r, "beta", "beta");
        r.add("normal.mle.sd", "normal", List.of(), d -> one(Math.sqrt(fit(d).get("variance"))));
        r.add("normal.unbiased.variance", "normal", List.of(), d -> one((Double) fit(d).estimate().get("unbiasedVariance")));
        r.addVector("categorical.mle.probabilities", "categorical", List.of(), d -> Mle.categorical(d.values()).vector("probabilities"));
        for (String f : List.of("bernoulli", "binomial", "poisson", "geometric", "exponential", "normal")) {
            r.add(f + ".mle.loglik", f, List.of(), d -> one(fit(d).logLikelihood()));
        }
        r.add("bernoulli.loglik", "bernoulli", List.of("p"), d -> one(LogLikelihood.bernoulli(d.values(), d.given().get("p"))));
        r.add("poisson.loglik", "poisson", List.of("lambda"), d -> one(LogLikelihood.poisson(d.values(), d.given().get("lambda"))));
        r.add("exponential.loglik", "exponential", List.of("rate"), d -> one(LogLikelihood.exponential(d.values(), d.given().get("rate"))));
        r.add("normal.loglik", "normal", List.of("mean", "variance"),
                d -> one(LogLikelihood.normal(d.values(), d.given().get("mean"), d.given().get("variance"))));

        r.addInterval("bernoulli.wald.interval", "bernoulli", List.of(),
                d -> Intervals.waldProportion(d.values(), Intervals.Z95));
        r.add("bernoulli.map.p", "bernoulli", List.of("alpha", "beta"), d -> one(betaPosterior(d).map()));
        r.add("bernoulli.posterior-mean.p", "bernoulli", List.of("alpha", "beta"), d -> one(betaPosterior(d).posteriorMean()));
        r.add("binomial.map.p", "binomial", List.of("alpha", "beta"), d -> one(betaPosterior(d).map()));
        r.add("poisson.map.lambda", "poisson", List.of("shape", "rate"),
                d -> one(Conjugate.gammaPoisson(d.given().get("shape"), d.given().get("rate"), d.values()).map()));
        r.add("poisson.posterior-mean.lambda", "poisson", List.of("shape", "rate"),
                d -> one(Conjugate.gammaPoisson(d.given().get("shape"), d.given().get("rate"), d.values()).posteriorMean()));
        r.add("normal.map.mean", "normal", List.of("prior_mean", "prior_variance", "known_variance"),
                d -> one(Conjugate.normalMean(d.given().get("prior_mean"), d.given().get("prior_variance"), d.given().get("known_variance"), d.values()).map()));
        r.addVector("categorical.map.probabilities", "categorical", List.of("alpha"),
                d -> Conjugate.dirichletCategorical(symmetric(d), d.values()).mode());

        r.add("regression.ols.intercept", "regression", List.of(), d -> one(Regression.ols(d.x(), d.y()).coefficients()[0]));
        r.add("regression.ols.slope", "regression", List.of(), d -> one(Regression.ols(d.x(), d.y()).coefficients()[1]));
        r.addVector("regression.ols.coefficients", "regression", List.of(), d -> Regression.ols(d.x(), d.y()).coefficients());
        r.add("regression.ols.sigma2", "regression", List.of(), d -> one(Regression.ols(d.x(), d.y()).sigma2()));
        r.add("regression.ridge.slope", "regression", List.of("lambda"),
                d -> one(Regression.ridge(d.x(), d.y(), d.given().get("lambda")).coefficients()[1]));
        r.addVector("regression.ridge.coefficients", "regression", List.of("lambda"),
                d -> Regression.ridge(d.x(), d.y(), d.given().get("lambda")).coefficients());
        r.add("regression.lasso.slope", "regression", List.of("lambda"),
                d -> one(Regression.lasso(d.x(), d.y(), d.given().get("lambda")).coefficients()[1]));

        List<String> start = List.of("w1", "mu1", "mu2", "sd1", "sd2");
        r.add("mixture.estep.responsibility", "mixture", start,
                d -> one(GaussianMixture.eStep(new double[][]{{d.values()[0]}}, startingMixture(d))[0][1]));
        r.add("mixture.mstep.weight", "mixture", start, d -> one(oneStep(d).weights()[1]));
        r.addVector("mixture.mstep.means", "mixture", start, d -> {
            double[][] m = oneStep(d).means();
            return new double[]{m[0][0], m[1][0]};
        });
        r.addVector("mixture.mstep.variances", "mixture", start, d -> {
            double[][][] c = oneStep(d).covariances();
            return new double[]{c[0][0][0], c[1][0][0]};
        });
        r.add("mixture.loglik", "mixture", start, d -> one(GaussianMixture.logLikelihood(column(d), startingMixture(d))));
        // ℓ after one full EM iteration (weights, means and variances updated): EM never lowers it
        r.add("mixture.mstep.loglik", "mixture", start, d -> one(GaussianMixture.logLikelihood(column(d), oneStep(d))));
        r.addVector("kmeans.step.centers", "mixture", List.of("c1", "c2"), d -> {
            double[][] c = KMeans.fromCenters(column(d), givenCenters(d), 1).centers();
            return new double[]{c[0][0], c[1][0]};
        });
        // the k-means objective at the given centres: every point assigned to its nearer centre, no update
        r.add("kmeans.inertia", "mixture", List.of("c1", "c2"), d -> one(KMeans.fromCenters(column(d), givenCenters(d), 0).inertia()));

        // how good is an estimate: standard errors from the Fisher information, Wald intervals
        r.add("exponential.mle.se", "exponential", List.of(), d -> one(StandardErrors.exponentialRate(d.values())));
        r.addInterval("poisson.wald.interval", "poisson", List.of(), d -> Intervals.waldPoisson(d.values(), Intervals.Z95));

        // Bayesian uncertainty: a credible interval, the posterior predictive, MAP in another parametrization
        r.addInterval("bernoulli.credible.interval", "bernoulli", List.of("alpha", "beta"), d -> {
            var post = betaPosterior(d);
            return Intervals.betaCredible(post.parameter("alpha"), post.parameter("beta"), 0.95);
        });
        r.add("bernoulli.predictive.p", "bernoulli", List.of("alpha", "beta"),
                d -> one(Conjugate.betaPredictiveAllHeads(betaPosterior(d), 1)));
        r.add("bernoulli.predictive.two-heads", "bernoulli", List.of("alpha", "beta"),
                d -> one(Conjugate.betaPredictiveAllHeads(betaPosterior(d), 2)));
        r.add("bernoulli.map.logodds", "bernoulli", List.of("alpha", "beta"), d -> one(Conjugate.betaLogOddsMode(betaPosterior(d))));

        // choosing λ: ridge with two features, leave-one-out cross-validation
        r.addVector("regression2.ridge.slopes", "regression2", List.of("lambda"), d -> {
            double[] b = Regression.ridge(d.x(), d.y(), d.given().get("lambda")).coefficients();
            return new double[]{b[1], b[2]};
        });
        r.add("regression.ridge.loocv", "regression", List.of("lambda"),
                d -> one(CrossValidation.ridgeLeaveOneOut(d.x(), d.y(), d.given().get("lambda"))));

        // why EM works: the bound for q = (1/2, 1/2) at the starting guess, and its gap to ℓ
        r.add("mixture.elbo.uniform", "mixture", start, d -> one(GaussianMixture.elbo(column(d), startingMixture(d), halves(d))));
        r.add("mixture.gap.uniform", "mixture", start,
                d -> one(GaussianMixture.posteriorGap(column(d), startingMixture(d), halves(d))));
        // EM with missing data: exponential lifetimes censored at c
        r.add("censored.em.rate", "censored", List.of("c", "rate0"),
                d -> one(CensoredExponential.emStep(d.values(), d.given().get("c"), d.given().get("rate0"))));
        r.add("censored.mle.rate", "censored", List.of("c"), d -> one(CensoredExponential.mle(d.values(), d.given().get("c"))));
        registerAtEstimate(r);
        // choosing a model: a Gaussian has two free parameters, μ and σ²
        r.add("normal.mle.aic", "normal", List.of(), d -> one(InformationCriteria.aic(fit(d).logLikelihood(), 2)));
        r.add("normal.mle.bic", "normal", List.of(), d -> one(InformationCriteria.bic(fit(d).logLikelihood(), 2, d.values().length)));
        // logistic regression: the gradient of ℓ at given coefficients; the 2-D normal's MLE
        r.addVector("logistic.gradient.at", "logistic", List.of("b0", "b1"), d -> LogisticScore.gradient(d.x(), d.y(), givenCoefficients(d)));
        r.addVector("normal2.mle.mean", "normal2", List.of(), d -> MultivariateNormal.mle(pairs(d)).vector("mean"));
        r.addVector("normal2.mle.covariance", "normal2", List.of(), d -> upperTriangle(MultivariateNormal.mle(pairs(d)).matrix("covariance")));
        registerUnsoundData(r);
    }

    /** (b₀, b₁) as given: the point where the logistic gradient is asked for. */
    static double[] givenCoefficients(ExerciseData d) {
        return new double[]{d.given().get("b0"), d.given().get("b1")};
    }

    /** The pairs (xᵢ, yᵢ) of 2-D normal data as rows. */
    static double[][] pairs(ExerciseData d) {
        double[][] x = d.x();
        double[] y = d.y();
        double[][] rows = new double[y.length][];
        for (int i = 0; i < rows.length; i++) rows[i] = new double[]{x[i][0], y[i]};
        return rows;
    }

    /** A symmetric 2 × 2 matrix as (Σ₁₁, Σ₁₂, Σ₂₂): what a learner types for a covariance matrix. */
    static double[] upperTriangle(double[][] m) {
        return new double[]{m[0][0], m[0][1], m[1][1]};
    }

    /**
     * Standard errors and Wald intervals at a given estimate, not at the MLE of the data: in an
     * exercise that builds up, the estimate comes from an earlier answer ({@code uses: {p: theta_hat}}),
     * so a learner whose θ̂ was wrong is graded with their own (see {@link CarriedForward}).
     */
    private static void registerAtEstimate(References.Builder r) {
        r.add("bernoulli.se.at", "bernoulli", List.of("p"), d -> one(StandardErrors.bernoulli(d.given().get("p"), d.values().length)));
        r.addInterval("bernoulli.wald.at", "bernoulli", List.of("p"), d -> {
            double p = d.given().get("p");
            return Intervals.wald(p, StandardErrors.bernoulli(p, d.values().length), Intervals.Z95);
        });
        r.add("poisson.se.at", "poisson", List.of("lambda"), d -> one(StandardErrors.poisson(d.given().get("lambda"), d.values().length)));
        r.addInterval("poisson.wald.at", "poisson", List.of("lambda"), d -> {
            double lambda = d.given().get("lambda");
            return Intervals.wald(lambda, StandardErrors.poisson(lambda, d.values().length), Intervals.Z95);
        });
        r.addInterval("normal.wald.mean.at", "normal", List.of("mean", "variance"), d -> Intervals.wald(d.given().get("mean"),
                StandardErrors.normalMean(d.given().get("variance"), d.values().length), Intervals.Z95));
    }

    /**
     * Data on which the lessons' recipe and the core part ways, so no learner instance uses it: the
     * recipe "set the derivative to zero" on a boundary estimate (k = 0 or k = n, a posterior mode at
     * 0 or 1), and a k-means step with an empty cluster or a tie, where the core needs a rule the
     * lesson does not teach.
     */
    private static void registerUnsoundData(References.Builder r) {
        List<String> families = java.util.Arrays.stream(Family.values()).map(Family::jsonName).toList();
        for (String name : r.names()) {
            String family = r.family(name);
            if (name.startsWith(family + ".mle.") && families.contains(family)) {
                r.unsoundWhen(name, d -> Mle.onBoundary(Family.fromName(family), fit(d))
                        ? "the maximum likelihood estimate is on the boundary of the parameter space" : null);
            }
        }
        for (String name : List.of("bernoulli.map.p", "binomial.map.p")) {
            r.unsoundWhen(name, d -> betaPosterior(d).modeIsInterior() ? null : "the posterior mode is on the boundary");
        }
        r.unsoundWhen("poisson.map.lambda", d -> Conjugate.gammaPoisson(d.given().get("shape"), d.given().get("rate"), d.values())
                .modeIsInterior() ? null : "the posterior mode is on the boundary");
        r.unsoundWhen("categorical.map.probabilities", d -> Conjugate.dirichletCategorical(symmetric(d), d.values())
                .modeIsInterior() ? null : "a class's posterior mode is on the boundary");
        // the normal approximation the lesson teaches is poor when the interval spills out of [0, 1]
        r.unsoundWhen("bernoulli.wald.interval", d -> {
            double[] ends = Intervals.waldProportion(d.values(), Intervals.Z95);
            return ends[0] < 0 || ends[1] > 1 ? "the Wald interval leaves [0, 1]" : null;
        });
        r.unsoundWhen("kmeans.step.centers", d -> KMeans.ambiguousAssignment(column(d), givenCenters(d)));
        // λ̂ = 0 is the boundary; an interval reaching below 0 is the approximation failing
        r.unsoundWhen("poisson.wald.interval", d -> {
            double[] ends = Intervals.waldPoisson(d.values(), Intervals.Z95);
            return ends[0] <= 0 ? "the Wald interval reaches 0 or below" : null;
        });
        // a gradient on data of one class only says nothing about telling classes apart
        r.unsoundWhen("logistic.gradient.at", d -> {
            double ones = java.util.Arrays.stream(d.y()).sum();
            return ones == 0 || ones == d.y().length ? "every label is the same" : null;
        });
        for (String name : List.of("censored.em.rate", "censored.mle.rate")) {
            r.unsoundWhen(name, d -> {
                int m = CensoredExponential.censored(d.values(), d.given().get("c"));
                return m == 0 ? "no value is censored" : m == d.values().length ? "every value is censored" : null;
            });
        }
    }

    static double[][] givenCenters(ExerciseData d) {
        return new double[][]{{d.given().get("c1")}, {d.given().get("c2")}};
    }

    private static void mle(References.Builder r, String family, String parameter) {
        r.addMle(family + ".mle." + parameter, family, parameter, d -> one(fit(d).get(parameter)));
    }

    static org.argmax.estimation.Fit fit(ExerciseData d) {
        Family f = Family.fromName(d.family());
        return Mle.fit(f, d.values(), f == Family.BINOMIAL ? d.given().get("trials").intValue() : 0);
    }

    /** ℓ(MLE) − ℓ(value), other parameters at their MLE: how far a claimed estimate is below the peak. */
    static double likelihoodGap(String family, String parameter, ExerciseData d, double value) {
        var fit = fit(d);
        var params = new java.util.HashMap<>(fit.estimate());
        params.put(parameter, value);
        Family f = Family.fromName(family);
        try {
            double ll = LogLikelihood.of(f, d.values(), params, f == Family.BINOMIAL ? d.given().get("trials").intValue() : 0);
            return Double.isFinite(ll) ? fit.logLikelihood() - ll : Double.POSITIVE_INFINITY;
        } catch (RuntimeException outsideSupport) {
            return Double.POSITIVE_INFINITY;
        }
    }

    static org.argmax.estimation.Posterior betaPosterior(ExerciseData d) {
        double a = d.given().get("alpha"), b = d.given().get("beta");
        return d.family().equals("binomial")
                ? Conjugate.betaBinomial(a, b, d.values(), d.given().get("trials").intValue())
                : Conjugate.betaBernoulli(a, b, d.values());
    }

    static double[] symmetric(ExerciseData d) {
        double[] alpha = new double[d.values().length];
        java.util.Arrays.fill(alpha, d.given().get("alpha"));
        return alpha;
    }

    static GmmParameters startingMixture(ExerciseData d) {
        double w1 = d.given().get("w1"), s1 = d.given().get("sd1"), s2 = d.given().get("sd2");
        return GmmParameters.oneDimensional(new double[]{w1, 1 - w1}, new double[]{d.given().get("mu1"), d.given().get("mu2")},
                new double[]{s1 * s1, s2 * s2});
    }

    static GmmParameters oneStep(ExerciseData d) {
        GmmOptions options = GmmOptions.defaults(2).withCovariance(CovarianceType.FULL).withRegularization(0)
                .withInitial(startingMixture(d)).withIterations(1, 0);
        return GaussianMixture.fit(column(d), options).parameters();
    }

    static double[][] column(ExerciseData d) {
        double[][] out = new double[d.values().length][1];
        for (int i = 0; i < out.length; i++) out[i][0] = d.values()[i];
        return out;
    }

    /** q = (1/2, 1/2) for every point: a distribution over the labels that knows nothing. */
    static double[][] halves(ExerciseData d) {
        double[][] q = new double[d.values().length][2];
        for (double[] row : q) java.util.Arrays.fill(row, 0.5);
        return q;
    }

    static double[] one(double v) {
        return new double[]{v};
    }
}
