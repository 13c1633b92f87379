package org.argmax.bench;

import java.util.concurrent.TimeUnit;

import org.argmax.estimation.KMeans;
import org.argmax.estimation.KMeansFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lloyd's k-means from the same data and the same initial centres for a fixed number of iterations
 * (neither the core nor scikit-learn converges before it: each checks this in its result), fit call only.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class KMeansBenchmark {
    static final int ITERATIONS = 50;

    @State(Scope.Benchmark)
    public static class TenDimensional {
        double[][] x;
        double[][] centers;

        @Setup(Level.Trial)
        public void load() {
            x = BenchData.read("gmm10d_x");
            centers = BenchData.read("kmeans10d_centers");
        }
    }

    @State(Scope.Benchmark)
    public static class OneDimensional {
        double[][] x;
        double[][] centers;

        @Setup(Level.Trial)
        public void load() {
            x = BenchData.read("gmm1d_x");
            centers = BenchData.read("kmeans1d_centers");
        }
    }

    /** 10-D, N = 100,000, K = 10 (from the first 10 points), 50 iterations. */
    @Benchmark
    public KMeansFit coreKMeans10d(TenDimensional s) {
        return checked(KMeans.fromCenters(s.x, s.centers, ITERATIONS));
    }

    /** 1-D, N = 1,000,000, K = 5 (from −1, −0.5, 0, 0.5, 1), 50 iterations. */
    @Benchmark
    public KMeansFit coreKMeans1d(OneDimensional s) {
        return checked(KMeans.fromCenters(s.x, s.centers, ITERATIONS));
    }

    private static KMeansFit checked(KMeansFit fit) {
        if (fit.converged() || fit.iterations() != ITERATIONS) throw new IllegalStateException("k-means stopped after " + fit.iterations() + " iterations");
        return fit;
    }
}
