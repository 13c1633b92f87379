#!/usr/bin/env bash
# 1,000 parallel /api/estimate fits (each from its own address) against a server on an H2 file,
# while a lesson page is fetched every 0.2 s. Usage: bash src/test/load/flood-estimate.sh [REQUESTS]
set -euo pipefail
DIR=${DIR:-/tmp/argmax-flood}; rm -rf "$DIR"; mkdir -p "$DIR"; PORT=${PORT:-7191}
[ -f target/argmax.jar ] || mvn -B -q -DskipTests package
java -Xmx1g -jar target/argmax.jar serve --port $PORT --trust-proxy --db "jdbc:h2:$DIR/db/argmax" > "$DIR/server.log" 2>&1 &
SERVER=$!; trap 'kill $SERVER' EXIT
for i in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
python3 src/test/load/flood-estimate.py "http://127.0.0.1:$PORT" "${1:-1000}"
