package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The logistic score against numpy (the lesson's worked example, src/test/python/lesson_numbers.py),
 * against central differences of the log-likelihood, and its properties: zero at the fitted MLE, the
 * ±1-label form equal to it with ±1 labels.
 */
class LogisticScoreTest {
    private static final double[][] X = {{-1.5}, {-0.5}, {0.5}, {2}};
    private static final double[] Y = {0, 1, 0, 1};
    private static final double[] GUESS = {0.5, 1};

    @Test
    void theLessonsWorkedGradientAsNumpyComputesIt() {
        // numpy: design.T @ (y - expit(design @ b)) in lesson_numbers.py
        assertArrayEquals(new double[]{-0.42414181997875655, -0.060400797217522895}, LogisticScore.gradient(X, Y, GUESS), 1e-14);
    }

    @Test
    void theGradientIsTheSlopeOfTheLogLikelihood() {
        double[][] x = {{0.3}, {-1.2}, {2.4}, {0.9}, {-0.4}, {1.7}, {-2.2}};
        double[] y = {1, 0, 1, 0, 0, 1, 1};
        double[] beta = {-0.7, 1.3};
        double[] g = LogisticScore.gradient(x, y, beta);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] up = beta.clone(), down = beta.clone();
            up[j] += h;
            down[j] -= h;
            assertEquals((logLikelihood(x, y, up) - logLikelihood(x, y, down)) / (2 * h), g[j], 1e-7, "component " + j);
        }
    }

    @Test
    void theGradientVanishesAtTheMaximumLikelihoodFit() {
        double[][] x = {{0.3}, {-1.2}, {2.4}, {0.9}, {-0.4}, {1.7}, {-2.2}, {0.1}};
        double[] y = {1, 0, 1, 0, 0, 1, 1, 0};
        double[] fitted = Logistic.fit(x, y, 0, 1e-14, 100).coefficients();
        for (double g : LogisticScore.gradient(x, y, fitted)) assertEquals(0, g, 1e-9);
    }

    @Test
    void withLabelsCodedMinusOneAndOneTheSignedFormIsTheSameGradient() {
        double[] signed = new double[Y.length];
        for (int i = 0; i < Y.length; i++) signed[i] = 2 * Y[i] - 1;
        assertArrayEquals(LogisticScore.gradient(X, Y, GUESS), LogisticScore.signedLabelGradient(X, signed, GUESS), 1e-15);
        // fed 0/1 labels, the rows labelled 0 contribute nothing: Σ over y = 1 of (1 − qᵢ)(1, xᵢ)
        double q2 = LogisticScore.sigmoid(0.5 - 0.5), q4 = LogisticScore.sigmoid(0.5 + 2);
        assertArrayEquals(new double[]{(1 - q2) + (1 - q4), (1 - q2) * -0.5 + (1 - q4) * 2},
                LogisticScore.signedLabelGradient(X, Y, GUESS), 1e-15);
    }

    @Test
    void theLeastSquaresGradientUsesTheLinearPredictorItself() {
        // Σ (yᵢ − ηᵢ)(1, xᵢ) with η = −1, 0, 1, 2.5
        assertArrayEquals(new double[]{(0 + 1) + (1 - 0) + (0 - 1) + (1 - 2.5), (0 + 1) * -1.5 + (1 - 0) * -0.5 + (0 - 1) * 0.5 + (1 - 2.5) * 2},
                LogisticScore.leastSquaresGradient(X, Y, GUESS), 1e-15);
        // and it vanishes at the least-squares line
        double[] ols = Regression.ols(X, Y).coefficients();
        for (double g : LogisticScore.leastSquaresGradient(X, Y, ols)) assertEquals(0, g, 1e-12);
    }

    @Test
    void theSigmoidIsSymmetricAndDoesNotOverflow() {
        assertEquals(0.5, LogisticScore.sigmoid(0), 0);
        assertEquals(1 - LogisticScore.sigmoid(1.7), LogisticScore.sigmoid(-1.7), 1e-16);
        assertEquals(1, LogisticScore.sigmoid(800), 0);
        assertEquals(0, LogisticScore.sigmoid(-800), 1e-300);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        EstimationException labels = assertThrows(EstimationException.class, () -> LogisticScore.gradient(X, new double[]{0, 1, 2, 1}, GUESS));
        assertEquals("logistic regression needs y values of 0 or 1; value 3 is 2.0", labels.getMessage());
        EstimationException coefficients = assertThrows(EstimationException.class, () -> LogisticScore.gradient(X, Y, new double[]{1}));
        assertEquals("need 2 coefficients (the intercept first), got 1", coefficients.getMessage());
        assertThrows(EstimationException.class, () -> LogisticScore.gradient(X, Y, new double[]{Double.NaN, 1}));
        assertThrows(EstimationException.class, () -> LogisticScore.gradient(X, new double[]{0, 1}, GUESS));
    }

    private static double logLikelihood(double[][] x, double[] y, double[] beta) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double q = 1 / (1 + Math.exp(-(beta[0] + beta[1] * x[i][0])));
            ll += y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return ll;
    }
}
