package org.argmax.estimation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Logistic}'s four-row update of XᵀWX on JDK 17's incubating Vector API, four entries of a
 * row of XᵀWX per vector. Each entry gets exactly the scalar kernel's arithmetic, in the same order:
 * h[a][b] + ((((w₀x₀ₐ)x₀ᵦ + (w₁x₁ₐ)x₁ᵦ) + (w₂x₂ₐ)x₂ᵦ) + (w₃x₃ₐ)x₃ᵦ), separate multiplications and
 * additions (no fused multiply-add), so the results are the same doubles. The rows of the design
 * block and of XᵀWX are padded to a multiple of four entries with zeros, so that every triangle row
 * is updated in whole vectors; the lanes past the diagonal fill entries above it, which the caller
 * never reads. Loaded only when the module jdk.incubator.vector is present ({@link Simd}).
 */
final class LogisticVector {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final int L = 4;

    private LogisticVector() {
    }

    /** p rounded up to a multiple of the vector length. */
    static int padded(int p) {
        return (p + L - 1) / L * L;
    }

    /**
     * Adds the four design rows at o, o + stride, o + 2·stride, o + 3·stride with residuals r[0…4) to
     * the gradient g (length stride: g[a] + (((x₀ₐr₀ + x₁ₐr₁) + x₂ₐr₂) + x₃ₐr₃), as the scalar kernel) and
     * with weights w[0…4) to the lower triangle of h (rows stride apart), two triangle rows at a time
     * sharing the loads of x.
     */
    static void update4(double[] design, int o0, int stride, int p, double[] w, double[] r, double[] g, double[] h) {
        int o1 = o0 + stride, o2 = o1 + stride, o3 = o2 + stride;
        double r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3];
        for (int a = 0; a < p; a += L) {
            DoubleVector t = DoubleVector.fromArray(S, design, o0 + a).mul(r0).add(DoubleVector.fromArray(S, design, o1 + a).mul(r1))
                    .add(DoubleVector.fromArray(S, design, o2 + a).mul(r2)).add(DoubleVector.fromArray(S, design, o3 + a).mul(r3));
            DoubleVector.fromArray(S, g, a).add(t).intoArray(g, a);
        }
        double wr0 = w[0], wr1 = w[1], wr2 = w[2], wr3 = w[3];
        int a = 0;
        for (; a + 2 <= p; a += 2) {
            double w0 = wr0 * design[o0 + a], w1 = wr1 * design[o1 + a], w2 = wr2 * design[o2 + a], w3 = wr3 * design[o3 + a];
            double u0 = wr0 * design[o0 + a + 1], u1 = wr1 * design[o1 + a + 1], u2 = wr2 * design[o2 + a + 1], u3 = wr3 * design[o3 + a + 1];
            int hr = a * stride, hs = hr + stride, end = a + 2; // row a needs b ≤ a, row a + 1 needs b ≤ a + 1
            for (int b = 0; b < end; b += L) {
                DoubleVector x0 = DoubleVector.fromArray(S, design, o0 + b), x1 = DoubleVector.fromArray(S, design, o1 + b);
                DoubleVector x2 = DoubleVector.fromArray(S, design, o2 + b), x3 = DoubleVector.fromArray(S, design, o3 + b);
                DoubleVector t = x0.mul(w0).add(x1.mul(w1)).add(x2.mul(w2)).add(x3.mul(w3));
                DoubleVector.fromArray(S, h, hr + b).add(t).intoArray(h, hr + b);
                DoubleVector v = x0.mul(u0).add(x1.mul(u1)).add(x2.mul(u2)).add(x3.mul(u3));
                DoubleVector.fromArray(S, h, hs + b).add(v).intoArray(h, hs + b);
            }
        }
        for (; a < p; a++) {
            double w0 = wr0 * design[o0 + a], w1 = wr1 * design[o1 + a], w2 = wr2 * design[o2 + a], w3 = wr3 * design[o3 + a];
            int hr = a * stride;
            for (int b = 0; b <= a; b += L) {
                DoubleVector x0 = DoubleVector.fromArray(S, design, o0 + b), x1 = DoubleVector.fromArray(S, design, o1 + b);
                DoubleVector x2 = DoubleVector.fromArray(S, design, o2 + b), x3 = DoubleVector.fromArray(S, design, o3 + b);
                DoubleVector t = x0.mul(w0).add(x1.mul(w1)).add(x2.mul(w2)).add(x3.mul(w3));
                DoubleVector.fromArray(S, h, hr + b).add(t).intoArray(h, hr + b);
            }
        }
    }
}
