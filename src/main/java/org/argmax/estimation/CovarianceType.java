package org.argmax.estimation;

import java.util.Locale;

/** How much freedom each mixture component's covariance has. */
public enum CovarianceType {
    /** Any symmetric positive-definite matrix: d(d+1)/2 numbers per component. */
    FULL,
    /** Independent coordinates: d variances per component. */
    DIAGONAL,
    /** One variance per component, the same in every direction. */
    SPHERICAL;

    public static CovarianceType fromName(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EstimationException("unknown covariance type '" + name + "'; choose full, diagonal or spherical");
        }
    }

    int parametersPerComponent(int d) {
        return switch (this) {
            case FULL -> d * (d + 1) / 2;
            case DIAGONAL -> d;
            case SPHERICAL -> 1;
        };
    }
}
