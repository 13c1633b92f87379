#!/usr/bin/env bash
# Allocation per grading run, side by side: two checkouts (e.g. main's and a change's worktree) take turns ROUNDS
# times, each a short JSON-path run at 400/s (src/test/load/grading.sh), with the server's GC log; prints the p99 row
# and the megabytes allocated between young collections (the whole run: sign-ups, warm-up, measured phase).
# Usage: bash src/test/load/grading-alloc-ab.sh ROUNDS DIR_A DIR_B     (each DIR a checkout of this repository)
# Environment: RATES [400], RUN_SECONDS [30] (grading.sh's SECONDS; bash has a SECONDS of its own), WARMUP [20], PATHS [json].
set -euo pipefail
ROUNDS=${1:?usage: grading-alloc-ab.sh ROUNDS DIR_A DIR_B}; A=${2:?}; B=${3:?}
for round in $(seq 1 "$ROUNDS"); do
  for dir in "$A" "$B"; do
    log=$(mktemp /tmp/grading-gc-XXXX.log)
    (cd "$dir" && SERVER_JAVA_OPTS="-Xlog:gc:file=$log" RATES=${RATES:-400} SECONDS=${RUN_SECONDS:-30} WARMUP=${WARMUP:-20} \
      PATHS=${PATHS:-json} DBS=h2 OUT=$(mktemp -d) src/test/load/grading.sh 2>&1 | grep -E '^\| h2 \| [a-z]+ \| [0-9]' | sed "s|^|$dir round $round |")
    python3 - "$log" <<'PY'
import re, sys
previous, allocated, collections = None, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r'Pause Young.* (\d+)M->(\d+)M', line)
    if m:
        before, after = int(m.group(1)), int(m.group(2))
        if previous is not None:
            allocated += before - previous
        previous, collections = after, collections + 1
print(f"  young collections {collections}, allocated between them {allocated} MB")
PY
    rm -f "$log"
  done
done
