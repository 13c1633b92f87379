package org.argmax.exercises;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.argmax.exercises.AnswerDomain.nonNegative;
import static org.argmax.exercises.AnswerDomain.nonPositive;
import static org.argmax.exercises.AnswerDomain.positive;
import static org.argmax.exercises.AnswerDomain.probability;
import static org.argmax.exercises.AnswerDomain.real;
import static org.argmax.exercises.AnswerDomain.simplex;

/**
 * The {@link AnswerDomain} of every reference of {@link References}: what any answer to it can be,
 * whatever the exercise. Exercise files do not declare domains; a new reference needs a line here
 * ({@code ReferenceDomainsTest} fails until it has one, and checks every reference's value on the
 * shipped course lies in its own domain).
 *
 * <p>Log-likelihoods: of discrete data (Bernoulli, binomial, Poisson, geometric) a sum of logs of
 * probabilities, so at most 0; of continuous data (exponential, normal, mixtures of normals) a sum
 * of logs of densities, which can be above 1, so any real number.
 */
final class ReferenceDomains {
    private static final Map<String, AnswerDomain> DOMAINS = new LinkedHashMap<>();

    static {
        for (String f : List.of("bernoulli", "binomial", "geometric")) DOMAINS.put(f + ".mle.p", probability("a probability"));
        DOMAINS.put("poisson.mle.lambda", nonNegative("a Poisson mean λ"));
        DOMAINS.put("exponential.mle.rate", positive("a rate"));
        DOMAINS.put("normal.mle.mean", real("a mean"));
        DOMAINS.put("normal.mle.variance", nonNegative("a variance"));
        DOMAINS.put("uniform.mle.a", real("an end point"));
        DOMAINS.put("uniform.mle.b", real("an end point"));
        DOMAINS.put("laplace.mle.location", real("a location"));
        DOMAINS.put("laplace.mle.scale", nonNegative("a scale"));
        DOMAINS.put("gamma.mle.shape", positive("a shape"));
        DOMAINS.put("gamma.mle.rate", positive("a rate"));
        DOMAINS.put("beta.mle.alpha", positive("a Beta parameter"));
        DOMAINS.put("beta.mle.beta", positive("a Beta parameter"));
        DOMAINS.put("normal.mle.sd", nonNegative("a standard deviation"));
        DOMAINS.put("normal.unbiased.variance", nonNegative("a variance"));
        DOMAINS.put("categorical.mle.probabilities", simplex("the probabilities"));

        for (String f : List.of("bernoulli", "binomial", "poisson", "geometric")) {
            DOMAINS.put(f + ".mle.loglik", nonPositive("a log-likelihood of discrete data"));
        }
        DOMAINS.put("bernoulli.loglik", nonPositive("a log-likelihood of discrete data"));
        DOMAINS.put("poisson.loglik", nonPositive("a log-likelihood of discrete data"));
        for (String f : List.of("exponential", "normal")) {
            DOMAINS.put(f + ".mle.loglik", real("a log-likelihood"));
            DOMAINS.put(f + ".loglik", real("a log-likelihood"));
        }

        DOMAINS.put("bernoulli.map.p", probability("a probability"));
        DOMAINS.put("bernoulli.posterior-mean.p", probability("a probability"));
        DOMAINS.put("binomial.map.p", probability("a probability"));
        DOMAINS.put("poisson.map.lambda", nonNegative("a Poisson mean λ"));
        DOMAINS.put("poisson.posterior-mean.lambda", nonNegative("a Poisson mean λ"));
        DOMAINS.put("normal.map.mean", real("a mean"));
        DOMAINS.put("categorical.map.probabilities", simplex("the probabilities"));

        DOMAINS.put("regression.ols.intercept", real("an intercept"));
        DOMAINS.put("regression.ols.slope", real("a slope"));
        DOMAINS.put("regression.ols.coefficients", real("a coefficient"));
        DOMAINS.put("regression.ols.sigma2", nonNegative("a noise variance"));
        DOMAINS.put("regression.ridge.slope", real("a slope"));
        DOMAINS.put("regression.ridge.coefficients", real("a coefficient"));
        DOMAINS.put("regression.lasso.slope", real("a slope"));

        DOMAINS.put("mixture.estep.responsibility", probability("a responsibility"));
        DOMAINS.put("mixture.mstep.weight", probability("a mixture weight"));
        DOMAINS.put("mixture.mstep.means", real("a mean"));
        DOMAINS.put("mixture.mstep.variances", nonNegative("a variance"));
        DOMAINS.put("bernoulli.wald.interval", real("an end of the interval"));
        DOMAINS.put("mixture.loglik", real("a log-likelihood"));
        DOMAINS.put("mixture.mstep.loglik", real("a log-likelihood"));
        DOMAINS.put("kmeans.step.centers", real("a centre"));
        DOMAINS.put("kmeans.inertia", nonNegative("a sum of squared distances"));
        DOMAINS.put("exponential.mle.se", nonNegative("a standard error"));
        DOMAINS.put("poisson.wald.interval", real("an end of the interval"));
        DOMAINS.put("bernoulli.credible.interval", probability("an end of a credible interval for a probability"));
        DOMAINS.put("bernoulli.predictive.p", probability("a probability"));
        DOMAINS.put("bernoulli.predictive.two-heads", probability("a probability"));
        DOMAINS.put("bernoulli.map.logodds", real("a log-odds"));
        DOMAINS.put("regression2.ridge.slopes", real("a slope"));
        DOMAINS.put("regression.ridge.loocv", nonNegative("a mean squared error"));
        DOMAINS.put("mixture.elbo.uniform", real("a lower bound on a log-likelihood"));
        DOMAINS.put("mixture.gap.uniform", nonNegative("a KL divergence"));
        DOMAINS.put("censored.em.rate", positive("a rate"));
        DOMAINS.put("censored.mle.rate", positive("a rate"));
        DOMAINS.put("normal.mle.aic", real("an information criterion"));
        DOMAINS.put("normal.mle.bic", real("an information criterion"));
        DOMAINS.put("bernoulli.se.at", nonNegative("a standard error"));
        DOMAINS.put("bernoulli.wald.at", real("an end of the interval"));
        DOMAINS.put("poisson.se.at", nonNegative("a standard error"));
        DOMAINS.put("poisson.wald.at", real("an end of the interval"));
        DOMAINS.put("normal.wald.mean.at", real("an end of the interval"));
    }

    private ReferenceDomains() {
    }

    /** Whether {@code reference} has a declared domain. */
    static boolean declares(String reference) {
        return DOMAINS.containsKey(reference);
    }

    static AnswerDomain of(String reference) {
        AnswerDomain d = DOMAINS.get(reference);
        if (d == null) throw new IllegalStateException("reference '" + reference + "' has no answer domain: declare one in ReferenceDomains");
        return d;
    }

    /** Every declared name, for the test that no declaration is left over from a removed reference. */
    static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(DOMAINS.keySet());
    }
}
