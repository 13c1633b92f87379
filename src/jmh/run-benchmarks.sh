#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: data → scikit-learn (1 thread, default threads) → JMH (core, commons-math3)
# → Smile (Java 25) → JMH again with -prof gc (allocation per fit, untimed) → target/bench-results/summary.md.
# Run from anywhere; ~17 minutes on 2 vCPUs.
#
# A subset: CASES (scikit-learn cases, comma-separated; see bench_sklearn.py) and JMH_INCLUDE (a JMH
# regex) select what runs, OUT the results directory; Smile runs only with all cases and no BASELINE. E.g. the
# k-means, ridge and lasso cases alone:
#   CASES=kmeans10d,kmeans1d,ridge,lasso OUT=target/bench-results-new \
#   JMH_INCLUDE='org.argmax.bench.(KMeansBenchmark|RegressionBenchmark.core(Ridge|Lasso))' bash src/jmh/run-benchmarks.sh
#
# Earlier versions of the core in the same run: BASELINE='REF [REF…]' (git commits) runs the JMH step
# through compare.sh instead: every version (the core at each REF, then the current one) one fork at a
# time, the order reversed every round (ROUNDS, default 2; WI and I warm-up and measured fits per fork,
# default 2 and 3), and the summary gets one row per version. SKIP_GC=1 skips the allocation runs;
# SK_REPEATS (default 5) sets the timed scikit-learn fits per case; SKIP_SKLEARN=1 keeps the
# scikit-learn results already in OUT (e.g. after a failed JMH step). Only one JMH runs at a time on a
# machine (JMH's /tmp/jmh.lock): the JMH step fails if another one is running.
# The lean-core check of issue 12 (before it, the lean core, now) on the cases of issue 15:
#   BASELINE='b61ca1e^ b61ca1e' JMH_INCLUDE='org.argmax.bench.*.core.*' bash src/jmh/run-benchmarks.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=target/bench-data
OUT=${OUT:-target/bench-results}
CASES=${CASES:-}
JMH_INCLUDE=${JMH_INCLUDE:-'org.argmax.bench.*'}
PY=${PYTHON:-/usr/bin/python3}
mkdir -p "$OUT"

[ -f "$DATA/lasso_xy.bin" ] || "$PY" src/jmh/python/make_data.py "$DATA"

mvn -B -q -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-build/classpath.txt
CP="target/bench-build/classes:$(cat target/bench-build/classpath.txt)"

{
  echo "date: $(date -u +%FT%TZ)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "CPU model: $(lscpu | sed -n 's/^Model name: *//p') (family $(sed -n 's/^cpu family\s*: //p' /proc/cpuinfo | head -1), model $(sed -n 's/^model\s*: //p' /proc/cpuinfo | head -1))"
  lscpu | grep -E '^CPU\(s\)|Thread|MHz' || true
  free -g | head -2
  java -version 2>&1 | head -1
  "$PY" -c 'import numpy, scipy, sklearn; print("numpy", numpy.__version__, "scipy", scipy.__version__, "sklearn", sklearn.__version__)'
} > "$OUT/machine.txt"

# scikit-learn: malloc tuned so numpy's large temporaries are not mmap'ed/unmapped on every call
# (sklearn's best case, see /work/shared/BENCHMARK-NOTES.md); fit call only, warm-up + 5 repeats
export MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824
if [ "${SKIP_SKLEARN:-}" != 1 ]; then
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/jmh/python/bench_sklearn.py "$DATA" 1 "${SK_REPEATS:-5}" $CASES | tee "$OUT/sklearn-1thread.jsonl"
  "$PY" src/jmh/python/bench_sklearn.py "$DATA" default "${SK_REPEATS:-5}" $CASES | tee "$OUT/sklearn-default-threads.jsonl"
fi
unset MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_

# JMH: forks, warm-ups and -Xms12g -Xmx12g -XX:+AlwaysPreTouch are in the @Fork/@Warmup/@Measurement annotations
if [ -z "${BASELINE:-}" ]; then
  java -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh.json" "$JMH_INCLUDE" 2>&1 | tee "$OUT/jmh.txt"
else
  # the current core and each BASELINE alternately (compare.sh), then jmh.json = the current core's forks
  OUT="$OUT/compare" SKIP_BUILD=1 bash src/jmh/compare.sh "$BASELINE" "$JMH_INCLUDE" 2>&1 | tee "$OUT/jmh.txt"
  "$PY" src/jmh/python/compare.py "$OUT/compare" merge "$OUT"
fi

# Smile 6.3.0 needs Java 25 and the system OpenBLAS (FFM): its own javac/java step, plain timing
# loop (2 untimed + 3 timed fits) in 2 JVMs. Skipped when no Java 25 JDK is found.
SMILE_JDK=${SMILE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -z "$CASES" ] && [ -z "${BASELINE:-}" ] && [ -x "$SMILE_JDK/bin/javac" ]; then
  mvn -B -q -Pbench-smile dependency:build-classpath -Dmdep.outputFile=target/bench-build/smile-classpath.txt
  SCP="target/bench-build/smile:$(cat target/bench-build/smile-classpath.txt)"
  mkdir -p target/bench-build/smile
  "$SMILE_JDK/bin/javac" -cp "$SCP" -d target/bench-build/smile src/jmh/smile/SmileGmm.java
  : > "$OUT/smile.jsonl"
  for fork in 1 2; do
    for c in gmm1d gmm10d; do
      "$SMILE_JDK/bin/java" -Xms12g -Xmx12g -XX:+AlwaysPreTouch --enable-native-access=ALL-UNNAMED -cp "$SCP" SmileGmm "$DATA" "$c" 2 3 \
        | grep '^{' | tee -a "$OUT/smile.jsonl"
    done
  done
fi

# Allocation: the core benchmarks again with JMH's GC profiler, in a separate run so that the profiler
# does not touch the timings above (1 fork, 1 warm-up + 2 fits; gc.alloc.rate.norm = bytes per fit)
[ "${SKIP_GC:-}" = 1 ] || java -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh-gc.json" -prof gc -f 1 -wi 1 -i 2 -e commonsMath "$JMH_INCLUDE" 2>&1 | tee "$OUT/jmh-gc.txt"

# scikit-learn's memory: one untimed fit per case under tracemalloc (peak of traced memory in the fit)
[ "${SKIP_GC:-}" = 1 ] || OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/jmh/python/bench_sklearn.py "$DATA" 1 0 $CASES | tee "$OUT/sklearn-memory.jsonl"

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PY" src/jmh/python/summarize.py "$OUT" | tee "$OUT/summary.md"
