package org.argmax.estimation;

/**
 * The upper-triangular factor R of the Householder QR of the tall matrix [1 X y] (n × m, m = d + 2),
 * computed block by block: each block of rows is reduced into the running R with Householder
 * reflections that touch only R's row j and the block. R's last column holds Qᵀy, so least squares
 * never forms Q. Each {@link Chunked} range reduces its rows into its own R; merging reduces the next
 * range's R into the running one.
 */
final class TallQr {
    private static final int BLOCK = 128;

    private TallQr() {
    }

    /** R (m × m, row major) of [1 X y]. */
    static double[] factor(double[][] x, double[] y, int d) {
        int m = d + 2;
        double[] s = new double[m];
        return Chunked.reduce(y.length, (ch, from, to) -> {
            double[] r = new double[m * m];
            double[] block = new double[BLOCK * m];
            double[] scratch = new double[m];
            for (int start = from; start < to; start += BLOCK) {
                int rows = Math.min(BLOCK, to - start);
                for (int i = 0; i < rows; i++) {
                    int o = i * m;
                    block[o] = 1;
                    System.arraycopy(x[start + i], 0, block, o + 1, d);
                    block[o + m - 1] = y[start + i];
                }
                reduce(r, block, rows, m, scratch);
            }
            return r;
        }, (r, next) -> {
            reduce(r, next, m, m, s);
            return r;
        });
    }

    /** Replaces R by the triangular factor of [R; block] (block: rows × m, row major; overwritten). */
    static void reduce(double[] r, double[] block, int rows, int m, double[] s) {
        for (int j = 0; j < m; j++) {
            double sigma = 0;
            for (int i = 0; i < rows; i++) {
                double b = block[i * m + j];
                sigma += b * b;
            }
            if (sigma == 0) continue;
            double alpha = r[j * m + j];
            double norm = Math.sqrt(alpha * alpha + sigma);
            double diagonal = alpha > 0 ? -norm : norm;
            double v0 = alpha - diagonal; // Householder vector v = (v0, block[·][j]), H = I − 2vvᵀ/vᵀv
            double scale = 2 / (v0 * v0 + sigma);
            int rj = j * m;
            for (int c = j + 1; c < m; c++) s[c] = v0 * r[rj + c];
            for (int i = 0; i < rows; i++) {
                int o = i * m;
                double b = block[o + j];
                for (int c = j + 1; c < m; c++) s[c] += b * block[o + c];
            }
            for (int c = j + 1; c < m; c++) {
                s[c] *= scale;
                r[rj + c] -= s[c] * v0;
            }
            for (int i = 0; i < rows; i++) {
                int o = i * m;
                double b = block[o + j];
                for (int c = j + 1; c < m; c++) block[o + c] -= s[c] * b;
            }
            r[rj + j] = diagonal;
        }
    }
}
