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
    private ReferenceDomains() {
    }

    /** The domain of every reference, by name: read once by {@link References#standard()}. */
    static Map<String, AnswerDomain> standard() {
        Map<String, AnswerDomain> domains = new LinkedHashMap<>();
        for (String f : List.of("bernoulli", "binomial", "geometric")) domains.put(f + ".mle.p", probability("a probability"));
        domains.put("poisson.mle.lambda", nonNegative("a Poisson mean λ"));
        domains.put("exponential.mle.rate", positive("a rate"));
        domains.put("normal.mle.mean", real("a mean"));
        domains.put("normal.mle.variance", nonNegative("a variance"));
        domains.put("uniform.mle.a", real("an end point"));
        domains.put("uniform.mle.b", real("an end point"));
        domains.put("laplace.mle.location", real("a location"));
        domains.put("laplace.mle.scale", nonNegative("a scale"));
        domains.put("gamma.mle.shape", positive("a shape"));
        domains.put("gamma.mle.rate", positive("a rate"));
        domains.put("beta.mle.alpha", positive("a Beta parameter"));
        domains.put("beta.mle.beta", positive("a Beta parameter"));
        domains.put("normal.mle.sd", nonNegative("a standard deviation"));
        domains.put("normal.unbiased.variance", nonNegative("a variance"));
        domains.put("categorical.mle.probabilities", simplex("the probabilities"));

        for (String f : List.of("bernoulli", "binomial", "poisson", "geometric")) {
            domains.put(f + ".mle.loglik", nonPositive("a log-likelihood of discrete data"));
        }
        domains.put("bernoulli.loglik", nonPositive("a log-likelihood of discrete data"));
        domains.put("poisson.loglik", nonPositive("a log-likelihood of discrete data"));
        for (String f : List.of("exponential", "normal")) {
            domains.put(f + ".mle.loglik", real("a log-likelihood"));
            domains.put(f + ".loglik", real("a log-likelihood"));
        }

        domains.put("bernoulli.map.p", probability("a probability"));
        domains.put("bernoulli.posterior-mean.p", probability("a probability"));
        domains.put("binomial.map.p", probability("a probability"));
        domains.put("poisson.map.lambda", nonNegative("a Poisson mean λ"));
        domains.put("poisson.posterior-mean.lambda", nonNegative("a Poisson mean λ"));
        domains.put("normal.map.mean", real("a mean"));
        domains.put("categorical.map.probabilities", simplex("the probabilities"));

        domains.put("regression.ols.intercept", real("an intercept"));
        domains.put("regression.ols.slope", real("a slope"));
        domains.put("regression.ols.coefficients", real("a coefficient"));
        domains.put("regression.ols.sigma2", nonNegative("a noise variance"));
        domains.put("regression.ridge.slope", real("a slope"));
        domains.put("regression.ridge.coefficients", real("a coefficient"));
        domains.put("regression.lasso.slope", real("a slope"));

        domains.put("mixture.estep.responsibility", probability("a responsibility"));
        domains.put("mixture.mstep.weight", probability("a mixture weight"));
        domains.put("mixture.mstep.means", real("a mean"));
        domains.put("mixture.mstep.variances", nonNegative("a variance"));
        domains.put("bernoulli.wald.interval", real("an end of the interval"));
        domains.put("mixture.loglik", real("a log-likelihood"));
        domains.put("mixture.mstep.loglik", real("a log-likelihood"));
        domains.put("kmeans.step.centers", real("a centre"));
        domains.put("kmeans.inertia", nonNegative("a sum of squared distances"));
        domains.put("exponential.mle.se", nonNegative("a standard error"));
        domains.put("poisson.wald.interval", real("an end of the interval"));
        domains.put("bernoulli.credible.interval", probability("an end of a credible interval for a probability"));
        domains.put("bernoulli.predictive.p", probability("a probability"));
        domains.put("bernoulli.predictive.two-heads", probability("a probability"));
        domains.put("bernoulli.map.logodds", real("a log-odds"));
        domains.put("regression2.ridge.slopes", real("a slope"));
        domains.put("regression.ridge.loocv", nonNegative("a mean squared error"));
        domains.put("mixture.elbo.uniform", real("a lower bound on a log-likelihood"));
        domains.put("mixture.gap.uniform", nonNegative("a KL divergence"));
        domains.put("censored.em.rate", positive("a rate"));
        domains.put("censored.mle.rate", positive("a rate"));
        domains.put("normal.mle.aic", real("an information criterion"));
        domains.put("normal.mle.bic", real("an information criterion"));
        domains.put("logistic.gradient.at", real("a component of the gradient"));
        domains.put("normal2.mle.mean", real("a mean"));
        // the variances on the diagonal cannot be negative, the covariance between them can: each entry is checked as a number
        domains.put("normal2.mle.covariance", real("an entry of the covariance matrix"));
        domains.put("bernoulli.se.at", nonNegative("a standard error"));
        domains.put("bernoulli.wald.at", real("an end of the interval"));
        domains.put("poisson.se.at", nonNegative("a standard error"));
        domains.put("poisson.wald.at", real("an end of the interval"));
        domains.put("normal.wald.mean.at", real("an end of the interval"));
        // a whole run: the trace and the final parameters (TraceAnswer reads and checks each part)
        domains.put("mixture.em.run", real("a value of the run"));
        domains.put("kmeans.lloyd.run", real("a value of the run"));
        return java.util.Collections.unmodifiableMap(domains);
    }
}
