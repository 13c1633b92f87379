package org.argmax.estimation;

import java.util.Map;

/** What every fit returns: the estimate by parameter name, the log-likelihood there, the sample size. */
public interface Fitted {
    String model();

    /** Parameter name → Double, double[] or double[][], in the family's order. */
    Map<String, Object> estimate();

    double logLikelihood();

    int n();
}
