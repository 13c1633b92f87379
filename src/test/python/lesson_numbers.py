#!/usr/bin/python3
"""Every worked number of the lessons estimator-quality, bayesian-uncertainty, choosing-lambda and
why-em-works, and of the hand calculations added to cross-entropy (the logistic gradient) and
gaussian-mle (two variables), recomputed with numpy/scipy. Run from the repository root:

    /usr/bin/python3 src/test/python/lesson_numbers.py

Each line prints a number as the lesson states it (rounded the same way) next to more digits, so a
reader can check the text against it. The script asserts the identities the lessons rely on (the LOO
shortcut equals refitting, ELBO + KL = log-likelihood, EM's error ratio tends to m/n)."""
import math

import numpy as np
from scipy import optimize, special, stats

Z = stats.norm.ppf(0.975)


def show(label, value, digits=3):
    if isinstance(value, (list, tuple, np.ndarray)):
        print(f"  {label}: [" + ", ".join(f"{v:.{digits}f}" for v in value) + "]   (" + ", ".join(repr(float(v)) for v in value) + ")")
    else:
        print(f"  {label}: {value:.{digits}f}   ({float(value)!r})")


# ------------------------------------------------------------------ estimator-quality
print("estimator-quality")
n, s2 = 10, 4.0
show("bias of the variance MLE, -sigma2/n", -s2 / n, 2)
var_mle = 2 * (n - 1) * s2 ** 2 / n ** 2
show("Var of the variance MLE, 2(n-1)sigma^4/n^2", var_mle, 2)
show("MSE of the variance MLE", var_mle + (s2 / n) ** 2, 2)
show("MSE of s^2 = Var, 2 sigma^4/(n-1)", 2 * s2 ** 2 / (n - 1), 3)
show("MSE of the divide-by-(n+1) estimator, 2 sigma^4/(n+1)", 2 * s2 ** 2 / (n + 1), 3)
show("bias of SS/(n+1), -2 sigma2/(n+1)", -2 * s2 / (n + 1), 3)
show("variance of SS/(n+1), 2(n-1) sigma^4/(n+1)^2", 2 * (n - 1) * s2 ** 2 / (n + 1) ** 2, 3)
# simulation check of the MSE formulas
rng = np.random.default_rng(1)
x = rng.normal(0, 2, size=(400_000, n))
ss = ((x - x.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
show("  simulated MSE of the MLE (400,000 samples)", np.mean((ss / n - s2) ** 2), 2)
show("  simulated MSE of s^2", np.mean((ss / (n - 1) - s2) ** 2), 2)
show("  simulated MSE of SS/(n+1)", np.mean((ss / (n + 1) - s2) ** 2), 2)

# exponential rate: n = 25, mean 2
n, xbar = 25, 2.0
rate = 1 / xbar
info = n / rate ** 2
show("rate MLE 1/xbar", rate, 1)
show("Fisher information n/rate^2", info, 0)
show("standard error 1/sqrt(I)", 1 / math.sqrt(info), 2)
show("95% Wald interval for the rate", [rate - Z * rate / math.sqrt(n), rate + Z * rate / math.sqrt(n)], 3)

# coin: 40 heads in 100
p, n = 0.4, 100
se = math.sqrt(p * (1 - p) / n)
show("coin se, 40 of 100", se, 3)
show("coin 95% Wald", [p - Z * se, p + Z * se], 3)

# Poisson: 160 calls in 50 hours
lam, n = 160 / 50, 50
se = math.sqrt(lam / n)
show("Poisson lambda-hat", lam, 1)
show("Poisson se sqrt(lambda/n)", se, 3)
show("Poisson 95% Wald", [lam - Z * se, lam + Z * se], 3)


def wald_coverage(theta, n):
    k = np.arange(n + 1)
    ph = k / n
    half = Z * np.sqrt(ph * (1 - ph) / n)
    covers = (ph - half <= theta) & (theta <= ph + half)
    return float(stats.binom.pmf(k, n, theta)[covers].sum())


for theta, n in [(0.3, 10), (0.3, 40), (0.3, 200), (0.05, 20), (0.05, 200)]:
    show(f"exact coverage of the 95% Wald interval, theta={theta}, n={n}", wald_coverage(theta, n), 3)
show("se of k/n at theta = 0.3, n = 40", math.sqrt(0.3 * 0.7 / 40), 4)
show("se of k/n at theta = 0.3, n = 160", math.sqrt(0.3 * 0.7 / 160), 4)

# ------------------------------------------------------------------ bayesian-uncertainty
print("bayesian-uncertainty")
a, b = 2 + 7, 2 + 3
show("Beta(9, 5) 95% equal-tailed credible interval", stats.beta.ppf([0.025, 0.975], a, b), 3)
show("posterior mean 9/14", a / (a + b), 3)
show("posterior mode 8/12", (a - 1) / (a + b - 2), 3)
show("posterior median", stats.beta.median(a, b), 3)
se = math.sqrt(0.7 * 0.3 / 10)
show("Wald interval on 7/10", [0.7 - Z * se, 0.7 + Z * se], 3)
show("P(theta > 0.5 | data) for Beta(9, 5)", stats.beta.sf(0.5, a, b), 3)
for k, n in [(70, 100), (700, 1000)]:
    pa, pb = 2 + k, 2 + n - k
    se = math.sqrt(k / n * (1 - k / n) / n)
    show(f"credible interval, Beta(2,2) prior, {k}/{n}", stats.beta.ppf([0.025, 0.975], pa, pb), 3)
    show(f"Wald interval, {k}/{n}", [k / n - Z * se, k / n + Z * se], 3)
show("Laplace, 3 heads in 3 flips: (k+1)/(n+2)", 4 / 5, 1)
show("Laplace, 0 heads in 4 flips", 1 / 6, 3)
show("P(two heads) = E[theta^2], Beta(9, 5)", a * (a + 1) / ((a + b) * (a + b + 1)), 4)
show("  check with scipy's second moment", stats.beta.moment(2, a, b), 4)
show("(posterior mean)^2", (a / (a + b)) ** 2, 4)
show("posterior variance of Beta(9,5)", stats.beta.var(a, b), 4)
# parametrization: uniform prior, 3 heads in 3 flips -> Beta(4, 1)
show("MAP of the log-odds for Beta(4, 1): log 4", math.log(4), 3)
show("theta at that log-odds: 4/5", special.expit(math.log(4)), 1)
# check numerically: density of phi ∝ theta^4 (1-theta)
phi = optimize.minimize_scalar(lambda f: -(4 * math.log(special.expit(f)) + math.log(special.expit(-f))), bounds=(-10, 10), method="bounded", options={"xatol": 1e-10}).x
show("  numerical mode of the log-odds density", phi, 3)
show("Beta(9,5): logit of the theta-mode 2/3 = log 2", math.log(2), 3)
show("Beta(9,5): MAP of the log-odds log(9/5)", math.log(9 / 5), 3)
show("Beta(9,5): theta at log(9/5) = 9/14", 9 / 14, 3)
show("Beta(9,5): logit of the posterior median", special.logit(stats.beta.median(a, b)), 3)

# ------------------------------------------------------------------ choosing-lambda
print("choosing-lambda")
x1 = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
x2 = np.array([1.2, 1.9, 3.2, 3.8, 5.1, 6.0])
y = np.array([2.3, 3.9, 6.5, 7.6, 10.4, 11.8])
X = np.column_stack([x1, x2])
Xc, yc = X - X.mean(axis=0), y - y.mean()
G, g = Xc.T @ Xc, Xc.T @ yc
print("  centred sums s11, s12, s22:", G[0, 0], G[0, 1], G[1, 1], " s1y, s2y:", g)
show("means x1, x2, y", [*X.mean(axis=0), y.mean()], 3)
ols = np.linalg.solve(G, g)
show("OLS slopes", ols, 3)
show("OLS intercept", y.mean() - X.mean(axis=0) @ ols, 3)
for lam in [1.0, 5.0]:
    r = np.linalg.solve(G + lam * np.eye(2), g)
    show(f"ridge slopes, lambda={lam}", r, 3)
    show(f"ridge intercept, lambda={lam}", y.mean() - X.mean(axis=0) @ r, 3)
show("determinant of the centred X^T X", np.linalg.det(G), 3)
show("determinant with lambda = 1", np.linalg.det(G + np.eye(2)), 3)
show("eigenvalues of the centred X^T X", np.linalg.eigvalsh(G), 4)
# sklearn agrees (intercept unpenalized)
from sklearn.linear_model import Ridge
r5 = Ridge(alpha=5.0, solver="cholesky").fit(X, y)
assert np.allclose(r5.coef_, np.linalg.solve(G + 5 * np.eye(2), g), atol=1e-12)

# many features, few points: polynomial fits of degree 1, 3, 9 to 10 points of sin(2 pi x)
rng = np.random.default_rng(7)
xt = np.sort(rng.uniform(0, 1, 10))
yt = np.sin(2 * np.pi * xt) + rng.normal(0, 0.25, 10)
xv = rng.uniform(0, 1, 1000)
yv = np.sin(2 * np.pi * xv) + rng.normal(0, 0.25, 1000)


def poly(xs, degree, centre, scale):
    return np.column_stack([((xs ** j) - centre[j - 1]) / scale[j - 1] for j in range(1, degree + 1)])


for degree in [1, 3, 9]:
    raw = np.column_stack([xt ** j for j in range(1, degree + 1)])
    centre, scale = raw.mean(axis=0), raw.std(axis=0)
    for lam in [0.0, 1e-3]:
        F = poly(xt, degree, centre, scale)
        Fc = F - F.mean(axis=0)
        beta = np.linalg.solve(Fc.T @ Fc + lam * np.eye(degree), Fc.T @ (yt - yt.mean()))
        b0 = yt.mean() - F.mean(axis=0) @ beta
        train = np.sqrt(np.mean((yt - b0 - F @ beta) ** 2))
        test = np.sqrt(np.mean((yv - b0 - poly(xv, degree, centre, scale) @ beta) ** 2))
        print(f"  degree {degree}, lambda {lam:g}: training RMSE {train:.3f}, test RMSE {test:.3f}, largest |coefficient| {np.abs(beta).max():.3g}")

# LOO cross-validation, one feature, six points
x = np.array([0.5, 1.5, 2.0, 3.5, 4.0, 5.5])
y = np.array([2.4, 1.6, 3.1, 2.2, 3.5, 2.9])
n = x.size
sxx = ((x - x.mean()) ** 2).sum()
sxy = ((x - x.mean()) * (y - y.mean())).sum()
show("xbar, ybar", [x.mean(), y.mean()], 3)
show("Sxx, Sxy", [sxx, sxy], 3)


def loo_shortcut(lam):
    b1 = sxy / (sxx + lam)
    b0 = y.mean() - b1 * x.mean()
    e = y - b0 - b1 * x
    h = 1 / n + (x - x.mean()) ** 2 / (sxx + lam)
    return np.mean((e / (1 - h)) ** 2), b1, e, h


def loo_refit(lam):
    total = 0
    for i in range(n):
        keep = np.arange(n) != i
        xs, ys = x[keep], y[keep]
        b1 = ((xs - xs.mean()) * (ys - ys.mean())).sum() / (((xs - xs.mean()) ** 2).sum() + lam)
        b0 = ys.mean() - b1 * xs.mean()
        total += (y[i] - b0 - b1 * x[i]) ** 2
    return total / n


for lam in [0.0, 2.0, 5.0, 10.0, 20.0, 50.0]:
    cv, b1, e, h = loo_shortcut(lam)
    assert abs(cv - loo_refit(lam)) < 1e-12, lam
    print(f"  lambda {lam:g}: slope {b1:.4f}, training MSE {np.mean(e ** 2):.4f}, LOO CV {cv:.4f}")
cv, b1, e, h = loo_shortcut(10.0)
show("lambda = 10: intercept", y.mean() - b1 * x.mean(), 4)
show("lambda = 10: residuals", e, 3)
show("lambda = 10: leverages", h, 3)
show("lambda = 10: e/(1-h)", e / (1 - h), 3)
grid = np.linspace(0, 50, 50001)
best = grid[np.argmin([loo_shortcut(l)[0] for l in grid])]
show("LOO-best lambda on a grid 0..50 (step 0.001)", best, 2)
show("LOO CV at the best lambda", loo_shortcut(best)[0], 4)

# standardizing: the same data with x in metres and in kilometres (x1000), lambda = 5
xm = x * 1000
for name, xs in [("x", x), ("1000 x", xm), ("x / 1000", x / 1000)]:
    s_xx = ((xs - xs.mean()) ** 2).sum()
    s_xy = ((xs - xs.mean()) * (y - y.mean())).sum()
    b = s_xy / (s_xx + 5)
    print(f"  units {name}: OLS slope {s_xy / s_xx:.6g}, ridge slope (lambda 5) {b:.6g}, shrink factor {s_xx / (s_xx + 5):.6f}, prediction at the largest x {y.mean() + b * (xs.max() - xs.mean()):.4f}")
z = (x - x.mean()) / x.std()
s_zz = (z ** 2).sum()
show("standardized: Szz = n", s_zz, 3)

# ------------------------------------------------------------------ why-em-works
print("why-em-works")
pts = np.array([-1.0, 0.5, 2.0, 3.5, 4.0])


def joint(w, mu, var):
    return np.log(w)[None, :] + stats.norm.logpdf(pts[:, None], mu[None, :], np.sqrt(var)[None, :])


w0, mu0, v0 = np.array([0.5, 0.5]), np.array([0.0, 3.0]), np.array([1.0, 1.0])
j0 = joint(w0, mu0, v0)
ll0 = special.logsumexp(j0, axis=1).sum()
r0 = np.exp(j0 - special.logsumexp(j0, axis=1, keepdims=True))
half = np.full_like(r0, 0.5)
elbo_half = (half * (j0 - np.log(half))).sum()
kl_half = special.rel_entr(half, r0).sum()
show("l(theta0)", ll0, 3)
show("ELBO with q = 1/2, 1/2", elbo_half, 3)
show("gap KL(q || r)", kl_half, 3)
assert abs(elbo_half + kl_half - ll0) < 1e-12
show("Q part with q = 1/2 (no entropy)", (half * j0).sum(), 3)
show("entropy 5 log 2", 5 * math.log(2), 3)
show("per-point KL", special.rel_entr(half, r0).sum(axis=1), 3)
elbo_r0 = (r0 * (j0 - np.log(r0))).sum()
show("ELBO with q = r0 (equals l)", elbo_r0, 3)
# M-step
nk = r0.sum(axis=0)
w1 = nk / pts.size
mu1 = (r0 * pts[:, None]).sum(axis=0) / nk
v1 = (r0 * (pts[:, None] - mu1) ** 2).sum(axis=0) / nk
j1 = joint(w1, mu1, v1)
ll1 = special.logsumexp(j1, axis=1).sum()
elbo_r0_theta1 = (r0 * (j1 - np.log(r0))).sum()
r1 = np.exp(j1 - special.logsumexp(j1, axis=1, keepdims=True))
show("theta1 weights", w1, 4)
show("theta1 means", mu1, 3)
show("theta1 variances", v1, 3)
show("l(theta1)", ll1, 3)
show("ELBO(r0, theta1): the bound the M-step raised", elbo_r0_theta1, 3)
show("gap after the M-step KL(r0 || r1)", special.rel_entr(r0, r1).sum(), 4)
show("rise of the bound", elbo_r0_theta1 - ll0, 3)
show("rise of l", ll1 - ll0, 3)
assert abs(elbo_r0_theta1 + special.rel_entr(r0, r1).sum() - ll1) < 1e-12
Q = lambda jj: (r0 * jj).sum()
show("Q(theta0 | theta0)", Q(j0), 3)
show("Q(theta1 | theta0)", Q(j1), 3)
show("entropy of r0", -(r0 * np.log(r0)).sum(), 3)

# censored lifetimes: watched up to c = 3
t = np.array([0.4, 1.1, 2.5, 0.9, 3.0, 3.0, 1.7, 3.0])
c = 3.0
n, m = t.size, int((t >= c).sum())
d, T = n - m, np.minimum(t, c).sum()
print(f"  n = {n}, censored m = {m}, observed d = {d}, T = {T:.1f}")
star = d / T
show("MLE d/T", star, 4)
show("naive n/T (censored treated as failures)", n / T, 4)
show("dropping the censored: d / sum of observed", d / t[t < c].sum(), 4)
lam = 1.0
prev = lam - star
print("  EM from rate 1: iteration, rate, error, error ratio")
for it in range(0, 9):
    err = lam - star
    ratio = err / prev if it > 0 else float("nan")
    print(f"    {it}: {lam:.4f}  {err:+.4f}  {ratio:.3f}")
    prev = err
    lam = n / (T + m / lam)
show("share of missing information m/n", m / n, 3)
# derivative of the EM map at the fixed point, numerically
f = lambda r: n / (T + m / r)
show("  numerical derivative of the EM map at the MLE", (f(star + 1e-6) - f(star - 1e-6)) / 2e-6, 3)
# the censored log-likelihood d log(rate) - rate T, maximized numerically
res = optimize.minimize_scalar(lambda r: -(d * math.log(r) - r * T), bounds=(1e-6, 10), method="bounded", options={"xatol": 1e-12})
show("  numerical maximizer of the censored log-likelihood", res.x, 4)

# mixtures: iterations to converge, well separated vs overlapping
def em_iterations(sep, seed=3, n=400, tol=1e-8):
    g = np.random.default_rng(seed)
    z = g.uniform(size=n) < 0.5
    xs = np.where(z, g.normal(-sep / 2, 1, n), g.normal(sep / 2, 1, n))
    w, mu, var = np.array([0.5, 0.5]), np.array([-0.5, 0.5]), np.array([4.0, 4.0])
    old = -np.inf
    for it in range(1, 100_000):
        jj = np.log(w)[None, :] + stats.norm.logpdf(xs[:, None], mu[None, :], np.sqrt(var)[None, :])
        ll = special.logsumexp(jj, axis=1).sum()
        if ll - old < tol:
            return it - 1, ll
        old = ll
        r = np.exp(jj - special.logsumexp(jj, axis=1, keepdims=True))
        nk = r.sum(axis=0)
        w, mu = nk / n, (r * xs[:, None]).sum(axis=0) / nk
        var = (r * (xs[:, None] - mu) ** 2).sum(axis=0) / nk
    return None, ll


for sep in [6.0, 3.0, 2.0]:
    its, ll = em_iterations(sep)
    print(f"  means {sep:g} apart (sd 1, 400 points): {its} iterations until l rises by less than 1e-8")

# a 2-D E-step
pt = np.array([1.5, 0.5])
c1 = stats.multivariate_normal([0, 0], np.eye(2)).pdf(pt)
c2 = stats.multivariate_normal([3, 1], [[1, 0.5], [0.5, 1]]).pdf(pt)
show("2-D: N(x | mu1, Sigma1), N(x | mu2, Sigma2)", [c1, c2], 4)
show("2-D: responsibilities with weights 1/2", [c1 / (c1 + c2), c2 / (c1 + c2)], 3)
inv2 = np.linalg.inv(np.array([[1, 0.5], [0.5, 1]]))
dv = pt - np.array([3, 1])
show("2-D: squared distances to the centres", [pt @ pt, dv @ dv], 3)
show("2-D: squared Mahalanobis distance to component 2", dv @ inv2 @ dv, 3)

# ------------------------------------------------------------------ cross-entropy: the logistic gradient by hand
print("cross-entropy")
x, y, b = np.array([-1.5, -0.5, 0.5, 2.0]), np.array([0.0, 1, 0, 1]), np.array([0.5, 1.0])
eta = b[0] + b[1] * x
q = special.expit(eta)
show("eta", eta, 1)
show("q = sigmoid(eta)", q, 4)
show("residuals y - q", y - q, 4)
show("(y - q) x", (y - q) * x, 4)
design = np.column_stack([np.ones(4), x])
gradient = design.T @ (y - q)
show("gradient X^T (y - q)", gradient, 4)
show("expected number of 1s, sum q", q.sum(), 4)
s_labels = 2 * y - 1
assert np.allclose(design.T @ (s_labels * special.expit(-s_labels * eta)), gradient)  # the +-1 form agrees with +-1 labels
loglik = lambda beta: stats.bernoulli.logpmf(y, special.expit(design @ beta)).sum()
assert np.allclose([(loglik(b + 1e-6 * e) - loglik(b - 1e-6 * e)) / 2e-6 for e in np.eye(2)], gradient, atol=1e-8)

# ------------------------------------------------------------------ gaussian-mle: two variables by hand
print("gaussian-mle")
pairs = np.array([[1.0, 2], [2, 3], [3, 5], [4, 6]])
show("mean vector", pairs.mean(axis=0), 1)
cov = np.cov(pairs, rowvar=False, bias=True)
assert np.allclose(cov, stats.multivariate_normal.fit(pairs)[1])  # scipy's MLE agrees
show("MLE covariance S11, S12, S22", [cov[0, 0], cov[0, 1], cov[1, 1]], 2)
unbiased = np.cov(pairs, rowvar=False)
show("divided by n - 1", [unbiased[0, 0], unbiased[0, 1], unbiased[1, 1]], 3)
raw = pairs.T @ pairs / 4
show("raw second moments", [raw[0, 0], raw[0, 1], raw[1, 1]], 2)
show("correlation", np.corrcoef(pairs, rowvar=False)[0, 1], 3)

# check-yourself answers
print("check yourself")
show("estimator-quality Q1: MSE = 0.03 + 0.1^2", 0.03 + 0.1 ** 2, 2)
show("estimator-quality Q2: I = n/lambda, se, interval", [100 / 4, 1 / math.sqrt(100 / 4), 4 - Z * 0.2, 4 + Z * 0.2], 3)
show("bayesian-uncertainty Q1: (9+1)/(10+2)", 10 / 12, 3)
show("bayesian-uncertainty Q2: logit of 0.2 and 0.5", [special.logit(0.2), special.logit(0.5)], 3)
show("choosing-lambda Q1: ridge slopes", np.linalg.solve(np.diag([4.0, 1.0]) + np.eye(2), [8.0, 3.0]), 1)
show("choosing-lambda Q2: 0.6/(1-0.4)", 0.6 / 0.6, 1)
show("why-em-works Q2: 4/13", 4 / 13, 3)
