#!/usr/bin/env bash
# Settings side by side on one build: variants "label|H2 URL options|server JVM options" take turns ROUNDS times, each a
# short run of src/test/load/grading.sh on H2 with the server's GC log; prints per run the commits the answer writer
# made, grading.sh's row, the young collections (count, MB allocated between them, median and p90 pause) and the RSS.
# Usage (from the repository root):
#   bash src/test/load/grading-options-ab.sh ROUNDS "label|h2 options|java options" ...
# e.g. H2's page cache:  bash src/test/load/grading-options-ab.sh 2 "4MB|;CACHE_SIZE=4096|" "1MB|;CACHE_SIZE=1024|"
# or a JVM option:       bash src/test/load/grading-options-ab.sh 2 "now||" "mtt4||-XX:MaxTenuringThreshold=4"
# Environment: RATES [400], RUN_SECONDS [30] (grading.sh's SECONDS; bash has a SECONDS of its own), WARMUP [20], PATHS [json].
set -euo pipefail
ROUNDS=${1:?usage: grading-options-ab.sh ROUNDS "label|h2 options|java options" ...}; shift
for round in $(seq 1 "$ROUNDS"); do
  for variant in "$@"; do
    IFS='|' read -r label h2 jopts <<< "$variant"
    log=$(mktemp /tmp/grading-gc-XXXX.log)
    out=$(H2_URL_OPTIONS="$h2" SERVER_JAVA_OPTS="-Xlog:gc:file=$log $jopts" RATES=${RATES:-400} SECONDS=${RUN_SECONDS:-30} \
      WARMUP=${WARMUP:-20} PATHS=${PATHS:-json} DBS=h2 OUT=$(mktemp -d) bash src/test/load/grading.sh 2>&1)
    row=$(echo "$out" | grep -E '^\| h2 \| [a-z]+ \| [0-9]' | tr '\n' ' ')
    young=$(python3 - "$log" <<'PY'
import re, sys
pauses, previous, allocated = [], None, 0
for line in open(sys.argv[1]):
    m = re.search(r'Pause Young.* (\d+)M->(\d+)M\S* (\d+\.\d+)ms', line)
    if m:
        before, after, ms = int(m.group(1)), int(m.group(2)), float(m.group(3))
        if previous is not None:
            allocated += before - previous
        previous = after
        pauses.append(ms)
pauses.sort()
print(f"young {len(pauses)} alloc {allocated}MB median {pauses[len(pauses) // 2]:.1f}ms p90 {pauses[int(len(pauses) * .9)]:.1f}ms"
      if pauses else "no young collections")
PY
)
    server_log=$(ls -td /tmp/argmax-grading-load-*/ | head -1)server.log
    commits=$(grep -o "[0-9]* writes stored in [0-9]* commits" "$server_log" | tail -1 || true)
    rss=$(echo "$out" | grep -o 'RSS after the grading load [^(]*' | head -1 || true)
    echo "$label round $round: $commits | $row | $young | $rss"
  done
done
