package org.argmax.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two versions of the core in one JVM, their fits alternated (ABBA…), for a paired speed-up that a
 * loaded machine disturbs far less than separate JMH forks: each version's estimation package is
 * loaded by its own class loader (with EJML and Hipparchus), the data once. Not JMH: plain
 * System.nanoTime around each fit, after 3 untimed pairs. Run by src/jmh/side-by-side.sh.
 * <p>
 * Arguments: old classes dir, new classes dir, dependency class path, case (ols, ridge, logistic,
 * lasso, kmeans10d, kmeans1d), timed pairs. Prints the medians, the median paired ratio old/new and
 * its range.
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] a) throws Exception {
        List<URL> deps = new ArrayList<>();
        for (String p : a[2].split(":")) if (!p.isEmpty()) deps.add(Path.of(p).toUri().toURL());
        String c = a[3];
        int pairs = Integer.parseInt(a[4]);
        Method[] fit = new Method[2];
        Object[] args;
        for (int v = 0; v < 2; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(a[v]).toUri().toURL());
            urls.addAll(deps);
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> regression = loader.loadClass("org.argmax.estimation.Regression");
            fit[v] = switch (c) {
                case "ols" -> regression.getMethod("ols", double[][].class, double[].class);
                case "ridge", "logistic" -> regression.getMethod(c, double[][].class, double[].class, double.class);
                case "lasso" -> regression.getMethod("lasso", double[][].class, double[].class, double.class, double.class, int.class);
                case "kmeans10d", "kmeans1d" -> loader.loadClass("org.argmax.estimation.KMeans").getMethod("fromCenters", double[][].class, double[][].class, int.class);
                default -> throw new IllegalArgumentException("unknown case " + c + " (ols, ridge, logistic, lasso, kmeans10d, kmeans1d)");
            };
        }
        if (c.startsWith("kmeans")) {
            args = new Object[]{BenchData.read(c.equals("kmeans10d") ? "gmm10d_x" : "gmm1d_x"), BenchData.read(c + "_centers"), KMeansBenchmark.ITERATIONS};
        } else {
            double[][] xy = BenchData.read(switch (c) {
                case "logistic" -> "logit_xy";
                case "lasso" -> "lasso_xy";
                default -> "ols_xy";
            });
            double[][] x = BenchData.dropFirstColumn(xy);
            double[] y = BenchData.column(xy, 0);
            args = switch (c) {
                case "ols" -> new Object[]{x, y};
                case "ridge" -> new Object[]{x, y, RegressionBenchmark.RIDGE_LAMBDA};
                case "logistic" -> new Object[]{x, y, 0.0};
                default -> new Object[]{x, y, RegressionBenchmark.LASSO_LAMBDA, 0.0, RegressionBenchmark.LASSO_SWEEPS};
            };
        }
        double[][] t = new double[2][pairs];
        double[] ratio = new double[pairs];
        for (int r = -3; r < pairs; r++) {
            for (int k = 0; k < 2; k++) {
                int v = (r & 1) == 0 ? k : 1 - k;
                long t0 = System.nanoTime();
                fit[v].invoke(null, args);
                long t1 = System.nanoTime();
                if (r >= 0) t[v][r] = (t1 - t0) / 1e9;
            }
            if (r >= 0) ratio[r] = t[0][r] / t[1][r];
        }
        for (double[] tv : t) Arrays.sort(tv);
        Arrays.sort(ratio);
        System.out.printf("%s: old median %.4f s, new median %.4f s, paired old/new median %.2f (range %.2f–%.2f, %d pairs), load %s%n",
                c, t[0][pairs / 2], t[1][pairs / 2], ratio[pairs / 2], ratio[0], ratio[pairs - 1], pairs,
                Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
