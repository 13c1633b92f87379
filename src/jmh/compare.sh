#!/usr/bin/env bash
# The core now against the core at earlier commits, in one run: the same JMH benchmarks (today's
# src/jmh/java) run alternately against each version, one fork at a time, so that the machine's drift
# and other load hit all of them alike. Compare the ratios, not the absolute times.
#
#   bash src/jmh/compare.sh 'REF [REF…]' [JMH_REGEX]
#
# REF: any git commit (e.g. b61ca1e^ = before the lean core, main, HEAD). The core at REF
# (src/main/java/org/argmax/estimation only) is compiled by baseline-classes.sh and put ahead of
# today's classes on the class path, so it shadows them; the benchmark classes are today's and call
# only the core's public API. "current" is the working tree as built by `mvn -Pbench compile` (done here).
#
# Environment: ROUNDS (default 2: forks per version; the order of the versions reverses every round),
# START_ROUND (default 1; above 1 adds rounds to the results already in OUT),
# WI and I (warm-up and measured fits per fork; default 2 and 3), OUT (default target/bench-compare),
# SKIP_BUILD=1 (reuse target/bench-build/classes). Writes OUT/<version>-rN.json, OUT/compare.md
# (the first REF is the baseline of the speed-up column).
set -euo pipefail
cd "$(dirname "$0")/../.."
REFS=${1:?usage: compare.sh 'REF [REF...]' [JMH_REGEX]}
REGEX=${2:-'org.argmax.bench.*.core.*'}
ROUNDS=${ROUNDS:-2}
WI=${WI:-2}
I=${I:-3}
OUT=${OUT:-target/bench-compare}
PY=${PYTHON:-/usr/bin/python3}
mkdir -p "$OUT"
START_ROUND=${START_ROUND:-1}
[ "$START_ROUND" != 1 ] || rm -f "$OUT"/*-r*.json "$OUT"/*-r*.txt
rm -f "$OUT/versions.txt"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -o -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-build/classpath.txt
fi
DEPS=$(cat target/bench-build/classpath.txt)
NAMES=() CPS=()
for ref in $REFS; do
  sha=$(git rev-parse --short "$ref^{commit}")
  NAMES+=("$sha")
  CPS+=("$(bash src/jmh/baseline-classes.sh "$sha"):target/bench-build/classes:$DEPS")
  echo "$sha $ref" >> "$OUT/versions.txt"
done
NAMES+=(current)
CPS+=("target/bench-build/classes:$DEPS")
echo "current $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src/main || echo ' + uncommitted changes')" >> "$OUT/versions.txt"

[ "$START_ROUND" != 1 ] || rm -f "$OUT/machine.txt"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $(java -version 2>&1 | head -1)"
  echo "JMH: rounds $START_ROUND to $ROUNDS, 1 fork per version, $WI warm-up + $I measured fits per fork; regex $REGEX"
  echo "load average at start (round $START_ROUND): $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$OUT/machine.txt"

n=${#NAMES[@]}
# odd rounds run the versions in order, even rounds in reverse (ABC CBA …), so that a steady drift of
# the machine's speed during the run favours none of them over an even number of rounds
for r in $(seq "$START_ROUND" "$ROUNDS"); do
  for s in $(seq 0 $((n - 1))); do
    v=$(( r % 2 == 1 ? s : n - 1 - s ))
    echo "== ${NAMES[$v]} round $r, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    # JMH holds /tmp/jmh.lock while it runs: a second JMH on the machine makes this one stop with an error
    if ! java -cp "${CPS[$v]}" org.openjdk.jmh.Main -f 1 -wi "$WI" -i "$I" -rf json -rff "$OUT/${NAMES[$v]}-r$r.json" "$REGEX" \
        > "$OUT/${NAMES[$v]}-r$r.txt" 2>&1; then
      grep -E 'ERROR|Exception' "$OUT/${NAMES[$v]}-r$r.txt" | head -5 >&2
      echo "JMH failed for ${NAMES[$v]} (log: $OUT/${NAMES[$v]}-r$r.txt)" >&2
      exit 1
    fi
    grep -E '^[A-Za-z]+Benchmark\.' "$OUT/${NAMES[$v]}-r$r.txt" >&2 || true
  done
done
echo "load average at end (round $ROUNDS): $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
"$PY" src/jmh/python/compare.py "$OUT" | tee "$OUT/compare.md"
