#!/usr/bin/env bash
# Measures the instructor pages on a class of 1,000 learners × 50 exercises × 5 attempts.
# Usage (from the repository root): bash src/test/load/measure-instructor-pages.sh
set -euo pipefail
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DIR=${DIR:-/tmp/argmax-load}
PORT=${PORT:-7171}
mvn -B -q -DskipTests package
mvn -B -q -o test-compile
CP="target/test-classes:target/argmax.jar"
if [ ! -f "$DIR/db/argmax.mv.db" ]; then
  rm -rf "$DIR"
  /usr/bin/time -f "generated in %e s" java -cp "$CP" org.argmax.progress.LoadGenerator "$DIR" 1000 50 5
fi
java -Xmx1g -jar target/argmax.jar serve --port "$PORT" --content "$DIR/content" --db "jdbc:h2:$DIR/db/argmax" > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
for i in $(seq 60); do curl -sf "http://localhost:$PORT/health" >/dev/null && break; sleep 1; done
JAR=$(mktemp); 
CSRF=$(curl -s -c "$JAR" "http://localhost:$PORT/signin" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode "username=prof" \
     --data-urlencode "password=prof's long password" "http://localhost:$PORT/signin"
SESSION=$(awk '$6=="argmax_session"{print $7}' "$JAR")
for path in /instructor "/instructor/gradebook?page=1" /instructor/learners/500 /instructor/gradebook.csv /instructor/attempts.csv; do
  echo "== $path"
  curl -s -o /tmp/argmax-page -w "single request: %{time_total} s, %{size_download} bytes, HTTP %{http_code}\n" \
       -H "Cookie: argmax_session=$SESSION" "http://localhost:$PORT$path"
  case "$path" in
    *.csv) curl -s -o /dev/null -w "second request (warm JVM): %{time_total} s\n" -H "Cookie: argmax_session=$SESSION" "http://localhost:$PORT$path" ;;
    *) wrk -t2 -c4 -d10s -H "Cookie: argmax_session=$SESSION" --latency "http://localhost:$PORT$path" | grep -E "Requests/sec|50%|99%" ;;
  esac
done
