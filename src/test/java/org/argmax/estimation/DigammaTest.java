package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ψ and ψ′ against scipy.special (values printed by the snippet below, Debian's /usr/bin/python3). */
class DigammaTest {
    // from scipy import special
    // for x in xs: print(x, float(special.digamma(x)), float(special.polygamma(1, x)))
    private static final double[][] SCIPY = {
            {0.001, -1000.5755719318103, 1000001.6425331959},
            {0.5, -1.9635100260214235, 4.93480220054468},
            {1, -0.5772156649015329, 1.6449340668482266},
            {3, 0.9227843350984671, 0.39493406684822646},
            {7.25, 1.9104535268837362, 0.1478792331589322},
            {10, 2.251752589066721, 0.10516633568168576},
            {49, 3.881581510162586, 0.020617826354560515},
            {50, 3.9019896734278925, 0.020201333226697128},
            {123.4, 4.8113737751162775, 0.008136651610865263},
            {10000.0, 9.21029037114285, 0.00010000500016666666},
    };

    @Test
    void agreesWithScipyToAFewUlps() {
        for (double[] row : SCIPY) {
            assertEquals(row[1], Digamma.digamma(row[0]), 4e-15 * Math.max(1, Math.abs(row[1])), "digamma(" + row[0] + ")");
            assertEquals(row[2], Digamma.trigamma(row[0]), 4e-15 * Math.max(1, Math.abs(row[2])), "trigamma(" + row[0] + ")");
        }
    }
}
