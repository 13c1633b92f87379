package org.argmax.estimation;

import java.util.LinkedHashMap;
import java.util.Map;

/** MAP estimates as modes of conjugate posteriors. */
public final class Conjugate {
    private Conjugate() {
    }

    /**
     * Beta(α, β) prior, k successes in n Bernoulli trials → Beta(α+k, β+n−k).
     * Mode (k+α−1)/(n+α+β−2) when both posterior parameters exceed 1; otherwise the density is
     * highest at a boundary: 0 when α' ≤ 1 < β', 1 when β' ≤ 1 < α'. When α' = β' = 1 the posterior
     * is flat and every p is a mode: we report the MLE k/n (0.5 with no data). When both are below 1
     * the density is U-shaped; we report the boundary nearer the posterior mean.
     */
    public static Posterior betaBernoulli(double alpha, double beta, double k, double n) {
        DataChecks.positiveParameter(alpha, "the prior's alpha");
        DataChecks.positiveParameter(beta, "the prior's beta");
        if (k < 0 || n < 0 || k > n || k != Math.rint(k) || n != Math.rint(n)) {
            throw new EstimationException("successes k and trials n must be whole numbers with 0 ≤ k ≤ n, got k = " + k + ", n = " + n);
        }
        double a = alpha + k, b = beta + n - k;
        double mle = n == 0 ? 0.5 : k / n;
        double mode;
        if (a > 1 && b > 1) mode = (a - 1) / (a + b - 2);
        else if (a == 1 && b == 1) mode = mle;
        else if (a <= 1 && b > 1) mode = 0;
        else if (b <= 1 && a > 1) mode = 1;
        else mode = a / (a + b) < 0.5 ? 0 : 1;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", a);
        p.put("beta", b);
        return Posterior.scalar("beta", p, mode, a / (a + b), mle, (int) n);
    }

    /** Beta prior with Bernoulli data (0/1 values). */
    public static Posterior betaBernoulli(double alpha, double beta, double[] data) {
        Samples.check(Family.BERNOULLI, data, 0);
        return betaBernoulli(alpha, beta, Mle.sum(data), data.length);
    }

    /** Beta prior with binomial data: Σxᵢ successes out of n·m trials. */
    public static Posterior betaBinomial(double alpha, double beta, double[] data, int trials) {
        Samples.check(Family.BINOMIAL, data, trials);
        return betaBernoulli(alpha, beta, Mle.sum(data), (double) data.length * trials);
    }

    /**
     * Dirichlet(α) prior with class counts nᵢ → Dirichlet(α+n). Mode (nᵢ+αᵢ−1)/(N+Σα−K) when every
     * αᵢ+nᵢ > 1; classes with αᵢ+nᵢ ≤ 1 sit on the boundary (0) and the rest share the mass as
     * (nᵢ+αᵢ−1)/Σ over the others.
     */
    public static Posterior dirichletCategorical(double[] alpha, double[] counts) {
        Samples.check(Family.CATEGORICAL, counts, 0);
        if (alpha.length != counts.length) {
            throw new EstimationException("the Dirichlet prior has " + alpha.length + " alphas but there are " + counts.length + " classes");
        }
        int k = counts.length;
        double[] post = new double[k];
        double total = 0, postTotal = 0;
        for (int i = 0; i < k; i++) {
            DataChecks.positiveParameter(alpha[i], "the prior's alpha " + (i + 1));
            post[i] = alpha[i] + counts[i];
            total += counts[i];
            postTotal += post[i];
        }
        double[] mean = new double[k], mode = new double[k], mle = new double[k];
        double interior = 0;
        for (int i = 0; i < k; i++) {
            mean[i] = post[i] / postTotal;
            mle[i] = total == 0 ? 1.0 / k : counts[i] / total;
            if (post[i] > 1) interior += post[i] - 1;
        }
        for (int i = 0; i < k; i++) mode[i] = interior > 0 ? (post[i] > 1 ? (post[i] - 1) / interior : 0) : mean[i];
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alpha", post);
        return new Posterior("dirichlet", p, mode, mean, mle, (int) total);
    }

    /**
     * Normal mean with known variance σ² and prior N(μ₀, τ²): posterior variance
     * 1/(1/τ² + n/σ²), mean (μ₀/τ² + Σx/σ²)·posterior variance; mode = mean.
     */
    public static Posterior normalMean(double priorMean, double priorVariance, double knownVariance, double[] data) {
        Samples.check(Family.NORMAL, data, 0);
        if (!Double.isFinite(priorMean)) throw new EstimationException("the prior's mean must be a finite number");
        DataChecks.positiveParameter(priorVariance, "the prior's variance");
        DataChecks.positiveParameter(knownVariance, "the known variance (options.knownVariance)");
        int n = data.length;
        double sum = Mle.sum(data);
        double variance = 1 / (1 / priorVariance + n / knownVariance);
        double mean = (priorMean / priorVariance + sum / knownVariance) * variance;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("mean", mean);
        p.put("variance", variance);
        return Posterior.scalar("normal", p, mean, mean, sum / n, n);
    }

    /** Gamma(shape a, rate b) prior with Poisson counts → Gamma(a+Σx, b+n); mode (a'−1)/b' if a' ≥ 1, else 0. */
    public static Posterior gammaPoisson(double shape, double rate, double[] data) {
        Samples.check(Family.POISSON, data, 0);
        DataChecks.positiveParameter(shape, "the prior's shape");
        DataChecks.positiveParameter(rate, "the prior's rate");
        double a = shape + Mle.sum(data), b = rate + data.length;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("shape", a);
        p.put("rate", b);
        return Posterior.scalar("gamma", p, a >= 1 ? (a - 1) / b : 0, a / b, Mle.sum(data) / data.length, data.length);
    }

    /**
     * The posterior predictive probability that the next m flips all land heads, under a Beta(a, b)
     * posterior: E[θᵐ] = Πⱼ₌₀^{m−1} (a + j)/(a + b + j). For m = 1 it is the posterior mean a/(a + b)
     * (with a flat prior, Laplace's rule of succession (k + 1)/(n + 2)). For m ≥ 2 it is not the m-th
     * power of the one-flip probability: the flips share the unknown θ, so they are not independent
     * given the data alone.
     */
    public static double betaPredictiveAllHeads(Posterior posterior, int m) {
        if (!posterior.prior().equals("beta")) throw new EstimationException("the predictive of heads needs a Beta posterior");
        if (m < 1) throw new EstimationException("the number of future flips must be at least 1, got " + m);
        double a = posterior.parameter("alpha"), b = posterior.parameter("beta");
        double p = 1;
        for (int j = 0; j < m; j++) p *= (a + j) / (a + b + j);
        return p;
    }

    /**
     * The MAP estimate of the log-odds φ = log(θ/(1 − θ)) when θ has a Beta(a, b) posterior. Changing
     * the variable multiplies the density by |dθ/dφ| = θ(1 − θ), so the density of φ is proportional
     * to θᵃ(1 − θ)ᵇ: its mode is at θ = a/(a + b), φ̂ = log(a/b), not at the logit of the θ-mode
     * (a − 1)/(a + b − 2). MAP estimates depend on the parametrization; the MLE does not.
     */
    public static double betaLogOddsMode(Posterior posterior) {
        if (!posterior.prior().equals("beta")) throw new EstimationException("the log-odds mode needs a Beta posterior");
        return Math.log(posterior.parameter("alpha") / posterior.parameter("beta"));
    }
}
