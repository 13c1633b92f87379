package org.argmax.estimation;

import java.util.HashMap;
import java.util.Map;

/**
 * ℓ(θ) and L(θ) over a grid of one parameter with the others held fixed, for plotting. The grid is
 * kept inside the parameter's open support (e.g. p in (0, 1)), so no value is infinite: points
 * where the data is impossible are left out, and {@code likelihood} may underflow to 0 but is never
 * NaN. {@code relativeLikelihood} = exp(ℓ − max ℓ) is what a chart should usually draw.
 */
public record LikelihoodCurve(String parameter, double[] grid, double[] logLikelihood, double[] likelihood,
                              double[] relativeLikelihood) {

    public LikelihoodCurve {
        grid = grid.clone();
        logLikelihood = logLikelihood.clone();
        likelihood = likelihood.clone();
        relativeLikelihood = relativeLikelihood.clone();
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public double[] logLikelihood() {
        return logLikelihood.clone();
    }

    @Override
    public double[] likelihood() {
        return likelihood.clone();
    }

    @Override
    public double[] relativeLikelihood() {
        return relativeLikelihood.clone();
    }

    public static LikelihoodCurve of(Family family, double[] data, Map<String, Object> fixed, String parameter,
                                     double from, double to, int points, int trials) {
        if (!family.parameters().contains(parameter) || family == Family.CATEGORICAL || family == Family.MVNORMAL) {
            throw new EstimationException("cannot draw a curve over '" + parameter + "' for " + family.jsonName()
                    + "; choose one of " + family.parameters());
        }
        if (points < 2 || points > 5000) throw new EstimationException("a curve needs between 2 and 5000 points, got " + points);
        if (!(Double.isFinite(from) && Double.isFinite(to) && to > from)) {
            throw new EstimationException("the curve's range must go from a smaller to a larger finite number");
        }
        Samples.check(family, data, trials);
        double[] raw = new double[points];
        double[] ll = new double[points];
        int kept = 0;
        Map<String, Object> params = new HashMap<>(fixed);
        for (int i = 0; i < points; i++) {
            double v = from + (to - from) * i / (points - 1);
            params.put(parameter, v);
            double value;
            try {
                value = LogLikelihood.of(family, data, params, trials);
            } catch (EstimationException outsideSupport) {
                continue;
            }
            if (!Double.isFinite(value)) continue;
            raw[kept] = v;
            ll[kept] = value;
            kept++;
        }
        if (kept == 0) throw new EstimationException("the data is impossible everywhere on this range of " + parameter);
        double[] grid = java.util.Arrays.copyOf(raw, kept);
        double[] logL = java.util.Arrays.copyOf(ll, kept);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logL) max = Math.max(max, v);
        double[] likelihood = new double[kept];
        double[] relative = new double[kept];
        for (int i = 0; i < kept; i++) {
            likelihood[i] = Math.exp(logL[i]);
            relative[i] = Math.exp(logL[i] - max);
        }
        return new LikelihoodCurve(parameter, grid, logL, likelihood, relative);
    }
}
