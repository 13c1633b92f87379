package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad input gets a typed exception whose message a learner understands; never NaN. */
class BadInputTest {
    private static String message(Runnable r) {
        return assertThrows(EstimationException.class, r::run).getMessage();
    }

    @Test
    void messagesSayWhatIsWrongAndWhere() {
        assertEquals("Poisson data must be non-negative whole numbers; value 3 is -2.5", message(() -> Mle.poisson(new double[]{1, 2, -2.5})));
        assertEquals("Bernoulli data must be 0 or 1; value 2 is 0.5", message(() -> Mle.bernoulli(new double[]{1, 0.5})));
        assertEquals("Normal data is empty: give at least one value", message(() -> Mle.normal(new double[0])));
        assertEquals("Normal data must be numbers; value 2 is not a number", message(() -> Mle.normal(new double[]{1, Double.NaN})));
        assertEquals("Exponential data must be finite; value 1 is infinity", message(() -> Mle.exponential(new double[]{Double.POSITIVE_INFINITY})));
        assertEquals("need at least 2 values to estimate a variance, got 1", message(() -> Mle.normal(new double[]{3})));
        assertEquals("Binomial data counts successes out of 5 trials; value 2 is 7, more successes than trials",
                message(() -> Mle.binomial(new double[]{2, 7}, 5)));
        assertEquals("Geometric data counts trials up to and including the first success (1, 2, 3, …); value 1 is 0",
                message(() -> Mle.geometric(new double[]{0, 2})));
        assertEquals("successes k and trials n must be whole numbers with 0 ≤ k ≤ n, got k = 4.0, n = 3.0",
                message(() -> Conjugate.betaBernoulli(1, 1, 4, 3)));
        assertEquals("the prior's alpha must be a positive number, got -1", message(() -> Conjugate.betaBernoulli(-1, 1, 1, 2)));
        assertEquals("unknown model 'bernouli'; choose one of bernoulli, binomial, categorical, poisson, geometric, exponential, normal, uniform, laplace, gamma, beta, mvnormal",
                message(() -> Family.fromName("bernouli")));
    }

    @Test
    void degenerateDataIsRefusedRatherThanReturningNaN() {
        assertEquals("all 3 values are equal, so the variance estimate is 0 and the normal likelihood has no maximum; give values that differ",
                message(() -> Mle.normal(new double[]{2, 2, 2})));
        assertEquals(0.0, Mle.bernoulli(new double[]{0, 0, 0}).logLikelihood(), "0·log 0 = 0, not NaN");
        assertEquals(0.0, Mle.poisson(new double[]{0, 0}).get("lambda"));
        message(() -> NumericalMle.gamma(new double[]{3, 3, 3}));
    }

    @Test
    void modelsCheckShapesAndIdentifiability() {
        assertEquals("too few points for 3 components: got 2",
                message(() -> GaussianMixture.fit(new double[]{1, 2}, GmmOptions.defaults(3))));
        assertEquals("row 2 has 1 values but row 1 has 2", message(() -> Mle.mvnormal(new double[][]{{1, 2}, {3}})));
        String dependent = message(() -> Regression.ols(new double[][]{{1, 2}, {2, 4}, {3, 6}, {4, 8.0}}, new double[]{1, 2, 3, 5}));
        assertEquals("the columns of X are linearly dependent (column 2 is a combination of the columns before it, or constant), so the least-squares coefficients are not unique", dependent);
        assertEquals("the classes are perfectly separable, so the likelihood has no maximum (the coefficients grow without bound); add an L2 penalty (lambda > 0)",
                message(() -> Regression.logistic(new double[][]{{-2}, {-1}, {1}, {2}}, new double[]{0, 0, 1, 1}, 0)));
        Regression.logistic(new double[][]{{-2}, {-1}, {1}, {2}}, new double[]{0, 0, 1, 1}, 1.0);
        assertEquals("the covariance matrix is singular (not positive definite): some columns are constant or linear combinations of others",
                message(() -> LogLikelihood.mvnormal(new double[][]{{1, 1}}, new double[]{0, 0}, new double[][]{{1, 1}, {1, 1}})));
        assertEquals("the covariance matrix is singular (not positive definite): some columns are constant or linear combinations of others",
                message(() -> Mle.mvnormal(new double[][]{{1, 1}, {2, 2}, {3, 3}})));
        String exact = "the line fits every point exactly (the residuals are all 0), so the noise variance estimate is 0 and the likelihood has no maximum; add noise or points";
        assertEquals(exact, message(() -> Regression.ols(new double[][]{{0}, {1}, {2}}, new double[]{1, 3, 5})));
        assertEquals(exact, message(() -> Regression.ols(new double[][]{{0}, {1}, {2}, {3}}, new double[]{1, 3, 5, 7})));
        assertEquals("there are 3 rows of x but 2 values of y", message(() -> Regression.ols(new double[][]{{1}, {2}, {3}}, new double[]{1, 2})));
        assertEquals("missing parameter 'p'", message(() -> LogLikelihood.of(Family.BERNOULLI, new double[]{1}, Map.of(), 0)));
    }
}
