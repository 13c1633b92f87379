package org.argmax.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.argmax.estimation.GmmParameters;

/**
 * Reads the data sets written by src/jmh/python/make_data.py: little-endian int64 rows, int64 cols,
 * then rows × cols float64 row-major. The directory is {@code -Dbench.data} (default target/bench-data).
 */
final class BenchData {
    private BenchData() {
    }

    static double[][] read(String name) {
        Path file = Path.of(System.getProperty("bench.data", "target/bench-data"), name + ".bin");
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            int rows = Math.toIntExact(b.getLong()), cols = Math.toIntExact(b.getLong());
            java.nio.DoubleBuffer values = b.asDoubleBuffer();
            double[][] out = new double[rows][cols];
            for (double[] row : out) values.get(row);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("missing benchmark data " + file + ": run src/jmh/python/make_data.py first", e);
        }
    }

    /** Column {@code j} of {@code m}. */
    static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = m[i][j];
        return out;
    }

    /** Columns {@code from…} of every row. */
    static double[][] dropFirstColumn(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = java.util.Arrays.copyOfRange(m[i], 1, m[i].length);
        return out;
    }

    /** Rows [weight, mean (d), covariance (d × d row-major)] as parameters. */
    static GmmParameters mixture(double[][] init, int d) {
        int k = init.length;
        double[] w = new double[k];
        double[][] mu = new double[k][d];
        double[][][] cov = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            w[c] = init[c][0];
            System.arraycopy(init[c], 1, mu[c], 0, d);
            for (int a = 0; a < d; a++) System.arraycopy(init[c], 1 + d + a * d, cov[c][a], 0, d);
        }
        double total = 0;
        for (double v : w) total += v;
        for (int c = 0; c < k; c++) w[c] /= total;
        return new GmmParameters(w, mu, cov);
    }
}
