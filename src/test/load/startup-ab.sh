#!/usr/bin/env bash
# Side-by-side start-up A/B on a loaded machine: variants take turns, ROUNDS times; each start is traced
# (ARGMAX_STARTUP_TRACE=1) and the line of the first response gives the wall time from the launcher's
# start and the server JVM's CPU until then. Prints the medians per variant and the load average.
# Usage (from the repository root):
#   bash src/test/load/startup-ab.sh ROUNDS "label|java options|env assignments|jar|database folder" ...
# e.g. main's jar against this one, each on an existing database of its own (start each once first, so that
# the database and the course-check record exist):
#   bash src/test/load/startup-ab.sh 3 "main|||/tmp/main/target/argmax.jar|/tmp/dbA" "new|||target/argmax.jar|/tmp/dbB" \
#        "main-nocds||ARGMAX_CDS=off|/tmp/main/target/argmax.jar|/tmp/dbA" "new-nocds||ARGMAX_CDS=off|target/argmax.jar|/tmp/dbB"
set -uo pipefail
N=$1; shift
declare -A W C
for i in $(seq 1 "$N"); do
  for v in "$@"; do
    IFS='|' read -r label opts envs jar db <<< "$v"
    PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("",0));print(s.getsockname()[1])')
    LOG=$(mktemp)
    # shellcheck disable=SC2086
    env ARGMAX_STARTUP_TRACE=1 $envs java $opts -jar "${jar:-target/argmax.jar}" serve --port "$PORT" --db "jdbc:h2:${db:-/tmp/argmax-ab}/argmax" > "$LOG" 2>&1 &
    P=$!
    for k in $(seq 1 3000); do
      c=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/" 2>/dev/null); [ "$c" = 200 ] && break; sleep 0.01
    done
    sleep 0.2
    line=$(grep 'first response' "$LOG" | tail -1)
    W[$label]+="$(echo "$line" | sed -E 's/^\[startup\] +([0-9]+) ms.*/\1/') "
    C[$label]+="$(echo "$line" | sed -E 's/.*cpu +([0-9]+) ms.*/\1/') "
    kill $P; wait $P 2>/dev/null; rm -f "$LOG"
  done
done
for v in "$@"; do
  IFS='|' read -r label _ <<< "$v"
  python3 -c "import statistics;w=[int(x) for x in '${W[$label]}'.split()];c=[int(x) for x in '${C[$label]}'.split()];print(f'$label: first 200 of / median {statistics.median(w)} ms {w}; server JVM CPU median {statistics.median(c)} ms {c}')"
done
echo "load average: $(cat /proc/loadavg)"
