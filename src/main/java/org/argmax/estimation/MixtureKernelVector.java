package org.argmax.estimation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MixtureKernel}'s one-dimensional EM pass on JDK 17's incubating Vector API: the same steps,
 * the sums four points (the four lanes) at a time, each lane doing {@link MixtureKernel#scalarRange}'s
 * arithmetic in the same order, and the element-wise steps in vectors of {@code E} (the same
 * operations on each point), so the results are the same doubles; a block's last points that fill no whole
 * vector go through the scalar steps. Loaded only when the module jdk.incubator.vector is present.
 */
final class MixtureKernelVector {
    /** The lanes of the sums: four, as in the scalar twin. */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /**
     * The element-wise steps (log densities, maxima, exponentials) have no lanes to keep, so any width
     * gives the same doubles; 512-bit vectors (SPECIES_PREFERRED on this AVX-512 machine) made the
     * whole 1-D fit 7× slower on JDK 17 (some operation not compiled to vector instructions), so 256.
     */
    private static final VectorSpecies<Double> E = DoubleVector.SPECIES_256;
    private static final int L = MixtureKernel.LANES;

    private MixtureKernelVector() {
    }

    static boolean usable() {
        return S.length() == L && E.vectorBitSize() >= 256 && MixtureKernel.BLOCK % E.length() == 0;
    }

    static MixtureStatistics.Result range(double[] x, int from, int to, MixtureComponents m, double[] responsibilities) {
        int k = m.k;
        double[] mu = m.means, li = m.inverseCholesky, lc = m.logConstant;
        MixtureKernel.Scratch s = new MixtureKernel.Scratch(k);
        double ll = 0;
        for (int start = from; start < to; start += MixtureKernel.BLOCK) {
            int rows = Math.min(MixtureKernel.BLOCK, to - start), whole = rows & -L, wide = rows & -E.length();
            s.reset();
            for (int c = 0; c < k; c++) {
                double[] e = s.e[c];
                DoubleVector muv = DoubleVector.broadcast(E, mu[c]), liv = DoubleVector.broadcast(E, li[c]);
                DoubleVector lcv = DoubleVector.broadcast(E, lc[c]), half = DoubleVector.broadcast(E, 0.5);
                for (int i = 0; i < wide; i += E.length()) {
                    DoubleVector z = DoubleVector.fromArray(E, x, start + i).sub(muv).mul(liv);
                    lcv.sub(half.mul(z.mul(z))).intoArray(e, i);
                }
                MixtureKernel.logDensities(x, start, wide, rows, mu[c], li[c], lc[c], e);
            }
            System.arraycopy(s.e[0], 0, s.max, 0, rows);
            for (int c = 1; c < k; c++) {
                double[] e = s.e[c];
                for (int i = 0; i < wide; i += E.length()) {
                    DoubleVector.fromArray(E, s.max, i).max(DoubleVector.fromArray(E, e, i)).intoArray(s.max, i);
                }
                MixtureKernel.maxima(e, s.max, wide, rows);
            }
            for (int c = 0; c < k; c++) {
                double[] e = s.e[c];
                for (int i = 0; i < wide; i += E.length()) {
                    DoubleVector v = exp(DoubleVector.fromArray(E, e, i).sub(DoubleVector.fromArray(E, s.max, i)));
                    v.intoArray(e, i);
                    (c == 0 ? v : DoubleVector.fromArray(E, s.sum, i).add(v)).intoArray(s.sum, i);
                }
                MixtureKernel.exponentials(e, s.max, s.sum, wide, rows, c == 0);
            }
            DoubleVector product = DoubleVector.fromArray(S, s.product, 0), maxSum = DoubleVector.fromArray(S, s.maxSum, 0);
            DoubleVector one = DoubleVector.broadcast(S, 1);
            for (int i = 0; i < whole; i += L) {
                DoubleVector sum = DoubleVector.fromArray(S, s.sum, i);
                product = product.mul(sum);
                maxSum = maxSum.add(DoubleVector.fromArray(S, s.max, i));
                one.div(sum).intoArray(s.inv, i);
            }
            product.intoArray(s.product, 0);
            maxSum.intoArray(s.maxSum, 0);
            MixtureKernel.products(s, whole, rows);
            for (int c = 0; c < k; c++) {
                double[] e = s.e[c];
                int at = c * L;
                DoubleVector muv = DoubleVector.broadcast(S, mu[c]);
                DoubleVector w = DoubleVector.fromArray(S, s.weight, at), f = DoubleVector.fromArray(S, s.first, at);
                DoubleVector q = DoubleVector.fromArray(S, s.second, at);
                for (int i = 0; i < whole; i += L) {
                    DoubleVector r = DoubleVector.fromArray(S, e, i).mul(DoubleVector.fromArray(S, s.inv, i));
                    DoubleVector v = DoubleVector.fromArray(S, x, start + i).sub(muv), rv = r.mul(v);
                    w = w.add(r);
                    f = f.add(rv);
                    q = q.add(rv.mul(v));
                }
                w.intoArray(s.weight, at);
                f.intoArray(s.first, at);
                q.intoArray(s.second, at);
                MixtureKernel.sums(x, start, whole, rows, mu[c], e, s.inv, s.weight, s.first, s.second, at);
            }
            if (responsibilities != null) MixtureKernel.store(s, start, rows, k, responsibilities);
            ll = s.finish(ll, rows);
        }
        return s.result(mu, ll);
    }

    /** {@link FastExp#exp} lane by lane: the same operations, so the same doubles. */
    static DoubleVector exp(DoubleVector t) {
        DoubleVector tt = t.max(FastExp.LOW);
        DoubleVector u = tt.fma(DoubleVector.broadcast(E, FastExp.INV_LN2), DoubleVector.broadcast(E, FastExp.SHIFT));
        DoubleVector kd = u.sub(FastExp.SHIFT);
        DoubleVector r = kd.fma(DoubleVector.broadcast(E, -FastExp.LN2_HI), tt);
        r = kd.fma(DoubleVector.broadcast(E, -FastExp.LN2_LO), r);
        double[] c = FastExp.C;
        DoubleVector p = DoubleVector.broadcast(E, c[13]);
        for (int j = 12; j >= 0; j--) p = p.fma(r, DoubleVector.broadcast(E, c[j]));
        LongVector bits = u.reinterpretAsLongs().add(1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles()).blend(0.0, t.compare(VectorOperators.LT, FastExp.LOW));
    }

    /** exp lane by lane into out[0 … n), for the tests (whole vectors, the rest by FastExp). */
    static void exp(double[] t, double[] out, int n) {
        int i = 0;
        for (; i + E.length() <= n; i += E.length()) exp(DoubleVector.fromArray(E, t, i)).intoArray(out, i);
        for (; i < n; i++) out[i] = FastExp.exp(t[i]);
    }
}
