package org.argmax.bench;

import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.argmax.estimation.LinearFit;
import org.argmax.estimation.LogisticFit;
import org.argmax.estimation.Regression;
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
 * OLS and ridge (N = 1,000,000, D = 20), logistic regression (N = 200,000, D = 20, no penalty) and
 * lasso (N = 200,000, D = 20, a fixed number of coordinate-descent sweeps), fit call only.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch", "--add-modules=jdk.incubator.vector"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class RegressionBenchmark {
    /** Ridge penalty λ on ‖β‖² (scikit-learn alpha = λ). */
    static final double RIDGE_LAMBDA = 10_000;
    /** Lasso penalty λ on ‖β‖₁ with ½‖r‖² (scikit-learn alpha = λ / n). */
    static final double LASSO_LAMBDA = 10_000;
    static final int LASSO_SWEEPS = 50;

    @State(Scope.Benchmark)
    public static class Ols {
        double[][] x;
        double[] y;

        @Setup(Level.Trial)
        public void load() {
            double[][] xy = BenchData.read("ols_xy");
            y = BenchData.column(xy, 0);
            x = BenchData.dropFirstColumn(xy);
        }
    }

    @State(Scope.Benchmark)
    public static class Logit {
        double[][] x;
        double[] y;

        @Setup(Level.Trial)
        public void load() {
            double[][] xy = BenchData.read("logit_xy");
            y = BenchData.column(xy, 0);
            x = BenchData.dropFirstColumn(xy);
        }
    }

    @State(Scope.Benchmark)
    public static class LassoData {
        double[][] x;
        double[] y;

        @Setup(Level.Trial)
        public void load() {
            double[][] xy = BenchData.read("lasso_xy");
            y = BenchData.column(xy, 0);
            x = BenchData.dropFirstColumn(xy);
        }
    }

    @Benchmark
    public LinearFit coreOls(Ols s) {
        return Regression.ols(s.x, s.y);
    }

    /** newSampleData copies the data and does the QR; estimateRegressionParameters solves. */
    @Benchmark
    public double[] commonsMathOls(Ols s) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(s.y, s.x);
        return ols.estimateRegressionParameters();
    }

    @Benchmark
    public LogisticFit coreLogistic(Logit s) {
        return Regression.logistic(s.x, s.y, 0);
    }

    @Benchmark
    public LinearFit coreRidge(Ols s) {
        return Regression.ridge(s.x, s.y, RIDGE_LAMBDA);
    }

    /** Tolerance 0: every sweep runs unless β stops changing exactly (checked: it does not). */
    @Benchmark
    public LinearFit coreLasso(LassoData s) {
        LinearFit fit = Regression.lasso(s.x, s.y, LASSO_LAMBDA, 0, LASSO_SWEEPS);
        if (fit.converged() || fit.iterations() != LASSO_SWEEPS) throw new IllegalStateException("lasso stopped after " + fit.iterations() + " sweeps");
        return fit;
    }
}
