package org.argmax.estimation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The candidate nearest centre of four rows at a time on JDK 17's incubating Vector API, for
 * {@link LloydStep}: aᵢ(c) = ‖c‖² − 2xᵢ·c for every centre (‖xᵢ − c‖² less ‖xᵢ‖², the same order),
 * built by fused multiply-adds from ‖c‖² over the coordinates in order, four centres at a time in
 * registers (each load of a coordinate of the four rows serves the four centres), and the smallest
 * and second smallest value of each row with the first index reaching the smallest (a strict &lt;).
 * {@link LloydStep} accepts a row's candidate only when the two values are further apart than
 * their rounding error can explain, and otherwise compares the exact distances; so the clusters are
 * those of exact distances, as with its scalar kernel. Loaded only when the module
 * jdk.incubator.vector is present ({@link Simd}).
 */
final class LloydStepVector {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    static final int LANES = 4;
    /** Rows per step of {@link #candidates}: two vectors. */
    static final int STEP = 2 * LANES;

    private LloydStepVector() {
    }

    static boolean usable() {
        return S.length() == LANES;
    }

    /**
     * For the rows [0, rows) of a block (rows a multiple of four; x[j] is coordinate j of the block's
     * rows, from x[base]): best[i] and second[i] the two smallest aᵢ(c), index[i] the first c with
     * aᵢ(c) = best[i]. minusTwo[c·d + j] = −2cⱼ, norms[c] = ‖c‖² as computed by the caller.
     */
    static void candidates(double[][] x, int base, int rows, int d, int k, double[] minusTwo, double[] norms,
                           double[] best, double[] second, double[] index) {
        java.util.Arrays.fill(best, 0, rows, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(second, 0, rows, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(index, 0, rows, 0);
        int c = 0;
        for (; c + 4 <= k; c += 4) {
            int o0 = c * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
            DoubleVector n0 = DoubleVector.broadcast(S, norms[c]), n1 = DoubleVector.broadcast(S, norms[c + 1]);
            DoubleVector n2 = DoubleVector.broadcast(S, norms[c + 2]), n3 = DoubleVector.broadcast(S, norms[c + 3]);
            DoubleVector i0 = DoubleVector.broadcast(S, c), i1 = DoubleVector.broadcast(S, c + 1);
            DoubleVector i2 = DoubleVector.broadcast(S, c + 2), i3 = DoubleVector.broadcast(S, c + 3);
            // two vectors of rows at a time: eight independent chains of multiply-adds hide their latency
            for (int r = 0; r < rows; r += 2 * LANES) {
                int r2 = r + LANES;
                DoubleVector a0 = n0, a1 = n1, a2 = n2, a3 = n3, e0 = n0, e1 = n1, e2 = n2, e3 = n3;
                for (int j = 0; j < d; j++) {
                    double[] xj = x[base + j];
                    DoubleVector v = DoubleVector.fromArray(S, xj, r), w = DoubleVector.fromArray(S, xj, r2);
                    DoubleVector m0 = DoubleVector.broadcast(S, minusTwo[o0 + j]), m1 = DoubleVector.broadcast(S, minusTwo[o1 + j]);
                    DoubleVector m2 = DoubleVector.broadcast(S, minusTwo[o2 + j]), m3 = DoubleVector.broadcast(S, minusTwo[o3 + j]);
                    a0 = v.fma(m0, a0);
                    a1 = v.fma(m1, a1);
                    a2 = v.fma(m2, a2);
                    a3 = v.fma(m3, a3);
                    e0 = w.fma(m0, e0);
                    e1 = w.fma(m1, e1);
                    e2 = w.fma(m2, e2);
                    e3 = w.fma(m3, e3);
                }
                fold4(best, second, index, r, a0, a1, a2, a3, i0, i1, i2, i3);
                fold4(best, second, index, r2, e0, e1, e2, e3, i0, i1, i2, i3);
            }
        }
        for (; c < k; c++) {
            int o = c * d;
            double n0 = norms[c];
            for (int r = 0; r < rows; r += LANES) {
                DoubleVector a = DoubleVector.broadcast(S, n0);
                for (int j = 0; j < d; j++) a = DoubleVector.fromArray(S, x[base + j], r).fma(DoubleVector.broadcast(S, minusTwo[o + j]), a);
                DoubleVector b = DoubleVector.fromArray(S, best, r), s = DoubleVector.fromArray(S, second, r);
                VectorMask<Double> m = a.lt(b);
                s.blend(a, a.lt(s)).blend(b, m).intoArray(second, r);
                b.blend(a, m).intoArray(best, r);
                DoubleVector.fromArray(S, index, r).blend(c, m).intoArray(index, r);
            }
        }
    }

    /** Folds the values a0…a3 of centres i0…i3 (index vectors) into the running minimum, second minimum and index at row r. */
    private static void fold4(double[] best, double[] second, double[] index, int r, DoubleVector a0, DoubleVector a1, DoubleVector a2,
                              DoubleVector a3, DoubleVector i0, DoubleVector i1, DoubleVector i2, DoubleVector i3) {
        DoubleVector b = DoubleVector.fromArray(S, best, r), s = DoubleVector.fromArray(S, second, r);
        DoubleVector ix = DoubleVector.fromArray(S, index, r);
        VectorMask<Double> m = a0.lt(b);
        s = s.blend(a0, a0.lt(s)).blend(b, m);
        b = b.blend(a0, m);
        ix = ix.blend(i0, m);
        m = a1.lt(b);
        s = s.blend(a1, a1.lt(s)).blend(b, m);
        b = b.blend(a1, m);
        ix = ix.blend(i1, m);
        m = a2.lt(b);
        s = s.blend(a2, a2.lt(s)).blend(b, m);
        b = b.blend(a2, m);
        ix = ix.blend(i2, m);
        m = a3.lt(b);
        s = s.blend(a3, a3.lt(s)).blend(b, m);
        b = b.blend(a3, m);
        ix = ix.blend(i3, m);
        b.intoArray(best, r);
        s.intoArray(second, r);
        ix.intoArray(index, r);
    }
}
