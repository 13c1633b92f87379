package org.argmax.exercises;

import org.argmax.estimation.LogisticScore;
import org.argmax.estimation.ScatterMatrix;

import java.util.Map;

/**
 * The named slips of two hand calculations, each computed by the core on the learner's data: the
 * gradient of the logistic log-likelihood at given coefficients ({@code logistic.gradient.at}) and
 * the covariance matrix of 2-D normal data ({@code normal2.mle.covariance}, typed as Σ₁₁, Σ₁₂, Σ₂₂).
 * The n − 1 and standard-deviation slips of the covariance are registered with their 1-D versions in
 * {@link CoreMisconceptions}.
 */
final class GradientAndCovarianceMisconceptions {
    private static final String GRADIENT = "logistic.gradient.at";
    private static final String COVARIANCE = "normal2.mle.covariance";

    private GradientAndCovarianceMisconceptions() {
    }

    static void register(Misconceptions.Builder library, References references) {
        library.add("cross-entropy-gradient",
                "That is the gradient of the cross-entropy, Σᵢ (qᵢ − yᵢ)(1, xᵢ): the log-likelihood's with the sign flipped. "
                        + "The gradient of ℓ is Σᵢ (yᵢ − qᵢ)(1, xᵢ); it points to where ℓ grows.",
                Map.of(GRADIENT, (r, d) -> scaled(references.compute(r, d), -1)));
        library.add("forgot-sigmoid",
                "You used the linear predictor ηᵢ = b₀ + b₁xᵢ as if it were the probability: that is the least-squares gradient. "
                        + "Pass it through the sigmoid first, qᵢ = σ(ηᵢ) = 1/(1 + e^(−ηᵢ)).",
                Map.of(GRADIENT, (r, d) -> LogisticScore.leastSquaresGradient(d.x(), d.y(), CoreReferences.givenCoefficients(d))));
        library.add("signed-labels-formula",
                "You used Σᵢ sᵢ σ(−sᵢηᵢ)(1, xᵢ), the gradient for labels coded −1 and 1, with your 0/1 labels: the points with y = 0 "
                        + "dropped out. With 0/1 labels the gradient is Σᵢ (yᵢ − qᵢ)(1, xᵢ) (or recode y = 0 as s = −1 first).",
                Map.of(GRADIENT, (r, d) -> LogisticScore.signedLabelGradient(d.x(), d.y(), CoreReferences.givenCoefficients(d))));
        library.add("forgot-intercept",
                "You left the intercept out of the predictions, qᵢ = σ(b₁xᵢ). The model is qᵢ = σ(b₀ + b₁xᵢ): add b₀ before taking the sigmoid.",
                Map.of(GRADIENT, (r, d) -> LogisticScore.gradient(d.x(), d.y(), new double[]{0, d.given().get("b1")})));
        library.add("averaged-gradient",
                "You divided by n: that is the gradient of the average log-likelihood per point (what libraries often report). "
                        + "ℓ is a sum over the points, and so is its gradient.",
                Map.of(GRADIENT, (r, d) -> scaled(references.compute(r, d), 1.0 / d.n())));
        library.add("residual-not-times-x",
                "Both your components are Σᵢ (yᵢ − qᵢ). That is right for the intercept, whose feature is 1; for the slope each residual "
                        + "is weighted by its own xᵢ: ∂ℓ/∂b₁ = Σᵢ (yᵢ − qᵢ) xᵢ.",
                Map.of(GRADIENT, (r, d) -> {
                    double g0 = references.compute(r, d)[0];
                    return new double[]{g0, g0};
                }));

        library.add("uncentered-covariance",
                "You averaged the products xᵢyᵢ (and xᵢ², yᵢ²) without subtracting the means first: those are moments about 0. "
                        + "The covariance averages products of deviations, (xᵢ − x̄)(yᵢ − ȳ).",
                Map.of(COVARIANCE, (r, d) -> CoreReferences.upperTriangle(ScatterMatrix.secondMoments(CoreReferences.pairs(d)))));
        library.add("correlation-for-covariance",
                "Your off-diagonal entry is the correlation r = Sₓᵧ/√(SₓₓSᵧᵧ), which has no units. The covariance is Sₓᵧ/n, "
                        + "in the units of x times the units of y.",
                Map.of(COVARIANCE, (r, d) -> {
                    double[] c = references.compute(r, d);
                    return new double[]{c[0], ScatterMatrix.correlation(CoreReferences.pairs(d))[0][1], c[2]};
                }));
        library.add("covariance-sign",
                "Your off-diagonal entry has the wrong sign. Multiply the deviations the same way round, (xᵢ − x̄)(yᵢ − ȳ): "
                        + "the product is positive when both values are on the same side of their means.",
                Map.of(COVARIANCE, (r, d) -> {
                    double[] c = references.compute(r, d);
                    return new double[]{c[0], -c[1], c[2]};
                }));
        library.add("variances-first",
                "Your numbers look right but in another order: give the entries row by row, Σ̂₁₁ (the variance of x), Σ̂₁₂ (the covariance), "
                        + "then Σ̂₂₂ (the variance of y).",
                Map.of(COVARIANCE, (r, d) -> {
                    double[] c = references.compute(r, d);
                    return new double[]{c[0], c[2], c[1]};
                }));
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] *= factor;
        return out;
    }
}
