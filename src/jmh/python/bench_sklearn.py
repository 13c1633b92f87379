"""Times scikit-learn on the benchmark data (only the fit call), prints one JSON line per case.

Usage: bench_sklearn.py DATA_DIR LABEL [REPEATS] [CASES]. CASES is a comma-separated subset of
gmm1d,gmm10d,ols,logistic,kmeans10d,kmeans1d,ridge,lasso (default: all). The thread count comes from
the environment (OMP_NUM_THREADS / OPENBLAS_NUM_THREADS), set by run-benchmarks.sh before Python starts.
With REPEATS = 0 nothing is timed: one fit per case runs under tracemalloc (which sees numpy's
buffers) and its peak of traced memory is reported, the counterpart of JMH's -prof gc run.
"""
import json
import os
import statistics
import sys
import time
import tracemalloc
import warnings

import numpy as np
import sklearn
import threadpoolctl
from sklearn.cluster import KMeans
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.mixture import GaussianMixture

DATA = sys.argv[1]
LABEL = sys.argv[2]
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
ALL_CASES = ["gmm1d", "gmm10d", "ols", "logistic", "kmeans10d", "kmeans1d", "ridge", "lasso"]
CASES = sys.argv[4].split(",") if len(sys.argv) > 4 else ALL_CASES
# the same constants as the JMH benchmarks (KMeansBenchmark, RegressionBenchmark)
KMEANS_ITERATIONS = 50
RIDGE_LAMBDA = 10_000.0
LASSO_LAMBDA = 10_000.0
LASSO_SWEEPS = 50


def read(name):
    with open(os.path.join(DATA, name + ".bin"), "rb") as f:
        rows, cols = np.frombuffer(f.read(16), dtype="<i8")
        return np.frombuffer(f.read(), dtype="<f8").reshape(rows, cols).copy()


def timed(make_and_fit):
    if REPEATS == 0:
        make_and_fit()  # warm-up
        tracemalloc.start()
        _, result = make_and_fit()
        result["fit_peak_traced_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        return [], result
    make_and_fit()  # warm-up (imports, first-touch of memory)
    times, result = [], None
    for _ in range(REPEATS):
        t, result = make_and_fit()
        times.append(t)
    return times, result


def gmm(x, init, k, d, iterations):
    weights = init[:, 0]
    means = init[:, 1:1 + d]
    covs = init[:, 1 + d:].reshape(k, d, d)
    precisions = np.linalg.inv(covs)

    def run():
        model = GaussianMixture(k, covariance_type="full", tol=0, max_iter=iterations, reg_covar=1e-6,
                                init_params="random_from_data", weights_init=weights, means_init=means,
                                precisions_init=precisions)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning: tol = 0 never converges
            t0 = time.perf_counter()
            model.fit(x)
            t = time.perf_counter() - t0
        return t, {"n_iter": int(model.n_iter_), "mean_log_likelihood": float(model.lower_bound_),
                   "weights": model.weights_.round(6).tolist()}

    return timed(run)


def report(case, times, result):
    print(json.dumps({"impl": "sklearn", "threads": LABEL, "case": case, "times_s": times,
                      "median_s": statistics.median(times) if times else None, "result": result}), flush=True)


def kmeans(x, centers):
    """Lloyd from the given centres; tol = 0 leaves only the strict-convergence stop (labels unchanged)."""
    def run():
        model = KMeans(n_clusters=centers.shape[0], init=centers, n_init=1, max_iter=KMEANS_ITERATIONS, tol=0,
                       algorithm="lloyd")
        t0 = time.perf_counter()
        model.fit(x)
        t = time.perf_counter() - t0
        if model.n_iter_ != KMEANS_ITERATIONS:
            raise RuntimeError(f"k-means stopped after {model.n_iter_} iterations")
        return t, {"n_iter": int(model.n_iter_), "inertia": float(model.inertia_),
                   "center0": model.cluster_centers_[0].tolist()}

    return timed(run)


def split(name):
    xy = read(name)
    return np.ascontiguousarray(xy[:, 1:]), xy[:, 0].copy()


def case_gmm1d():
    x, init = read("gmm1d_x"), read("gmm1d_init")
    k = init.shape[0]
    init1 = np.hstack([init[:, :2], init[:, 2:3]])  # [weight, mean, variance] has the same layout for d = 1
    return gmm(x, init1, k, 1, 100)


def case_gmm10d():
    x, init = read("gmm10d_x"), read("gmm10d_init")
    return gmm(x, init, init.shape[0], x.shape[1], 50)


def case_ols():
    xs, y = split("ols_xy")

    def ols():
        model = LinearRegression()
        t0 = time.perf_counter()
        model.fit(xs, y)
        t = time.perf_counter() - t0
        return t, {"intercept": float(model.intercept_), "coef0": float(model.coef_[0])}

    return timed(ols)


def case_logistic():
    xs, y = split("logit_xy")

    def logistic():
        model = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-10, max_iter=100)
        t0 = time.perf_counter()
        model.fit(xs, y)
        t = time.perf_counter() - t0
        return t, {"intercept": float(model.intercept_[0]), "coef0": float(model.coef_[0, 0]), "n_iter": int(model.n_iter_[0])}

    return timed(logistic)


def case_kmeans10d():
    return kmeans(read("gmm10d_x"), read("kmeans10d_centers"))


def case_kmeans1d():
    return kmeans(read("gmm1d_x"), read("kmeans1d_centers"))


def case_ridge():
    xs, y = split("ols_xy")

    def ridge():
        model = Ridge(alpha=RIDGE_LAMBDA, solver="cholesky")
        t0 = time.perf_counter()
        model.fit(xs, y)
        t = time.perf_counter() - t0
        return t, {"intercept": float(model.intercept_), "coef": model.coef_.tolist()}

    return timed(ridge)


def case_lasso():
    xs, y = split("lasso_xy")

    def lasso():
        # (1/2n)‖r‖² + α‖β‖₁ with α = λ/n is the core's ½‖r‖² + λ‖β‖₁ divided by n; tol = 0 runs
        # every one of max_iter sweeps (the duality gap is computed after the last one only)
        model = Lasso(alpha=LASSO_LAMBDA / len(y), tol=0, max_iter=LASSO_SWEEPS, selection="cyclic")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ConvergenceWarning: tol = 0 never converges
            t0 = time.perf_counter()
            model.fit(xs, y)
            t = time.perf_counter() - t0
        if model.n_iter_ != LASSO_SWEEPS:
            raise RuntimeError(f"lasso stopped after {model.n_iter_} sweeps")
        return t, {"n_iter": int(model.n_iter_), "intercept": float(model.intercept_), "coef": model.coef_.tolist()}

    return timed(lasso)


def main():
    info = {"impl": "sklearn-env", "threads": LABEL, "numpy": np.__version__, "sklearn": sklearn.__version__,
            "threadpools": [{k: v for k, v in p.items() if k in ("internal_api", "version", "num_threads", "architecture")}
                            for p in threadpoolctl.threadpool_info()]}
    print(json.dumps(info), flush=True)
    for case in CASES:
        report(case, *globals()["case_" + case]())


if __name__ == "__main__":
    main()
