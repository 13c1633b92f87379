#!/usr/bin/python3
"""Reference values for the estimation core, computed independently with Debian's numpy, scipy and
scikit-learn. Run with /usr/bin/python3 from the repository root; it rewrites
src/test/resources/fixtures/estimation.json. The Java tests read that file (no Python needed)."""
import json
import numpy as np
from scipy import stats, special, optimize
from sklearn.linear_model import LinearRegression, Ridge, Lasso, LogisticRegression
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture

rng = np.random.default_rng(20261125)
out = {"generator": "src/test/python/make_fixtures.py", "numpy": np.__version__}

def r(a):
    return [float(v) for v in np.round(a, 6)]

# ---- one-dimensional families: data, MLE, log-likelihood at the MLE and at other parameters
fam = {}
bern = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1]  # 7 heads of 10
fam["bernoulli"] = {"data": bern, "mle": {"p": 0.7},
                    "loglik_mle": float(stats.bernoulli.logpmf(bern, 0.7).sum()),
                    "at": [{"params": {"p": 0.4}, "loglik": float(stats.bernoulli.logpmf(bern, 0.4).sum())}]}
binom = [3, 5, 2, 4, 6, 3, 4]
p = sum(binom) / (len(binom) * 8)
fam["binomial"] = {"data": binom, "trials": 8, "mle": {"p": p},
                   "loglik_mle": float(stats.binom.logpmf(binom, 8, p).sum()),
                   "at": [{"params": {"p": 0.3}, "loglik": float(stats.binom.logpmf(binom, 8, 0.3).sum())}]}
counts = [5, 3, 2, 0]
probs = np.array(counts) / sum(counts)
# a sequence of categorical draws with these counts: sum n_i log p_i (0 log 0 = 0)
fam["categorical"] = {"data": counts, "mle": {"probabilities": list(probs)},
                      "loglik_mle": float(special.xlogy(counts, probs).sum()),
                      "at": [{"params": {"probabilities": [0.4, 0.3, 0.2, 0.1]},
                              "loglik": float(special.xlogy(counts, [0.4, 0.3, 0.2, 0.1]).sum())}]}
pois = [3, 5, 2, 4, 6, 0, 1, 7, 3]
lam = float(np.mean(pois))
fam["poisson"] = {"data": pois, "mle": {"lambda": lam}, "loglik_mle": float(stats.poisson.logpmf(pois, lam).sum()),
                  "at": [{"params": {"lambda": 2.5}, "loglik": float(stats.poisson.logpmf(pois, 2.5).sum())}]}
geo = [1, 3, 2, 1, 5, 2, 1, 4]
pg = len(geo) / sum(geo)
fam["geometric"] = {"data": geo, "mle": {"p": pg}, "loglik_mle": float(stats.geom.logpmf(geo, pg).sum()),
                    "at": [{"params": {"p": 0.6}, "loglik": float(stats.geom.logpmf(geo, 0.6).sum())}]}
expo = r(rng.exponential(2.0, 25))
rate = 1 / np.mean(expo)
fam["exponential"] = {"data": expo, "mle": {"rate": float(rate)},
                      "loglik_mle": float(stats.expon.logpdf(expo, scale=1 / rate).sum()),
                      "at": [{"params": {"rate": 0.3}, "loglik": float(stats.expon.logpdf(expo, scale=1 / 0.3).sum())}]}
norm = r(rng.normal(1.5, 2.0, 30))
mu, var = float(np.mean(norm)), float(np.var(norm))
fam["normal"] = {"data": norm, "mle": {"mean": mu, "variance": var, "unbiasedVariance": float(np.var(norm, ddof=1))},
                 "loglik_mle": float(stats.norm.logpdf(norm, mu, np.sqrt(var)).sum()),
                 "at": [{"params": {"mean": 0.0, "variance": 3.0}, "loglik": float(stats.norm.logpdf(norm, 0, np.sqrt(3)).sum())}]}
uni = r(rng.uniform(-1, 4, 20))
fam["uniform"] = {"data": uni, "mle": {"a": min(uni), "b": max(uni)},
                  "loglik_mle": float(stats.uniform.logpdf(uni, min(uni), max(uni) - min(uni)).sum()),
                  "at": [{"params": {"a": -2.0, "b": 5.0}, "loglik": float(stats.uniform.logpdf(uni, -2, 7).sum())}]}
lap = r(rng.laplace(0.5, 1.2, 21))
loc, scale = stats.laplace.fit(lap)
fam["laplace"] = {"data": lap, "mle": {"location": float(loc), "scale": float(scale)},
                  "loglik_mle": float(stats.laplace.logpdf(lap, loc, scale).sum()),
                  "at": [{"params": {"location": 0.0, "scale": 2.0}, "loglik": float(stats.laplace.logpdf(lap, 0, 2).sum())}]}
gam = r(rng.gamma(2.5, 1 / 1.5, 40))
a, _, sc = stats.gamma.fit(gam, floc=0)
fam["gamma"] = {"data": gam, "mle": {"shape": float(a), "rate": float(1 / sc)}, "iterative": True,
                "loglik_mle": float(stats.gamma.logpdf(gam, a, scale=sc).sum()),
                "at": [{"params": {"shape": 2.0, "rate": 1.0}, "loglik": float(stats.gamma.logpdf(gam, 2.0, scale=1.0).sum())}]}
bet = r(np.clip(rng.beta(2.0, 5.0, 40), 1e-3, 1 - 1e-3))
ab, bb, _, _ = stats.beta.fit(bet, floc=0, fscale=1)
fam["beta"] = {"data": bet, "mle": {"alpha": float(ab), "beta": float(bb)}, "iterative": True,
               "loglik_mle": float(stats.beta.logpdf(bet, ab, bb).sum()),
               "at": [{"params": {"alpha": 1.5, "beta": 4.0}, "loglik": float(stats.beta.logpdf(bet, 1.5, 4.0).sum())}]}
out["families"] = fam

mv = np.round(rng.multivariate_normal([1, -1, 0.5], [[2, 0.5, 0.2], [0.5, 1, -0.3], [0.2, -0.3, 1.5]], 50), 6)
mvm, mvc = mv.mean(axis=0), np.cov(mv.T, bias=True)
out["mvnormal"] = {"data": mv.tolist(), "mean": mvm.tolist(), "covariance": mvc.tolist(),
                   "loglik_mle": float(stats.multivariate_normal(mvm, mvc).logpdf(mv).sum())}

# ---- conjugate posteriors
out["betaBernoulli"] = [
    {"alpha": a, "beta": b, "k": k, "n": n, "mode": (k + a - 1) / (n + a + b - 2), "mean": (k + a) / (n + a + b)}
    for (a, b, k, n) in [(2, 2, 3, 3), (10, 10, 3, 3), (1, 1, 7, 10), (3, 5, 12, 40)]]
post = stats.beta(2 + 3, 2 + 0)
res = optimize.minimize_scalar(lambda t: -post.logpdf(t), bounds=(1e-9, 1 - 1e-9), method="bounded", options={"xatol": 1e-12})
out["betaBernoulliNumericalMode"] = {"alpha": 2, "beta": 2, "k": 3, "n": 3, "mode": float(res.x)}
out["gammaPoisson"] = {"shape": 2.0, "rate": 0.5, "data": pois, "postShape": 2.0 + sum(pois), "postRate": 0.5 + len(pois),
                       "mode": (2.0 + sum(pois) - 1) / (0.5 + len(pois)), "mean": (2.0 + sum(pois)) / (0.5 + len(pois))}
pv = 1 / (1 / 4.0 + len(norm) / 3.0)
out["normalMean"] = {"priorMean": 0.0, "priorVariance": 4.0, "knownVariance": 3.0, "data": norm,
                     "postVariance": pv, "postMean": (0.0 / 4.0 + sum(norm) / 3.0) * pv}
alpha = np.array([2.0, 2.0, 2.0, 2.0])
cnt = np.array(counts, dtype=float)
out["dirichlet"] = {"alpha": alpha.tolist(), "counts": counts,
                    "mode": list((cnt + alpha - 1) / (cnt.sum() + alpha.sum() - len(alpha))),
                    "mean": list((cnt + alpha) / (cnt.sum() + alpha.sum()))}

# ---- regression
X = np.round(rng.normal(0, 1, (60, 3)), 6)
y = np.round(1.0 + X @ np.array([2.0, -1.0, 0.5]) + rng.normal(0, 0.7, 60), 6)
ols = LinearRegression().fit(X, y)
resid = y - ols.predict(X)
out["ols"] = {"x": X.tolist(), "y": y.tolist(), "coefficients": [float(ols.intercept_)] + list(map(float, ols.coef_)),
              "sigma2": float(np.mean(resid ** 2)),
              "loglik": float(stats.norm.logpdf(resid, 0, np.sqrt(np.mean(resid ** 2))).sum())}
rd = Ridge(alpha=5.0).fit(X, y)
out["ridge"] = {"lambda": 5.0, "coefficients": [float(rd.intercept_)] + list(map(float, rd.coef_))}
lam_lasso = 6.0
ls = Lasso(alpha=lam_lasso / len(y), tol=1e-14, max_iter=1_000_000).fit(X, y)
out["lasso"] = {"lambda": lam_lasso, "coefficients": [float(ls.intercept_)] + list(map(float, ls.coef_))}
Xl = np.round(rng.normal(0, 1, (200, 2)), 6)
pl = 1 / (1 + np.exp(-(0.3 + Xl @ np.array([1.2, -0.8]))))
yl = (rng.uniform(size=200) < pl).astype(float)
A = np.column_stack([np.ones(len(yl)), Xl])
def logistic_fit(lam):
    pen = np.diag([0.0] + [lam] * Xl.shape[1])
    def f(b):
        eta = A @ b
        return float(np.sum(np.logaddexp(0, eta) - yl * eta) + 0.5 * b @ pen @ b)
    def g(b):
        return A.T @ (special.expit(A @ b) - yl) + pen @ b
    def h(b):
        p = special.expit(A @ b)
        return (A * (p * (1 - p))[:, None]).T @ A + pen
    res = optimize.minimize(f, np.zeros(A.shape[1]), jac=g, hess=h, method="trust-exact", options={"gtol": 1e-13})
    return res.x
b0, b2 = logistic_fit(0.0), logistic_fit(2.0)
eta0 = A @ b0
# sklearn as a second opinion (its newton-cg solver, unpenalized)
sk_lg = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-10, max_iter=10000).fit(Xl, yl)
out["logistic"] = {"x": Xl.tolist(), "y": yl.tolist(), "coefficients": list(map(float, b0)),
                   "crossEntropy": float(np.sum(np.logaddexp(0, eta0) - yl * eta0)),
                   "sklearnCoefficients": [float(sk_lg.intercept_[0])] + list(map(float, sk_lg.coef_[0])),
                   "l2": {"lambda": 2.0, "coefficients": list(map(float, b2))}}

# ---- Gaussian mixture: a reference EM written with scipy for exactly N iterations from a given start
def em(data, w, means, covs, iters, kind, reg=0.0):
    data = np.asarray(data, float)
    n, d = data.shape
    trace = []
    for it in range(iters + 1):
        logp = np.column_stack([np.log(w[k]) + stats.multivariate_normal(means[k], covs[k]).logpdf(data).reshape(n)
                                for k in range(len(w))])
        ll = special.logsumexp(logp, axis=1)
        trace.append(float(ll.sum()))
        if it == iters:
            break
        resp = np.exp(logp - ll[:, None])
        nk = resp.sum(axis=0)
        w = nk / n
        means = (resp.T @ data) / nk[:, None]
        new = []
        for k in range(len(w)):
            diff = data - means[k]
            c = (resp[:, k, None] * diff).T @ diff / nk[k]
            if kind == "diagonal":
                c = np.diag(np.diag(c))
            elif kind == "spherical":
                c = np.eye(d) * np.trace(c) / d
            new.append(c + reg * np.eye(d))
        covs = new
    return {"weights": list(map(float, w)), "means": np.asarray(means).tolist(),
            "covariances": [np.asarray(c).tolist() for c in covs], "trace": trace}

g1 = np.round(np.concatenate([rng.normal(-2, 1, 120), rng.normal(3, 1.5, 180)]), 6).reshape(-1, 1)
init1 = {"weights": [0.5, 0.5], "means": [[-1.0], [1.0]], "covariances": [[[1.0]], [[1.0]]]}
out["gmm1d"] = {"data": g1.tolist(), "init": init1, "iterations": 20,
                "result": em(g1, np.array(init1["weights"]), np.array(init1["means"]), [np.array(c) for c in init1["covariances"]], 20, "full")}
g2 = np.round(np.vstack([rng.multivariate_normal([0, 0], [[1, 0.6], [0.6, 1]], 100),
                         rng.multivariate_normal([4, 1], [[0.5, 0], [0, 2]], 80),
                         rng.multivariate_normal([1, 5], [[1.5, -0.4], [-0.4, 0.8]], 70)]), 6)
init2 = {"weights": [0.3, 0.3, 0.4], "means": [[0.5, 0.5], [3.0, 0.0], [0.0, 4.0]],
         "covariances": [[[1, 0], [0, 1]], [[1, 0], [0, 1]], [[1, 0], [0, 1]]]}
out["gmm2d"] = {"data": g2.tolist(), "init": init2, "iterations": 15, "results": {}}
for kind in ["full", "diagonal", "spherical"]:
    out["gmm2d"]["results"][kind] = em(g2, np.array(init2["weights"]), np.array(init2["means"], float),
                                       [np.array(c, float) for c in init2["covariances"]], 15, kind)
# sklearn, converged from the same start, as a second independent check of the final log-likelihood
prec = [np.linalg.inv(np.array(c, float)) for c in init2["covariances"]]
sk = GaussianMixture(3, covariance_type="full", weights_init=init2["weights"], means_init=init2["means"],
                     precisions_init=prec, init_params="random_from_data", tol=1e-12, max_iter=2000, reg_covar=1e-6).fit(g2)
out["gmm2d"]["sklearnConverged"] = {"logLikelihood": float(sk.score(g2) * len(g2)), "regularization": 1e-6}

# ---- k-means from given centres
km = KMeans(n_clusters=3, init=np.array(init2["means"]), n_init=1, max_iter=300, tol=0, algorithm="lloyd").fit(g2)
out["kmeans"] = {"data": g2.tolist(), "init": init2["means"], "centers": km.cluster_centers_.tolist(),
                 "inertia": float(km.inertia_), "labels": list(map(int, km.labels_))}

with open("src/test/resources/fixtures/estimation.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote src/test/resources/fixtures/estimation.json")
