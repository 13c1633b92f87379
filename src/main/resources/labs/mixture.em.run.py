# EM for two 1-D Gaussians, plain Python (no numpy). Reads the lab's start.json, prints the run as CSV.
import json, math, sys

start = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "start.json"))
x, iterations, theta = start["data"], start["iterations"], start["em"]
w, mu, var = theta["weights"][:], theta["means"][:], theta["variances"][:]
n, k = len(x), len(w)

def log_joint(xi, w, mu, var):
    # log of pi_k N(x | mu_k, var_k) for every component: never the density itself, which can underflow to 0
    return [math.log(w[c]) - 0.5 * math.log(2 * math.pi * var[c]) - (xi - mu[c]) ** 2 / (2 * var[c]) for c in range(k)]

def log_sum_exp(a):
    m = max(a)
    return m + math.log(sum(math.exp(v - m) for v in a))

def e_step(w, mu, var):
    r, ll = [], 0.0
    for xi in x:
        a = log_joint(xi, w, mu, var)
        lse = log_sum_exp(a)
        ll += lse
        r.append([math.exp(v - lse) for v in a])  # each row adds up to 1
    return r, ll

print("iteration,loglik")
for t in range(1, iterations + 1):
    r, _ = e_step(w, mu, var)
    nk = [sum(r[i][c] for i in range(n)) for c in range(k)]
    w = [nk[c] / n for c in range(k)]
    mu = [sum(r[i][c] * x[i] for i in range(n)) / nk[c] for c in range(k)]
    var = [sum(r[i][c] * (x[i] - mu[c]) ** 2 for i in range(n)) / nk[c] for c in range(k)]  # around the NEW means
    _, ll = e_step(w, mu, var)  # the log-likelihood AFTER this iteration
    print(f"{t},{ll!r}")
print("weights," + ",".join(map(repr, w)))
print("means," + ",".join(map(repr, mu)))
print("variances," + ",".join(map(repr, var)))
