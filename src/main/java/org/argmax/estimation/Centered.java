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

    /** The normal equations of the centred data: G = (X − x̄)ᵀ(X − x̄) (full, symmetric), (X − x̄)ᵀ(y − ȳ) and (y − ȳ)ᵀ(y − ȳ). */
    record Normal(double[][] gram, double[] xty, double yy) {
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
            double[] s = new double[d * d + d + 1]; // the lower triangle of G (row major), then (X − x̄)ᵀ(y − ȳ), then (y − ȳ)ᵀ(y − ȳ)
            double[] block = new double[BLOCK * d];
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int i = 0; i < rows; i++) {
                    double[] row = x[start + i];
                    for (int j = 0; j < d; j++) block[i * d + j] = row[j] - xMean[j];
                }
                int i = 0, xy = d * d, yy = xy + d;
                // four rows at a time: each entry of the triangle is loaded and stored once per four rows
                for (; i + 4 <= rows; i += 4) {
                    int o0 = i * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                    double y0 = y[start + i] - yMean, y1 = y[start + i + 1] - yMean, y2 = y[start + i + 2] - yMean, y3 = y[start + i + 3] - yMean;
                    s[yy] += y0 * y0 + y1 * y1 + y2 * y2 + y3 * y3;
                    for (int a = 0; a < d; a++) {
                        double x0 = block[o0 + a], x1 = block[o1 + a], x2 = block[o2 + a], x3 = block[o3 + a];
                        s[xy + a] += x0 * y0 + x1 * y1 + x2 * y2 + x3 * y3;
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
                    for (int a = 0; a < d; a++) {
                        double xa = block[o + a];
                        s[xy + a] += xa * yc;
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
        return new Normal(gram, java.util.Arrays.copyOfRange(sums, d * d, d * d + d), sums[d * d + d]);
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
