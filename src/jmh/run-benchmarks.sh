#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: data → scikit-learn (1 thread, default threads) → JMH (core, commons-math3)
# → Smile (Java 25) → target/bench-results/summary.md. Run from anywhere; ~14 minutes on 2 vCPUs.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=target/bench-data
OUT=target/bench-results
PY=${PYTHON:-/usr/bin/python3}
mkdir -p "$OUT"

[ -f "$DATA/logit_xy.bin" ] || "$PY" src/jmh/python/make_data.py "$DATA"

mvn -B -q -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-build/classpath.txt
CP="target/bench-build/classes:$(cat target/bench-build/classpath.txt)"

{
  echo "date: $(date -u +%FT%TZ)"
  lscpu | grep -E 'Model name|^CPU\(s\)|Thread|MHz' || true
  free -g | head -2
  java -version 2>&1 | head -1
  "$PY" -c 'import numpy, scipy, sklearn; print("numpy", numpy.__version__, "scipy", scipy.__version__, "sklearn", sklearn.__version__)'
} > "$OUT/machine.txt"

# scikit-learn: malloc tuned so numpy's large temporaries are not mmap'ed/unmapped on every call
# (sklearn's best case, see /work/shared/BENCHMARK-NOTES.md); fit call only, warm-up + 5 repeats
export MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" src/jmh/python/bench_sklearn.py "$DATA" 1 5 | tee "$OUT/sklearn-1thread.jsonl"
"$PY" src/jmh/python/bench_sklearn.py "$DATA" default 5 | tee "$OUT/sklearn-default-threads.jsonl"
unset MALLOC_MMAP_THRESHOLD_ MALLOC_TRIM_THRESHOLD_

# JMH: forks, warm-ups and -Xms12g -Xmx12g are in the @Fork/@Warmup/@Measurement annotations
java -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$OUT/jmh.json" 'org.argmax.bench.*' 2>&1 | tee "$OUT/jmh.txt"

# Smile 6.3.0 needs Java 25 and the system OpenBLAS (FFM): its own javac/java step, plain timing
# loop (2 untimed + 3 timed fits) in 2 JVMs. Skipped when no Java 25 JDK is found.
SMILE_JDK=${SMILE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -x "$SMILE_JDK/bin/javac" ]; then
  mvn -B -q -Pbench-smile dependency:build-classpath -Dmdep.outputFile=target/bench-build/smile-classpath.txt
  SCP="target/bench-build/smile:$(cat target/bench-build/smile-classpath.txt)"
  mkdir -p target/bench-build/smile
  "$SMILE_JDK/bin/javac" -cp "$SCP" -d target/bench-build/smile src/jmh/smile/SmileGmm.java
  : > "$OUT/smile.jsonl"
  for fork in 1 2; do
    for c in gmm1d gmm10d; do
      "$SMILE_JDK/bin/java" -Xms12g -Xmx12g --enable-native-access=ALL-UNNAMED -cp "$SCP" SmileGmm "$DATA" "$c" 2 3 \
        | grep '^{' | tee -a "$OUT/smile.jsonl"
    done
  done
fi

"$PY" src/jmh/python/summarize.py "$OUT" | tee "$OUT/summary.md"
