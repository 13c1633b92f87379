package org.argmax.api;

import org.argmax.estimation.LinearFit;
import org.argmax.estimation.Regression;

/** Ridge regression: the MAP line under a Gaussian prior on the slopes (penalty λ‖β‖²). */
final class RidgeModel extends PenalizedLineModel {
    @Override
    public String name() {
        return "ridge";
    }

    @Override
    LinearFit fit(RegressionRequest r) {
        return Regression.ridge(r.x(), r.y(), r.lambda());
    }
}
