"""Writes the benchmark data sets to target/bench-data/ (deterministic: numpy seed 20240).

Each file is little-endian: int64 rows, int64 cols, then rows*cols float64 row-major.
Java (BenchData.java) and Python (bench_sklearn.py) read the same bytes.
"""
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else "target/bench-data"


def write(name, a):
    a = np.ascontiguousarray(np.atleast_2d(a.T).T if a.ndim == 1 else a, dtype="<f8")
    with open(os.path.join(OUT, name + ".bin"), "wb") as f:
        f.write(np.array(a.shape, dtype="<i8").tobytes())
        f.write(a.tobytes())


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240)

    # 1. GMM 1-D: N = 1,000,000, K = 3
    n = 1_000_000
    w, mu, sd = np.array([0.5, 0.3, 0.2]), np.array([-2.0, 0.5, 3.0]), np.array([1.0, 0.6, 1.5])
    z = rng.choice(3, size=n, p=w)
    x = rng.normal(mu[z], sd[z])
    write("gmm1d_x", x.reshape(-1, 1))
    # initial parameters: row c = [weight, mean, variance]
    write("gmm1d_init", np.array([[1 / 3, -1.0, 1.0], [1 / 3, 0.0, 1.0], [1 / 3, 1.5, 1.0]]))

    # 2. GMM 10-D: N = 100,000, K = 5, full covariance
    n, d, k = 100_000, 10, 5
    means = rng.normal(0, 1, size=(k, d))
    covs = []
    for _ in range(k):
        a = rng.normal(0, 1, size=(d, d))
        covs.append(a @ a.T / d + 0.5 * np.eye(d))
    z = rng.choice(k, size=n, p=np.full(k, 1 / k))
    x = np.empty((n, d))
    for c in range(k):
        idx = np.flatnonzero(z == c)
        x[idx] = rng.multivariate_normal(means[c], covs[c], size=idx.size)
    write("gmm10d_x", x)
    x10 = x
    # initial parameters: row c = [weight, mean (d), covariance (d*d row-major)]
    init_means = means + rng.normal(0, 1, size=(k, d))
    init = np.hstack([np.full((k, 1), 1 / k), init_means, np.tile(np.eye(d).reshape(1, -1), (k, 1))])
    write("gmm10d_init", init)

    # 3. OLS: N = 1,000,000, D = 20; column 0 is y, columns 1..20 are X
    n, d = 1_000_000, 20
    x = rng.normal(0, 1, size=(n, d))
    beta = rng.normal(0, 1, size=d)
    y = 1.0 + x @ beta + rng.normal(0, 1, size=n)
    write("ols_xy", np.hstack([y.reshape(-1, 1), x]))

    # 4. Logistic: N = 200,000, D = 20; column 0 is y ∈ {0, 1}
    n, d = 200_000, 20
    x = rng.normal(0, 1, size=(n, d))
    beta = rng.normal(0, 0.3, size=d)
    p = 1 / (1 + np.exp(-(-0.5 + x @ beta)))
    y = (rng.random(n) < p).astype(float)
    write("logit_xy", np.hstack([y.reshape(-1, 1), x]))

    # 5. k-means on the GMM data, with initial centres that Lloyd does not converge from within 50
    # iterations (scikit-learn stops on unchanged labels): 10-D K = 10 from its first 10 points
    # (converges at 126), 1-D K = 5 from -1, -0.5, 0, 0.5, 1 (converges at 112). The 10-D GMM's
    # initial means (K = 5) converge after 18 iterations, the 1-D GMM's (K = 3) after 29.
    write("kmeans10d_centers", x10[:10])
    write("kmeans1d_centers", np.linspace(-1, 1, 5).reshape(-1, 1))

    # 6. Lasso: N = 200,000, D = 20, equicorrelated columns (ρ = 0.9, so coordinate descent needs
    # many sweeps), 10 of the 20 true slopes 0; column 0 is y, columns 1..20 are X
    n, d, rho = 200_000, 20, 0.9
    x = np.sqrt(rho) * rng.normal(0, 1, size=(n, 1)) + np.sqrt(1 - rho) * rng.normal(0, 1, size=(n, d))
    beta = np.where(np.arange(d) % 2 == 0, rng.normal(0, 1, size=d), 0.0)
    y = 2.0 + x @ beta + rng.normal(0, 1, size=n)
    write("lasso_xy", np.hstack([y.reshape(-1, 1), x]))


if __name__ == "__main__":
    main()
