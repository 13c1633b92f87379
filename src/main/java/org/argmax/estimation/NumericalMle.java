package org.argmax.estimation;


import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MLEs without a closed form, by Newton's method with safeguards: the gamma shape solves
 * log α − ψ(α) = log x̄ − mean(log x) (Minka's start, bisection when a step leaves the bracket);
 * the beta parameters solve ψ(α+β) − ψ(α) = −mean(log x), ψ(α+β) − ψ(β) = −mean(log(1−x)) with
 * step halving so the log-likelihood never decreases.
 */
final class NumericalMle {
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-12;

    private NumericalMle() {
    }

    /** α̂ from Newton on log α − ψ(α) = s; β̂ = α̂ / x̄ (rate). */
    static Fit gamma(double[] x) {
        Samples.check(Family.GAMMA, x, 0);
        DataChecks.atLeast(x, 2, "a gamma shape");
        double mean = Mle.sum(x) / x.length;
        double meanLog = 0;
        for (double xi : x) meanLog += Math.log(xi) / x.length;
        double s = Math.log(mean) - meanLog;
        if (!(s > 1e-14)) throw new EstimationException("all values are (nearly) equal, so the gamma shape has no finite estimate; give values that differ");
        double a = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        double lo = 1e-12, hi = 1e12;
        int it = 0;
        boolean converged = false;
        while (it < MAX_ITERATIONS) {
            it++;
            double f = Math.log(a) - Digamma.digamma(a) - s;   // decreasing in a
            if (f > 0) lo = a; else hi = a;
            double df = 1 / a - Digamma.trigamma(a);
            double next = a - f / df;
            if (!(next > lo && next < hi)) next = hi < 1e12 ? 0.5 * (lo + hi) : 2 * a; // bisect inside the bracket
            if (Math.abs(next - a) <= TOLERANCE * a) {
                a = next;
                converged = true;
                break;
            }
            a = next;
        }
        if (!converged) throw new EstimationException("the gamma shape estimate did not converge in " + MAX_ITERATIONS + " steps");
        double rate = a / mean;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("shape", a);
        e.put("rate", rate);
        return new Fit(Family.GAMMA.jsonName(), e, LogLikelihood.gamma(x, a, rate), x.length, it, true);
    }

    /** (α̂, β̂) by Newton on the digamma equations, from a moment-matching start. */
    static Fit beta(double[] x) {
        Samples.check(Family.BETA, x, 0);
        DataChecks.atLeast(x, 2, "beta parameters");
        int n = x.length;
        double m = Mle.sum(x) / n, v = 0, g1 = 0, g2 = 0;
        for (double xi : x) {
            v += (xi - m) * (xi - m) / n;
            g1 += Math.log(xi) / n;
            g2 += Math.log1p(-xi) / n;
        }
        if (v == 0) throw new EstimationException("all values are equal, so the beta parameters have no finite estimate; give values that differ");
        double common = m * (1 - m) / v - 1;
        double a = common > 0 ? m * common : 1, b = common > 0 ? (1 - m) * common : 1;
        double ll = LogLikelihood.beta(x, a, b);
        int it = 0;
        boolean converged = false;
        while (it < MAX_ITERATIONS) {
            it++;
            double psiAb = Digamma.digamma(a + b), triAb = Digamma.trigamma(a + b);
            double ga = psiAb - Digamma.digamma(a) + g1;
            double gb = psiAb - Digamma.digamma(b) + g2;
            double haa = triAb - Digamma.trigamma(a), hbb = triAb - Digamma.trigamma(b), hab = triAb;
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(-hab * ga + haa * gb) / det;
            double step = 1;
            double na = a + da, nb = b + db, nll = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 60; halving++) {
                na = a + step * da;
                nb = b + step * db;
                if (na > 0 && nb > 0) {
                    nll = LogLikelihood.beta(x, na, nb);
                    if (nll >= ll - 1e-12 * Math.abs(ll)) break;
                }
                step /= 2;
            }
            if (!(na > 0 && nb > 0) || nll == Double.NEGATIVE_INFINITY) break;
            boolean small = Math.abs(na - a) <= TOLERANCE * a && Math.abs(nb - b) <= TOLERANCE * b;
            a = na;
            b = nb;
            ll = nll;
            if (small) {
                converged = true;
                break;
            }
        }
        if (!converged) throw new EstimationException("the beta parameter estimates did not converge; the data may be too concentrated near 0 or 1");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("alpha", a);
        e.put("beta", b);
        return new Fit(Family.BETA.jsonName(), e, ll, n, it, true);
    }
}
