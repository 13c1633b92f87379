"""Summarizes compare.sh (OUT/versions.txt, OUT/<version>-rN.json): for each benchmark and version the
median fit time over all its forks, and the speed-up against the first version (its time / this
version's; > 1 means faster), overall and per round (forks run back to back: how much it moved)."""
import glob
import json
import os
import re
import statistics
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "target/bench-compare"
versions = [line.split(" ", 1) for line in open(os.path.join(OUT, "versions.txt")).read().splitlines()]


def load(name):
    """{benchmark: {round: [seconds...]}}"""
    out = {}
    for path in glob.glob(os.path.join(OUT, f"{name}-r*.json")):
        r = int(re.search(r"-r(\d+)\.json$", path).group(1))
        for b in json.load(open(path)):
            bench = ".".join(b["benchmark"].rsplit(".", 2)[-2:])
            out.setdefault(bench, {})[r] = [v for fork in b["primaryMetric"]["rawData"] for v in fork]
    return out


data = {name: load(name) for name, _ in versions}

if len(sys.argv) > 3 and sys.argv[2] == "merge":
    # for run-benchmarks.sh: every version's forks as one JMH-style file (jmh.json for the current
    # core, jmh-<sha>.json for the others) and versions.txt, which summarize.py reads
    dest = sys.argv[3]
    for name, label in versions:
        rows = []
        for bench, rounds in sorted(data[name].items()):
            rows.append({"benchmark": "org.argmax.bench." + bench,
                         "primaryMetric": {"rawData": [rounds[r] for r in sorted(rounds)]}})
        json.dump(rows, open(os.path.join(dest, "jmh.json" if name == "current" else f"jmh-{name}.json"), "w"))
    with open(os.path.join(dest, "versions.txt"), "w") as f:
        f.write(open(os.path.join(OUT, "versions.txt")).read())
    sys.exit(0)
base = versions[0][0]
print(open(os.path.join(OUT, "machine.txt")).read().strip().replace("\n", "  \n"))
print("versions: " + "; ".join(f"{n} = {label}" for n, label in versions))
print()
print("| benchmark | " + " | ".join(f"{n} median s" for n, _ in versions) + " | "
      + " | ".join(f"{n} speed-up vs {base} (per round)" for n, _ in versions[1:]) + " |")
print("|---|" + "---:|" * len(versions) + "---|" * (len(versions) - 1))
for bench in sorted(set.intersection(*(set(d) for d in data.values()))):
    med = {n: statistics.median(v for r in data[n][bench].values() for v in r) for n, _ in versions}
    cells = []
    for n, _ in versions[1:]:
        rounds = sorted(set(data[base][bench]) & set(data[n][bench]))
        per = ", ".join(f"{statistics.median(data[base][bench][r]) / statistics.median(data[n][bench][r]):.2f}" for r in rounds)
        cells.append(f"**{med[base] / med[n]:.2f}×** ({per})")
    print(f"| {bench} | " + " | ".join(f"{med[n]:.4f}" for n, _ in versions) + " | " + " | ".join(cells) + " |")
