package org.argmax.estimation;

/**
 * The means of X's columns and of y: centring X and y by them makes the unpenalized intercept drop
 * out (β₀ = ȳ − x̄ᵀβ). The centred values xᵢⱼ − x̄ⱼ are formed where they are used, so X is not copied
 * row by row.
 */
record Centered(double[] xMean, double yMean) {
    private static final int PARALLEL_THRESHOLD = 20_000;
    private static final int CHUNKS = 16;
    private static final int BLOCK = 256;

    static Centered of(double[][] x, double[] y, int d) {
        int n = y.length;
        double[] xm = new double[d];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            ym += y[i] / n;
            for (int j = 0; j < d; j++) xm[j] += x[i][j] / n;
        }
        return new Centered(xm, ym);
    }

    /** The normal equations of the centred data: G = (X − x̄)ᵀ(X − x̄) (full, symmetric) and (X − x̄)ᵀ(y − ȳ). */
    record Normal(double[][] gram, double[] xty) {
    }

    /**
     * One pass over the rows, in fixed chunks (each centres blocks of rows into a contiguous buffer)
     * whose sums are merged in chunk order, so the result does not depend on the number of threads.
     */
    Normal normalEquations(double[][] x, double[] y) {
        int n = y.length, d = xMean.length;
        int chunks = n < PARALLEL_THRESHOLD ? 1 : CHUNKS;
        int size = (n + chunks - 1) / chunks;
        double[][] grams = new double[chunks][d * d], products = new double[chunks][d];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(ch -> {
            int from = ch * size, to = Math.min(n, from + size);
            double[] g = grams[ch], xy = products[ch];
            double[] block = new double[BLOCK * d];
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int i = 0; i < rows; i++) {
                    double[] row = x[start + i];
                    for (int j = 0; j < d; j++) block[i * d + j] = row[j] - xMean[j];
                }
                int i = 0;
                // four rows at a time: each entry of the triangle is loaded and stored once per four rows
                for (; i + 4 <= rows; i += 4) {
                    int o0 = i * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
                    double y0 = y[start + i] - yMean, y1 = y[start + i + 1] - yMean, y2 = y[start + i + 2] - yMean, y3 = y[start + i + 3] - yMean;
                    for (int a = 0; a < d; a++) {
                        double x0 = block[o0 + a], x1 = block[o1 + a], x2 = block[o2 + a], x3 = block[o3 + a];
                        xy[a] += x0 * y0 + x1 * y1 + x2 * y2 + x3 * y3;
                        int ga = a * d;
                        for (int b = 0; b <= a; b++) {
                            g[ga + b] += x0 * block[o0 + b] + x1 * block[o1 + b] + x2 * block[o2 + b] + x3 * block[o3 + b];
                        }
                    }
                }
                for (; i < rows; i++) {
                    int o = i * d;
                    double yc = y[start + i] - yMean;
                    for (int a = 0; a < d; a++) {
                        double xa = block[o + a];
                        xy[a] += xa * yc;
                        int ga = a * d;
                        for (int b = 0; b <= a; b++) g[ga + b] += xa * block[o + b];
                    }
                }
            }
        });
        double[][] gram = new double[d][d];
        double[] xty = new double[d];
        for (int ch = 0; ch < chunks; ch++) {
            for (int a = 0; a < d; a++) {
                xty[a] += products[ch][a];
                for (int b = 0; b <= a; b++) gram[a][b] += grams[ch][a * d + b];
            }
        }
        for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) gram[b][a] = gram[a][b];
        return new Normal(gram, xty);
    }

    /** The centred columns xⱼ − x̄ⱼ, one array per column (column-major). */
    double[][] columns(double[][] x) {
        int n = x.length, d = xMean.length;
        double[][] columns = new double[d][n];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int j = 0; j < d; j++) columns[j][i] = row[j] - xMean[j];
        }
        return columns;
    }

    double[] centredY(double[] y) {
        double[] yc = new double[y.length];
        for (int i = 0; i < y.length; i++) yc[i] = y[i] - yMean;
        return yc;
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
