"""Times scikit-learn on the benchmark data (only the fit call), prints one JSON line per case.

Usage: bench_sklearn.py DATA_DIR LABEL [REPEATS]. The thread count comes from the environment
(OMP_NUM_THREADS / OPENBLAS_NUM_THREADS), set by run-benchmarks.sh before Python starts.
"""
import json
import os
import statistics
import sys
import time
import warnings

import numpy as np
import sklearn
import threadpoolctl
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.mixture import GaussianMixture

DATA = sys.argv[1]
LABEL = sys.argv[2]
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 5


def read(name):
    with open(os.path.join(DATA, name + ".bin"), "rb") as f:
        rows, cols = np.frombuffer(f.read(16), dtype="<i8")
        return np.frombuffer(f.read(), dtype="<f8").reshape(rows, cols).copy()


def timed(make_and_fit):
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
                      "median_s": statistics.median(times), "result": result}), flush=True)


def main():
    info = {"impl": "sklearn-env", "threads": LABEL, "numpy": np.__version__, "sklearn": sklearn.__version__,
            "threadpools": [{k: v for k, v in p.items() if k in ("internal_api", "version", "num_threads", "architecture")}
                            for p in threadpoolctl.threadpool_info()]}
    print(json.dumps(info), flush=True)

    x, init = read("gmm1d_x"), read("gmm1d_init")
    k = init.shape[0]
    init1 = np.hstack([init[:, :2], init[:, 2:3]])  # [weight, mean, variance] has the same layout for d = 1
    report("gmm1d", *gmm(x, init1, k, 1, 100))

    x, init = read("gmm10d_x"), read("gmm10d_init")
    report("gmm10d", *gmm(x, init, init.shape[0], x.shape[1], 50))

    xy = read("ols_xy")
    y, xs = xy[:, 0].copy(), np.ascontiguousarray(xy[:, 1:])
    del xy

    def ols():
        model = LinearRegression()
        t0 = time.perf_counter()
        model.fit(xs, y)
        t = time.perf_counter() - t0
        return t, {"intercept": float(model.intercept_), "coef0": float(model.coef_[0])}

    report("ols", *timed(ols))
    del xs, y

    xy = read("logit_xy")
    y, xs = xy[:, 0].copy(), np.ascontiguousarray(xy[:, 1:])

    def logistic():
        model = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-10, max_iter=100)
        t0 = time.perf_counter()
        model.fit(xs, y)
        t = time.perf_counter() - t0
        return t, {"intercept": float(model.intercept_[0]), "coef0": float(model.coef_[0, 0]), "n_iter": int(model.n_iter_[0])}

    report("logistic", *timed(logistic))


if __name__ == "__main__":
    main()
