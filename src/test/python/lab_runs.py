#!/usr/bin/env python3
"""EM and k-means for the implementation labs, written independently of the Java core with numpy.

Usage: lab_runs.py DUMP.jsonl [--out RUNS.jsonl]

DUMP.jsonl holds lines of `check --dump` / ReferenceDump (exercise, seed, data, given, answers). For
every answer whose reference is a lab run (mixture.em.run, kmeans.lloyd.run) the script runs the
algorithm as the lab states it and with each usual bug, compares every run with the value Java put
in the dump (the reference, and each misconception by name), and prints
`runs: N compared, M differ`. With --out it writes one JSON line per exercise and seed:
{"exercise", "seed", "answers": {name: {"right": {"csv", "json"}, "<misconception>": {...}}}}: the
runs as a learner's program would print them (CSV with repr() numbers, JSON via json.dumps), which
LabServerTest uploads. Exits 1 on a difference. With --fixture FILE it writes, per line, the data, the start and every
run as one list of numbers (NaN as null): src/test/resources/labs/lab-runs-numpy.jsonl, read by
LabRunsTest, was made with

  java -jar target/argmax.jar check --seeds 3 --dump dump.jsonl   (the two lab exercises' lines)
  python3 src/test/python/lab_runs.py dump.jsonl --fixture src/test/resources/labs/lab-runs-numpy.jsonl
"""
import json
import math
import sys

import numpy as np

RELATIVE = 1e-9


# ---------------------------------------------------------------- EM for two 1-D Gaussians

def em(x, w, mu, var, iterations, bug=None):
    """The lab's EM; bug names one of the usual mistakes (the misconception's name without 'em-')."""
    x = np.asarray(x, dtype=float)
    w, mu, var = (np.array(v, dtype=float) for v in (w, mu, var))
    n = x.size
    trace = []
    with np.errstate(all="ignore"):
        for _ in range(iterations):
            if bug == "no-log-sum-exp":
                dens = w * np.exp(-(x[:, None] - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)
                total = dens.sum(axis=1)
                r = dens / total[:, None]
                before = np.log(total).sum()
            else:
                log_joint = np.log(w) - 0.5 * np.log(2 * np.pi * var) - (x[:, None] - mu) ** 2 / (2 * var)
                m = log_joint.max(axis=1, keepdims=True)
                lse = (m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True)))[:, 0]
                before = lse.sum()
                r = np.exp(log_joint) if bug == "unnormalized-responsibilities" else np.exp(log_joint - lse[:, None])
            nk = r.sum(axis=0)
            new_w = nk / n
            new_mu = (r * x[:, None]).sum(axis=0) / (n * w if bug == "old-weights-in-means" else nk)
            around = mu if bug == "variance-around-old-mean" else new_mu
            new_var = (r * (x[:, None] - around) ** 2).sum(axis=0) / nk
            if bug == "sd-for-variance":
                new_var = np.sqrt(new_var)
            w, mu, var = new_w, new_mu, new_var
            trace.append(before if bug == "one-iteration-off" else loglik(x, w, mu, var, naive=bug == "no-log-sum-exp"))
    return [float(v) for v in trace], [list(map(float, w)), list(map(float, mu)), list(map(float, var))]


def loglik(x, w, mu, var, naive):
    with np.errstate(all="ignore"):
        if naive:
            dens = w * np.exp(-(x[:, None] - mu) ** 2 / (2 * var)) / np.sqrt(2 * np.pi * var)
            return float(np.log(dens.sum(axis=1)).sum())
        log_joint = np.log(w) - 0.5 * np.log(2 * np.pi * var) - (x[:, None] - mu) ** 2 / (2 * var)
        m = log_joint.max(axis=1, keepdims=True)
        return float((m[:, 0] + np.log(np.exp(log_joint - m).sum(axis=1))).sum())


# ---------------------------------------------------------------- k-means (Lloyd) in 1-D

def kmeans(x, centers, iterations, bug=None):
    x = np.asarray(x, dtype=float)
    c = np.array(centers, dtype=float)

    def assign(c):
        return np.argmin((x[:, None] - c) ** 2, axis=1)  # ties: the lower index, as argmin

    def inertia(c):
        d = ((x[:, None] - c) ** 2).min(axis=1)
        return float((np.sqrt(d) if bug == "distance-not-squared" else d).sum())

    previous = assign(c)
    trace = []
    for _ in range(iterations):
        before = inertia(c)
        z = assign(c)
        used = previous if bug == "stale-assignment" else z
        new = []
        taken = np.zeros(x.size, dtype=bool)
        for k in range(c.size):
            members = x[used == k]
            if members.size:
                new.append(members.mean())
            elif bug != "empty-cluster-dropped":
                far = np.where(taken, -1.0, (x - c[used]) ** 2)
                i = int(np.argmax(far))  # the first of the farthest
                taken[i] = True
                new.append(x[i])
        c = np.array(new)
        previous = z
        trace.append(before if bug == "one-iteration-off" else inertia(c))
    return [float(v) for v in trace], [list(map(float, c))]


# ---------------------------------------------------------------- the dump's answers

def run(reference, line, bug):
    g = line["given"]
    iterations = int(g["iterations"])
    if reference == "mixture.em.run":
        return em(line["data"], [g["w1"], 1 - g["w1"]], [g["mu1"], g["mu2"]], [g["var1"], g["var2"]], iterations, bug)
    if reference == "kmeans.lloyd.run":
        return kmeans(line["data"], [g["c1"], g["c2"]], iterations, bug)
    raise KeyError(reference)


ROWS = {"mixture.em.run": ("loglik", ["weights", "means", "variances"]), "kmeans.lloyd.run": ("inertia", ["centers"])}


def flat(trace, rows):
    return trace + [v for row in rows for v in row]


def same(java, numpy_value):
    """Java writes values that are not numbers as null."""
    if java is None or not math.isfinite(numpy_value):
        return java is None and not math.isfinite(numpy_value)
    return abs(java - numpy_value) <= RELATIVE * max(1.0, abs(numpy_value))


def as_csv(reference, trace, rows):
    name, row_names = ROWS[reference]
    out = [f"iteration,{name}"] + [f"{t + 1},{v!r}" for t, v in enumerate(trace)]
    out += [",".join([row] + [repr(v) for v in values]) for row, values in zip(row_names, rows)]
    return "\n".join(out) + "\n"


def as_json(reference, trace, rows):
    name, row_names = ROWS[reference]
    out = {name: trace}
    out.update(zip(row_names, rows))
    return json.dumps(out)  # NaN and -Infinity as Python writes them


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = open(argv[argv.index("--out") + 1], "w", encoding="utf-8") if "--out" in argv else None
    fixture = open(argv[argv.index("--fixture") + 1], "w", encoding="utf-8") if "--fixture" in argv else None
    compared = differ = 0
    with open(argv[1], encoding="utf-8") as dump:
        for text in dump:
            if not text.strip():
                continue
            line = json.loads(text)
            written = {}
            for name, answer in line["answers"].items():
                reference = answer.get("reference")
                if reference not in ROWS:
                    continue
                runs = {"right": run(reference, line, None)}
                for misconception in answer["misconceptions"]:
                    runs[misconception] = run(reference, line, misconception.split("-", 1)[1])
                for key, (trace, rows) in runs.items():
                    java = answer["value"] if key == "right" else answer["misconceptions"][key]
                    mine = flat(trace, rows)
                    compared += 1
                    if java == [] and key != "right":
                        right = flat(*runs["right"])
                        ok = len(mine) == len(right) and all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(mine, right))
                    else:
                        ok = len(java) == len(mine) and all(same(j, m) for j, m in zip(java, mine))
                    if not ok:
                        differ += 1
                        print(f"{line['exercise']} {line['seed']} {name} {key}: java={json.dumps(java)} numpy={json.dumps(mine)}")
                written[name] = {key: {"csv": as_csv(reference, *r), "json": as_json(reference, *r)} for key, r in runs.items()}
            if fixture and written:
                runs_by_reference = {}
                for name, answer in line["answers"].items():
                    reference = answer.get("reference")
                    if reference in ROWS:
                        runs_by_reference[reference] = {bug: [None if not math.isfinite(v) else v for v in flat(*run(reference, line, bug))]
                                                        for bug in [None] + [m.split("-", 1)[1] for m in answer["misconceptions"]]}
                        runs_by_reference[reference] = {("none" if k is None else k): v for k, v in runs_by_reference[reference].items()}
                fixture.write(json.dumps({"exercise": line["exercise"], "seed": line["seed"], "data": line["data"],
                                          "given": line["given"], "runs": runs_by_reference}) + "\n")
            if out and written:
                out.write(json.dumps({"exercise": line["exercise"], "seed": line["seed"], "answers": written}) + "\n")
    for f in (out, fixture):
        if f:
            f.close()
    print(f"runs: {compared} compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
