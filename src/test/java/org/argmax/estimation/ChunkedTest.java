package org.argmax.estimation;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed chunking: its ranges, its merge order, its own pool, and results equal bit for bit on one thread. */
class ChunkedTest {

    @Test
    void rangesCoverTheRowsAndMergeInOrder() {
        assertEquals("0:0-19999", Chunked.reduce(19_999, (ch, from, to) -> ch + ":" + from + "-" + to, (a, b) -> a + " " + b));
        String all = Chunked.reduce(20_001, (ch, from, to) -> ch + ":" + from + "-" + to, (a, b) -> a + " " + b);
        assertTrue(all.startsWith("0:0-1251 1:1251-2502 "), all);
        assertTrue(all.endsWith(" 15:18765-20001"), all);
        assertEquals(Chunked.CHUNKS, all.split(" ").length);
    }

    @Test
    void largePassesRunOnTheCoresOwnDaemonThreads() {
        Set<String> names = new TreeSet<>();
        Chunked.reduce(100_000, (ch, from, to) -> {
            Thread t = Thread.currentThread();
            assertTrue(t.isDaemon(), t.getName());
            synchronized (names) {
                names.add(t.getName());
            }
            return 0;
        }, Integer::sum);
        assertTrue(!names.isEmpty() && names.size() <= Chunked.THREADS, names.toString());
        for (String name : names) assertTrue(name.startsWith("argmax-fit-"), name);
        assertTrue(Chunked.THREADS >= 1 && Chunked.THREADS <= 4);
    }

    @Test
    void resultsDoNotDependOnTheThreads() {
        Rng rng = new Rng(21);
        int n = 21_003;
        double[][] x = new double[n][3];
        double[] y = new double[n], labels = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = rng.normal(i % 3 == j ? 2 : 0, 1);
            y[i] = 1 + x[i][0] - 2 * x[i][2] + rng.standardNormal();
            labels[i] = rng.uniform() < 1 / (1 + Math.exp(-x[i][1])) ? 1 : 0;
        }
        same(() -> Regression.ols(x, y).coefficients());
        same(() -> Regression.ridge(x, y, 50).coefficients());
        same(() -> Regression.logistic(x, labels, 0).coefficients());
        same(() -> KMeans.fromCenters(x, new double[][]{x[0], x[1], x[2]}, 10).centers()[1]);
        GmmOptions options = GmmOptions.defaults(3).withInit(GmmOptions.Init.RANDOM, 3).withIterations(5, 0);
        same(() -> GaussianMixture.fit(x, options).parameters().covariances()[2][1]);
        double[] column = new double[n];
        for (int i = 0; i < n; i++) column[i] = x[i][0];
        same(() -> GaussianMixture.fit(column, options).parameters().means()[1]);
    }

    private static void same(Supplier<double[]> fit) {
        assertArrayEquals(Chunked.inline(fit), fit.get());
    }
}
