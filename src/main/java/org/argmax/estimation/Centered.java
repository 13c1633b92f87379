package org.argmax.estimation;

/**
 * The means of X's columns and of y: centring X and y by them makes the unpenalized intercept drop
 * out (β₀ = ȳ − x̄ᵀβ). The centred values xᵢⱼ − x̄ⱼ are formed where they are used, so X is not copied
 * row by row.
 */
record Centered(double[] xMean, double yMean) {
    private static final int BLOCK = 256;

    /** The means, from sums over {@link Chunked} ranges (merged in order) divided by n. */
    static Centered of(double[][] x, double[] y, int d) {
        int n = y.length;
        double[] sums = Chunked.reduce(n, (ch, from, to) -> {
            double[] s = new double[d + 1];
            for (int i = from; i < to; i++) {
                double[] row = x[i];
                for (int j = 0; j < d; j++) s[j] += row[j];
                s[d] += y[i];
            }
            return s;
        }, Centered::add);
        double[] xm = new double[d];
        for (int j = 0; j < d; j++) xm[j] = sums[j] / n;
        return new Centered(xm, sums[d] / n);
    }

    /**
     * The means and the normal equations in one pass over the rows instead of two: the sums are
     * taken around a provisional centre (the means of the first ≤ {@value #BLOCK} rows) and corrected
     * to the means: with δ = Σ(x − s)/n, Σ(x − x̄)(x − x̄)ᵀ = Σ(x − s)(x − s)ᵀ − nδδᵀ, and likewise for
     * Xᵀy and yᵀy. The provisional centre is near the means, so the correction is small next to the
     * sums and cancels nothing of note. Deterministic: the same centre and ranges for any thread count.
     */
    static Normal normalEquationsWithMeans(double[][] x, double[] y, int d) {
        int n = y.length, first = Math.min(n, BLOCK);
        double[] shift = new double[d];
        double yShift = 0;
        for (int i = 0; i < first; i++) {
            for (int j = 0; j < d; j++) shift[j] += x[i][j];
            yShift += y[i];
        }
        for (int j = 0; j < d; j++) shift[j] /= first;
        Normal raw = new Centered(shift, yShift / first).normalEquations(x, y);
        double[] delta = new double[d], mean = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = raw.sums()[j] / n;
            mean[j] = shift[j] + delta[j];
        }
        double yDelta = raw.sums()[d] / n;
        double[][] gram = raw.gram();
        double[] xty = raw.xty();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) gram[a][b] -= n * delta[a] * delta[b];
            xty[a] -= n * delta[a] * yDelta;
        }
        double[] sums = new double[d + 1]; // Σ(x − x̄) and Σ(y − ȳ): 0 up to rounding
        return new Normal(gram, xty, raw.yy() - n * yDelta * yDelta, sums, new Centered(mean, yShift / first + yDelta));
    }

    /**
     * The normal equations of the centred data: G = (X − x̄)ᵀ(X − x̄) (full, symmetric), (X − x̄)ᵀ(y − ȳ)
     * and (y − ȳ)ᵀ(y − ȳ), around the centre that made them; sums = Σ(x − x̄), then Σ(y − ȳ).
     */
    record Normal(double[][] gram, double[] xty, double yy, double[] sums, Centered centre) {
        /**
         * ‖(y − ȳ) − (X − x̄)β‖² = yᵀy − 2βᵀXᵀy + βᵀGβ (centred), from the sums alone. It cancels when
         * the fit is close to exact: its rounding error is about 4u·yᵀy, so relative to the result
         * it is small only while the result is not much smaller than yᵀy (see {@link Regression#ridge}).
         * {@code diagonal} is G's diagonal (the caller may have added a penalty to gram's).
         */
        double residualSumOfSquares(double[] beta, double[] diagonal) {
            int d = beta.length;
            double quadratic = 0, cross = 0;
            for (int a = 0; a < d; a++) {
                cross += beta[a] * xty[a];
                double row = 0;
                for (int b = 0; b < a; b++) row += gram[a][b] * beta[b];
                quadratic += beta[a] * (2 * row + diagonal[a] * beta[a]);
            }
            return yy - 2 * cross + quadratic;
        }
    }

    /** One pass over the rows in {@link Chunked} ranges; each centres blocks of rows into a contiguous buffer. */
    Normal normalEquations(double[][] x, double[] y) {
        int d = xMean.length;
        double[] sums = Chunked.reduce(y.length, (ch, from, to) -> {
            // the lower triangle of G (row major), then (X − x̄)ᵀ(y − ȳ), (y − ȳ)ᵀ(y − ȳ), Σ(x − x̄), Σ(y − ȳ)
            double[] s = new double[d * d + d + 1 + d + 1];
            double[] block = new double[BLOCK * d];
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int i = 0; i < rows; i++) {
                    double[] row = x[start + i];
                    for (int j = 0; j < d; j++) block[i * d + j] = row[j] - xMean[j];
                }
                int i = 0, xy = d * d, yy = xy + d, sx = yy + 1, sy = sx + d;
                // four rows at a time: each entry of the triangle is loaded and stored once per four rows
                for (; i + 4 <= rows; i += 4) {
                    int o0 = i * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                    double y0 = y[start + i] - yMean, y1 = y[start + i + 1] - yMean, y2 = y[start + i + 2] - yMean, y3 = y[start + i + 3] - yMean;
                    s[yy] += y0 * y0 + y1 * y1 + y2 * y2 + y3 * y3;
                    s[sy] += y0 + y1 + y2 + y3;
                    for (int a = 0; a < d; a++) {
                        double x0 = block[o0 + a], x1 = block[o1 + a], x2 = block[o2 + a], x3 = block[o3 + a];
                        s[xy + a] += x0 * y0 + x1 * y1 + x2 * y2 + x3 * y3;
                        s[sx + a] += x0 + x1 + x2 + x3;
                        int ga = a * d;
                        for (int b = 0; b <= a; b++) {
                            s[ga + b] += x0 * block[o0 + b] + x1 * block[o1 + b] + x2 * block[o2 + b] + x3 * block[o3 + b];
                        }
                    }
                }
                for (; i < rows; i++) {
                    int o = i * d;
                    double yc = y[start + i] - yMean;
                    s[yy] += yc * yc;
                    s[sy] += yc;
                    for (int a = 0; a < d; a++) {
                        double xa = block[o + a];
                        s[xy + a] += xa * yc;
                        s[sx + a] += xa;
                        int ga = a * d;
                        for (int b = 0; b <= a; b++) s[ga + b] += xa * block[o + b];
                    }
                }
            }
            return s;
        }, Centered::add);
        double[][] gram = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = sums[a * d + b];
                gram[b][a] = sums[a * d + b];
            }
        }
        return new Normal(gram, java.util.Arrays.copyOfRange(sums, d * d, d * d + d), sums[d * d + d],
                java.util.Arrays.copyOfRange(sums, d * d + d + 1, d * d + 2 * d + 2), this);
    }

    /** a += b, element by element; returns a. */
    static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) a[i] += b[i];
        return a;
    }

    double[] withIntercept(double[] slopes) {
        double[] beta = new double[slopes.length + 1];
        beta[0] = yMean;
        for (int j = 0; j < slopes.length; j++) {
            beta[j + 1] = slopes[j];
            beta[0] -= slopes[j] * xMean[j];
        }
        return beta;
    }
}
