#!/usr/bin/env bash
# Answer submissions per second at 20 concurrent learners, on the embedded H2 file and on PostgreSQL
# (Debian's, on localhost: set PG_URL, PG_USER, ARGMAX_DB_PASSWORD; skipped if PG_URL is empty).
# Usage (from the repository root): bash src/test/load/submissions.sh [LEARNERS] [SECONDS]
set -euo pipefail
LEARNERS=${1:-20}; SECONDS_=${2:-30}
DIR=${DIR:-/tmp/argmax-submissions}; rm -rf "$DIR"; mkdir -p "$DIR"
[ -f target/argmax.jar ] || mvn -B -q -DskipTests package
measure() { # name, jdbc url, extra args
  local port=7181
  java -Xmx1g -jar target/argmax.jar serve --port $port --trust-proxy --db "$2" "${@:3}" > "$DIR/$1.log" 2>&1 &
  local pid=$!
  for i in $(seq 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
  echo "== $1"; python3 src/test/load/submissions.py "http://127.0.0.1:$port" "$LEARNERS" "$SECONDS_"
  kill $pid; wait $pid 2>/dev/null || true
}
measure h2 "jdbc:h2:$DIR/db/argmax"
if [ -n "${PG_URL:-}" ]; then measure postgresql "$PG_URL" --db-user "${PG_USER:-argmax}"; fi
