"""Median seconds per case and ratios (peer / core) from target/bench-results/{jmh.json, sklearn-*.jsonl},
and the core's allocation per fit from jmh-gc.json (JMH -prof gc) when present."""
import json
import os
import statistics
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "target/bench-results"

jmh = {}
for b in json.load(open(os.path.join(OUT, "jmh.json"))):
    name = b["benchmark"].rsplit(".", 1)[1]
    raw = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
    jmh[name] = raw

# earlier versions of the core from a BASELINE run (versions.txt: "<sha> <ref>" lines, then "current …")
baselines = []
if os.path.exists(os.path.join(OUT, "versions.txt")):
    for line in open(os.path.join(OUT, "versions.txt")).read().splitlines():
        sha, label = line.split(" ", 1)
        if sha != "current":
            runs = {}
            for b in json.load(open(os.path.join(OUT, f"jmh-{sha}.json"))):
                runs[b["benchmark"].rsplit(".", 1)[1]] = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
            baselines.append((sha, label, runs))

sk = {}
for label, file in (("1", "sklearn-1thread.jsonl"), ("default", "sklearn-default-threads.jsonl")):
    for line in open(os.path.join(OUT, file)):
        r = json.loads(line)
        if r["impl"] == "sklearn" and r["times_s"]:
            sk[(r["case"], label)] = r["times_s"]

smile = {}
if os.path.exists(os.path.join(OUT, "smile.jsonl")):
    for line in open(os.path.join(OUT, "smile.jsonl")):
        r = json.loads(line)
        if not r["warmup"]:
            smile.setdefault(r["case"], []).append(r["time_s"])

CASES = [
    ("gmm1d", "GMM EM 1-D, N=1,000,000, K=3, 100 iterations", "core1d", [], None),
    ("gmm10d", "GMM EM 10-D, N=100,000, K=5, full covariance, 50 iterations", "core10d",
     [("commons-math3 3.6.1 (10 iterations × 5)", "commonsMath10d10Iterations", 5)], None),
    ("ols", "OLS, N=1,000,000, D=20 (+ intercept)", "coreOls", [("commons-math3 3.6.1 OLSMultipleLinearRegression", "commonsMathOls", 1)], None),
    ("logistic", "Logistic regression, N=200,000, D=20 (+ intercept), no penalty", "coreLogistic", [], None),
    ("kmeans10d", "k-means (Lloyd) 10-D, N=100,000, K=10, 50 iterations", "coreKMeans10d", [], None),
    ("kmeans1d", "k-means (Lloyd) 1-D, N=1,000,000, K=5, 50 iterations", "coreKMeans1d", [], None),
    ("ridge", "Ridge, N=1,000,000, D=20 (+ unpenalized intercept), λ=10,000", "coreRidge", [], None),
    ("lasso", "Lasso, N=200,000, D=20 (+ unpenalized intercept), λ=10,000 (α=0.05), 50 sweeps", "coreLasso", [], None),
]


def fmt(t):
    return f"{t:.3f}"


for case, title, core, others, _ in CASES:
    if core not in jmh:
        continue
    c = statistics.median(jmh[core])
    print(f"### {title}\n")
    print("| implementation | median s | runs | peer / core |" + (" scikit-learn 1 thread / this |" if baselines else ""))
    print("|---|---:|---:|---:|" + ("---:|" if baselines else ""))
    sk1 = statistics.median(sk[(case, "1")]) if (case, "1") in sk else None
    extra = (lambda t: f" {sk1 / t:.2f} |" if sk1 else " |") if baselines else (lambda t: "")
    print(f"| Argmax core (Java 17, 2 threads) | {fmt(c)} | {len(jmh[core])} | 1.00 |" + extra(c))
    for sha, label, runs in baselines:
        if core in runs:
            t = statistics.median(runs[core])
            print(f"| Argmax core at {sha} ({label}) | {fmt(t)} | {len(runs[core])} | {t / c:.2f} |" + extra(t))
    for label, name in (("1", "scikit-learn 1.2.1, 1 thread"), ("default", "scikit-learn 1.2.1, default threads (2)")):
        if (case, label) in sk:
            t = statistics.median(sk[(case, label)])
            print(f"| {name} | {fmt(t)} | {len(sk[(case, label)])} | {t / c:.2f} |" + (" |" if baselines else ""))
    if case in smile:
        t = statistics.median(smile[case])
        print(f"| Smile 6.3.0 (Java 25, OpenBLAS via FFM; plain loop, not JMH) | {fmt(t)} | {len(smile[case])} | {t / c:.2f} |")
    for name, key, scale in others:
        if key in jmh:
            t = statistics.median(jmh[key]) * scale
            print(f"| {name} | {fmt(t)} | {len(jmh[key])} | {t / c:.2f} |")
    print()


gc_file = os.path.join(OUT, "jmh-gc.json")
if os.path.exists(gc_file):
    print("### Core allocation per fit (JMH -prof gc, separate untimed run)\n")
    print("| benchmark | gc.alloc.rate.norm (MB per fit) | GC runs |")
    print("|---|---:|---:|")
    for b in json.load(open(gc_file)):
        sec = b.get("secondaryMetrics", {})
        # JMH 1.37 names them "gc.alloc.rate.norm"; older versions prefix a "·"
        norm = (sec.get("gc.alloc.rate.norm") or sec.get("·gc.alloc.rate.norm") or {}).get("score")
        count = (sec.get("gc.count") or sec.get("·gc.count") or {}).get("score", 0)
        if norm is not None:
            print(f"| {b['benchmark'].rsplit('.', 2)[1]}.{b['benchmark'].rsplit('.', 1)[1]} | {norm / 1e6:.2f} | {count:.0f} |")
    print()

mem_file = os.path.join(OUT, "sklearn-memory.jsonl")
if os.path.exists(mem_file):
    print("### scikit-learn memory per fit (tracemalloc peak in one untimed fit, 1 thread)\n")
    print("| case | peak traced MB |")
    print("|---|---:|")
    for line in open(mem_file):
        r = json.loads(line)
        if r["impl"] == "sklearn":
            print(f"| {r['case']} | {r['result']['fit_peak_traced_mb']:.1f} |")
    print()
