import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import smile.stat.distribution.ExponentialFamilyMixture;
import smile.stat.distribution.GaussianDistribution;
import smile.stat.distribution.Mixture;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;
import smile.tensor.DenseMatrix;

/**
 * Smile 6.3.0 EM on the benchmark data (needs Java 25; run by run-benchmarks.sh with the Temurin 25
 * JDK and --enable-native-access=ALL-UNNAMED). Not JMH: a plain loop, WARMUP untimed fits then REPEATS
 * timed ones, one JSON line per fit; the script runs it in two JVMs (like two forks). tol = −∞
 * because Smile stops when logL − previous ≤ tol with previous starting at 0 (any finite tol
 * gives one iteration); fit overwrites the component array, so each fit gets fresh components.
 * Usage: SmileGmm DATA_DIR gmm1d|gmm10d WARMUP REPEATS
 */
public class SmileGmm {
    public static void main(String[] args) throws Exception {
        String dir = args[0], which = args[1];
        int warmup = Integer.parseInt(args[2]), repeats = Integer.parseInt(args[3]);
        if (which.equals("gmm1d")) {
            double[][] xx = read(dir, "gmm1d_x"), init = read(dir, "gmm1d_init");
            double[] x = new double[xx.length];
            for (int i = 0; i < x.length; i++) x[i] = xx[i][0];
            for (int r = 0; r < warmup + repeats; r++) {
                Mixture.Component[] comps = new Mixture.Component[init.length];
                double total = 0;
                for (double[] row : init) total += row[0];
                for (int c = 0; c < init.length; c++) {
                    comps[c] = new Mixture.Component(init[c][0] / total, new GaussianDistribution(init[c][1], Math.sqrt(init[c][2])));
                }
                long t0 = System.nanoTime();
                ExponentialFamilyMixture fit = ExponentialFamilyMixture.fit(x, comps, 0.0, 100, Double.NEGATIVE_INFINITY);
                double t = (System.nanoTime() - t0) / 1e9;
                report(which, r < warmup, t, fit.components[0].priori());
            }
        } else {
            double[][] x = read(dir, "gmm10d_x"), init = read(dir, "gmm10d_init");
            int d = x[0].length;
            for (int r = 0; r < warmup + repeats; r++) {
                MultivariateMixture.Component[] comps = new MultivariateMixture.Component[init.length];
                double total = 0;
                for (double[] row : init) total += row[0];
                for (int c = 0; c < init.length; c++) {
                    double[] mu = java.util.Arrays.copyOfRange(init[c], 1, 1 + d);
                    double[][] cov = new double[d][d];
                    for (int a = 0; a < d; a++) System.arraycopy(init[c], 1 + d + a * d, cov[a], 0, d);
                    comps[c] = new MultivariateMixture.Component(init[c][0] / total, new MultivariateGaussianDistribution(mu, DenseMatrix.of(cov)));
                }
                long t0 = System.nanoTime();
                MultivariateExponentialFamilyMixture fit = MultivariateExponentialFamilyMixture.fit(x, comps, 0.0, 50, Double.NEGATIVE_INFINITY);
                double t = (System.nanoTime() - t0) / 1e9;
                report(which, r < warmup, t, fit.components[0].priori());
            }
        }
    }

    static void report(String which, boolean warmup, double seconds, double weight0) {
        System.out.printf("{\"impl\": \"smile\", \"case\": \"%s\", \"warmup\": %b, \"time_s\": %.6f, \"weight0\": %.6f}%n", which, warmup, seconds, weight0);
    }

    static double[][] read(String dir, String name) throws java.io.IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(dir, name + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
        int rows = Math.toIntExact(b.getLong()), cols = Math.toIntExact(b.getLong());
        DoubleBuffer values = b.asDoubleBuffer();
        double[][] out = new double[rows][cols];
        for (double[] row : out) values.get(row);
        return out;
    }
}
