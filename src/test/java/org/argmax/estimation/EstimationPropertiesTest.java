package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mathematical properties of the core, and the worked numbers of the course material. */
class EstimationPropertiesTest {

    @Test
    void workedNumbersFromTheSeeds() {
        assertEquals(0.7, Mle.bernoulli(new double[]{1, 1, 0, 1, 1, 1, 0, 1, 0, 1}).get("p"), 1e-15);
        assertEquals(1.0, Conjugate.betaBernoulli(2, 2, 3, 3).mle()[0], 1e-15);
        assertEquals(0.8, Conjugate.betaBernoulli(2, 2, 3, 3).map(), 1e-15);
        assertEquals(12.0 / 21, Conjugate.betaBernoulli(10, 10, 3, 3).map(), 1e-15);
    }

    @Test
    void mapWithAFlatPriorIsTheMle() {
        double[] flips = {1, 0, 1, 1, 0, 1, 1};
        assertEquals(Mle.bernoulli(flips).get("p"), Conjugate.betaBernoulli(1, 1, flips).map(), 1e-15);
        double[] counts = {4, 0, 7, 2};
        Fixtures.close(Mle.categorical(counts).vector("probabilities"),
                Conjugate.dirichletCategorical(new double[]{1, 1, 1, 1}, counts).mode(), 1e-15, "dirichlet(1) mode");
    }

    @Test
    void mapApproachesTheMleAsDataGrowsOrThePriorFlattens() {
        double previousGap = Double.POSITIVE_INFINITY;
        for (int n : new int[]{10, 100, 1000, 10000}) {
            double k = 0.3 * n;
            double gap = Math.abs(Conjugate.betaBernoulli(10, 10, k, n).map() - k / n);
            assertTrue(gap < previousGap, "gap shrinks with n: " + gap);
            previousGap = gap;
        }
        assertTrue(previousGap < 1e-3);
        double wide = Math.abs(Conjugate.normalMean(0, 1e12, 1, new double[]{2, 3, 4}).map() - 3);
        assertTrue(wide < 1e-9, "a very wide normal prior gives the sample mean");
    }

    @Test
    void boundaryModesWhenPseudoCountsAreSmall() {
        assertEquals(0, Conjugate.betaBernoulli(0.5, 2, 0, 3).map(), "α' ≤ 1 < β': mode at 0");
        assertEquals(1, Conjugate.betaBernoulli(2, 0.5, 3, 3).map(), "β' ≤ 1 < α': mode at 1");
        assertEquals(0.5, Conjugate.betaBernoulli(1, 1, 0, 0).map(), "flat with no data: 0.5");
        assertEquals(0, Conjugate.gammaPoisson(0.5, 1, new double[]{0, 0}).map(), "gamma shape below 1: mode 0");
    }

    @Test
    void permutingTheDataChangesNothing() {
        double[] x = {2.1, -0.4, 3.3, 1.0, 0.7, 5.2, -1.1};
        double[] shuffled = {5.2, 0.7, -1.1, 2.1, 3.3, -0.4, 1.0};
        for (Family f : new Family[]{Family.NORMAL, Family.LAPLACE, Family.UNIFORM}) {
            Fit a = Mle.fit(f, x, 0), b = Mle.fit(f, shuffled, 0);
            for (String p : f.parameters()) assertEquals(a.get(p), b.get(p), 1e-12, f + " " + p);
            assertEquals(a.logLikelihood(), b.logLikelihood(), 1e-9);
        }
        double[][] pts = Generators.mixture1d(new double[]{0.4, 0.6}, new double[]{-2, 3}, new double[]{1, 1.5}, 300, new Rng(3)).points();
        double[][] reversed = new double[pts.length][];
        for (int i = 0; i < pts.length; i++) reversed[i] = pts[pts.length - 1 - i];
        GmmParameters start = GmmParameters.oneDimensional(new double[]{0.5, 0.5}, new double[]{-1, 1}, new double[]{1, 1});
        GmmOptions o = GmmOptions.defaults(2).withInitial(start).withIterations(30, 0);
        assertEquals(GaussianMixture.fit(pts, o).logLikelihood(), GaussianMixture.fit(reversed, o).logLikelihood(), 1e-8);
    }

    @Test
    void emLogLikelihoodNeverDecreases() {
        Rng rng = new Rng(11);
        Generators.Labelled data = Generators.mixture(new double[]{0.3, 0.3, 0.4},
                new double[][]{{0, 0}, {3, 1}, {1, 4}},
                new double[][][]{{{1, 0.5}, {0.5, 1}}, {{0.6, 0}, {0, 1.8}}, {{1.2, -0.3}, {-0.3, 0.7}}}, 600, rng);
        for (CovarianceType type : CovarianceType.values()) {
            for (GmmOptions.Init init : GmmOptions.Init.values()) {
                if (init == GmmOptions.Init.GIVEN) continue;
                GmmFit fit = GaussianMixture.fit(data.points(), GmmOptions.defaults(3).withCovariance(type).withInit(init, 7)
                        .withIterations(60, 0).withRegularization(0));
                for (int t = 1; t < fit.trace().size(); t++) {
                    double before = fit.trace().get(t - 1).logLikelihood(), after = fit.trace().get(t).logLikelihood();
                    assertTrue(after >= before - 1e-9 * Math.abs(before), type + "/" + init + " iteration " + t + ": " + before + " → " + after);
                }
            }
        }
    }

    @Test
    void mixtureLogLikelihoodIgnoresLabelOrder() {
        double[][] x = Generators.mixture1d(new double[]{0.5, 0.5}, new double[]{-2, 2}, new double[]{1, 1}, 200, new Rng(5)).points();
        GmmParameters a = GmmParameters.oneDimensional(new double[]{0.3, 0.7}, new double[]{-2, 2}, new double[]{1, 2});
        GmmParameters b = GmmParameters.oneDimensional(new double[]{0.7, 0.3}, new double[]{2, -2}, new double[]{2, 1});
        assertEquals(GaussianMixture.logLikelihood(x, a), GaussianMixture.logLikelihood(x, b), 1e-9);
        GmmOptions o = GmmOptions.defaults(2).withIterations(40, 0);
        assertEquals(GaussianMixture.fit(x, o.withInitial(a)).logLikelihood(), GaussianMixture.fit(x, o.withInitial(b)).logLikelihood(), 1e-8);
    }

    @Test
    void kMeansInertiaNeverIncreasesAndIsHardEm() {
        double[][] x = Generators.mixture1d(new double[]{0.5, 0.5}, new double[]{-3, 3}, new double[]{1, 1}, 300, new Rng(9)).points();
        KMeansFit fit = KMeans.fit(x, 2, 4, 100, true);
        for (int t = 1; t < fit.trace().size(); t++) {
            assertTrue(fit.trace().get(t).inertia() <= fit.trace().get(t - 1).inertia() + 1e-9);
        }
        assertTrue(fit.converged());
    }

    @Test
    void ridgeWithZeroPenaltyIsOlsAndLassoWithAHugeOneKeepsOnlyTheIntercept() {
        Generators.RegressionData d = Generators.linear(new double[]{1, 2, -1}, 0.5, -2, 2, 80, new Rng(2));
        Fixtures.close(Regression.ols(d.x(), d.y()).coefficients(), Regression.ridge(d.x(), d.y(), 1e-12).coefficients(), 1e-8, "ridge → OLS");
        double[] lasso = Regression.lasso(d.x(), d.y(), 1e6).coefficients();
        assertEquals(0, lasso[1]);
        assertEquals(0, lasso[2]);
        double mean = 0;
        for (double v : d.y()) mean += v / d.y().length;
        assertEquals(mean, lasso[0], 1e-12);
        assertEquals(4.0, Regression.lambdaFromVariances(2, 0.5));
    }

    @Test
    void generatorsAreDeterministicAndPinned() {
        double[] a = Generators.sample(Family.NORMAL, Map.of("mean", 0.0, "variance", 1.0), 5, new Rng(42));
        double[] b = Generators.sample(Family.NORMAL, Map.of("mean", 0.0, "variance", 1.0), 5, new Rng(42));
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        // Pinned: if these change, learners' stored seeds no longer give the data they saw.
        assertEquals(Generators.VERSION, "argmax-generators-v1");
        assertEquals(Rng.ALGORITHM, "argmax-rng-v1 (xoshiro256** seeded by SplitMix64)");
        Rng rng = new Rng(1);
        long first = rng.nextLong();
        assertEquals(first, new Rng(1).nextLong());
        assertEquals(PinnedValues.FIRST_LONG_SEED_1, first, "xoshiro256** output for seed 1");
        assertEquals(PinnedValues.NORMAL_SEED_42, a[0], 0, "first standard normal for seed 42");
        double[] pois = Generators.sample(Family.POISSON, Map.of("lambda", 45.0), 2000, new Rng(8));
        double mean = 0;
        for (double v : pois) mean += v / pois.length;
        assertEquals(45, mean, 0.6, "Poisson chunks add up to the right mean");
    }
}
