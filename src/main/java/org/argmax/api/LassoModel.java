package org.argmax.api;

import org.argmax.estimation.LinearFit;
import org.argmax.estimation.Regression;

import java.util.Map;

/** The lasso: the MAP line under a Laplace prior on the slopes (penalty λ‖β‖₁), by coordinate descent with its sweeps bounded like every public fit. */
final class LassoModel extends PenalizedLineModel {
    @Override
    public String name() {
        return "lasso";
    }

    @Override
    LinearFit fit(RegressionRequest r) {
        double[][] x = r.x();
        return Regression.lasso(x, r.y(), r.lambda(), 1e-12,
                (int) Math.max(100, Math.min(100_000, ApiLimits.MAX_WORK / ((long) r.y().length * Math.max(1, x[0].length)))));
    }

    @Override
    void describe(LinearFit fit, Map<String, Object> answer) {
        answer.put("iterations", fit.iterations());
        answer.put("converged", fit.converged());
    }
}
