package org.argmax.estimation;

/**
 * Thrown when data or parameters cannot be used by an estimator. The message is written for the
 * learner who typed the data ("Poisson data must be non-negative whole numbers; value 3 is -2.5"),
 * so the web layer can show it as is.
 */
public class EstimationException extends IllegalArgumentException {
    public EstimationException(String message) {
        super(message);
    }
}
