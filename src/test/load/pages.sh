#!/usr/bin/env bash
# Lesson pages against the framework limit and nginx (issue 15): one command, stops by itself.
#
# Starts three servers on free ports and measures each with wrk, alternating, for four pages:
#   nginx   the same bytes from files (a temporary config, not the system's nginx service)
#   limit   Javalin/Jetty as Argmax starts them, answering the same bytes from memory
#           (src/test/java/org/argmax/testing/FrameworkLimit.java)
#   argmax  java -jar target/argmax.jar serve on a temporary database and the shipped course
# Pages: a visitor's lesson (/lessons/gaussian-mle), the home page, the KaTeX CSS from /webjars, and
# a signed-in learner's lesson page (the learner signs up first; nginx and the limit get that page's
# bytes). wrk sends no Accept-Encoding, so every server sends the same uncompressed bytes.
#
# Usage (from the repository root): bash src/test/load/pages.sh
# Environment: ROUNDS (3), DURATION (10, seconds per wrk run), WARMUP (10, seconds per server and page
# before the rounds), THREADS (2), CONNECTIONS (16), JAVA_OPTS (for both Java servers),
# LESSON (gaussian-mle), BUILD=0 to use the jar and test classes as they are, ARGMAX_JAR (target/argmax.jar:
# another build of Argmax to measure, e.g. main's, against the same references), ONLY (an extended regular
# expression: only the pages whose name matches, e.g. ONLY=learner or ONLY='lesson'; all four by default).
# A short check while developing (~20 s of wrk per page): BUILD=0 ONLY=learner ROUNDS=1 DURATION=3 WARMUP=5 bash src/test/load/pages.sh
# Prints a markdown table (median req/s of the rounds, with min–max; p99 of Argmax; ratios of the
# medians; CPU time per request of each server, from /proc, which a busy machine disturbs less than
# req/s) and writes it to target/load/pages-<time>.md. Takes about
# 4 pages × 3 servers × (ROUNDS × DURATION) + warm-up: ~7 min with the defaults.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-16}; LESSON=${LESSON:-gaussian-mle}
JAVA_OPTS=${JAVA_OPTS:-}; ARGMAX_JAR=${ARGMAX_JAR:-target/argmax.jar}

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "Install Debian's ${missing[*]} first: sudo apt-get install -y ${missing[*]}" >&2; exit 1; fi
  echo "Installing Debian's ${missing[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ "${BUILD:-1}" != 0 ]; then
  echo "Building target/argmax.jar and the test classes..."
  mvn -B -q -DskipTests package
  mvn -B -q -o -DskipTests test-compile
fi
CP="target/test-classes:target/argmax.jar"

WORK=$(mktemp -d /tmp/argmax-pages.XXXXXX)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # url, pid
  for _ in $(seq 120); do
    kill -0 "$2" 2>/dev/null || { echo "server for $1 exited; its log:" >&2; cat "$WORK"/*.log >&2; exit 1; }
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2; exit 1
}

# Argmax, on the shipped course and a new database
ARGMAX_PORT=$(free_port)
java $JAVA_OPTS -jar "$ARGMAX_JAR" serve --port "$ARGMAX_PORT" --db "jdbc:h2:$WORK/db/argmax" > "$WORK/argmax.log" 2>&1 &
PIDS+=($!); ARGMAX_PID=$!; wait_for "http://127.0.0.1:$ARGMAX_PORT/health" "$ARGMAX_PID"
A="http://127.0.0.1:$ARGMAX_PORT"

# a learner with a session
JAR="$WORK/cookies"
CSRF=$(curl -s -c "$JAR" "$A/signup" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode "displayName=Bench Learner" \
     --data-urlencode "username=bench$RANDOM$RANDOM" --data-urlencode "password=a long enough password for the bench" "$A/signup"
SESSION=$(awk '$6=="argmax_session"{print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "signing up the learner failed" >&2; exit 1; }
COOKIE="Cookie: argmax_session=$SESSION"

# the bytes every server sends
mkdir -p "$WORK/www"
curl -sf "$A/lessons/$LESSON" -o "$WORK/www/lesson.html"
curl -sf "$A/" -o "$WORK/www/home.html"
CSS_PATH=$(grep -o '/webjars/katex/[^"/]*/dist/katex.min.css' "$WORK/www/home.html" | head -1)
curl -sf "$A$CSS_PATH" -o "$WORK/www/katex.min.css"
curl -sf -H "$COOKIE" "$A/lessons/$LESSON" -o "$WORK/www/learner.html"
grep -q 'action="/signout"' "$WORK/www/learner.html" || { echo "the learner's page is not a signed-in page" >&2; exit 1; }
chmod -R a+rX "$WORK"

# nginx: same files, a temporary config
NGINX_PORT=$(free_port)
cat > "$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  types { text/html html; text/css css; }
  client_body_temp_path $WORK/nginx-tmp; proxy_temp_path $WORK/nginx-tmp; fastcgi_temp_path $WORK/nginx-tmp;
  uwsgi_temp_path $WORK/nginx-tmp; scgi_temp_path $WORK/nginx-tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
mkdir -p "$WORK/nginx-tmp"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon on;' 2> "$WORK/nginx.log"
N="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 20); do curl -sf -o /dev/null "$N/lesson.html" && break; sleep 0.25; done
NGINX_PID=$(cat "$WORK/nginx.pid")

# the framework limit
LIMIT_PORT=$(free_port)
java $JAVA_OPTS -cp "$CP" org.argmax.testing.FrameworkLimit "$LIMIT_PORT" "$WORK/www" > "$WORK/limit.log" 2>&1 &
PIDS+=($!); LIMIT_PID=$!; wait_for "http://127.0.0.1:$LIMIT_PORT/lesson.html" "$LIMIT_PID"
L="http://127.0.0.1:$LIMIT_PORT"

for f in lesson home katex.min learner; do
  ext=html; [ "$f" = katex.min ] && ext=css
  cmp -s <(curl -s "$N/$f.$ext") <(curl -s "$L/$f.$ext") || { echo "nginx and the limit differ on $f.$ext" >&2; exit 1; }
done

# page name | argmax url | extra header | file for nginx and the limit
PAGES=("lesson (visitor)|$A/lessons/$LESSON||lesson.html"
       "home (visitor)|$A/||home.html"
       "KaTeX CSS (webjar)|$A$CSS_PATH||katex.min.css"
       "lesson (signed-in learner)|$A/lessons/$LESSON|$COOKIE|learner.html")
if [ -n "${ONLY:-}" ]; then
  chosen=()
  for page in "${PAGES[@]}"; do [[ "${page%%|*}" =~ $ONLY ]] && chosen+=("$page"); done
  [ ${#chosen[@]} -gt 0 ] || { echo "ONLY='$ONLY' matches no page" >&2; exit 1; }
  PAGES=("${chosen[@]}")
fi

cpu_ticks() { # CPU time (clock ticks) of the processes and their children, e.g. nginx's workers
  local total=0 p
  for p in "$@" $(for q in "$@"; do pgrep -P "$q" || true; done); do
    [ -r "/proc/$p/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
run_wrk() { # seconds, url, header, server pids → "req/s p99-ms cpu-µs-per-request"
  local out before after
  before=$(cpu_ticks $4)
  if [ -n "$3" ]; then out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -H "$3" "$2"); else out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency "$2"); fi
  after=$(cpu_ticks $4)
  if echo "$out" | grep -q "Non-2xx"; then echo "wrk got errors from $2:" >&2; echo "$out" >&2; exit 1; fi
  local rps p99 n
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}')
  echo "$rps $p99 $(awk -v t=$((after - before)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Warming up (${WARMUP}s per server and page)..."
for page in "${PAGES[@]}"; do
  IFS='|' read -r name url header file <<< "$page"
  run_wrk "$WARMUP" "$url" "$header" "$ARGMAX_PID" >/dev/null
  run_wrk "$WARMUP" "$L/$file" "" "$LIMIT_PID" >/dev/null
done

RESULTS="$WORK/results.tsv"
for round in $(seq "$ROUNDS"); do
  for page in "${PAGES[@]}"; do
    IFS='|' read -r name url header file <<< "$page"
    for server in nginx limit argmax; do
      case $server in
        nginx) r=$(run_wrk "$DURATION" "$N/$file" "" "$NGINX_PID") ;;
        limit) r=$(run_wrk "$DURATION" "$L/$file" "" "$LIMIT_PID") ;;
        argmax) r=$(run_wrk "$DURATION" "$url" "$header" "$ARGMAX_PID") ;;
      esac
      printf '%s\t%s\t%s\t%s\n' "$name" "$server" "$round" "${r// /$'\t'}" >> "$RESULTS"
      read -r rps p99 cpu <<< "$r"
      echo "round $round, $name, $server: $rps req/s, p99 $p99 ms, $cpu µs CPU per request"
    done
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p target/load
REPORT="target/load/pages-$(date -u +%Y%m%d-%H%M%S).md"
python3 - "$RESULTS" "$LOAD_BEFORE" "$LOAD_AFTER" "$ROUNDS" "$DURATION" "$THREADS" "$CONNECTIONS" > "$REPORT" <<'EOF'
import statistics, sys, platform, subprocess
path, before, after, rounds, duration, threads, conns = sys.argv[1:]
rows = {}
for line in open(path):
    name, server, _, rps, p99, cpu = line.rstrip("\n").split("\t")
    rows.setdefault(name, {}).setdefault(server, []).append((float(rps), float(p99), float(cpu)))
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
ncpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
def fmt(v): return f"{v:,.0f}"
def span(xs): return f"{fmt(statistics.median(xs))} ({fmt(min(xs))}–{fmt(max(xs))})" if len(xs) > 1 else fmt(xs[0])
print(f"wrk -t{threads} -c{conns} -d{duration}s, {rounds} round(s) alternating nginx / framework limit / Argmax; "
      f"{cpu}, {ncpu} CPUs; load average {before} before, {after} after.\n")
print("| page | nginx req/s | framework limit req/s | Argmax req/s | Argmax p99 | Argmax / nginx | Argmax / limit "
      "| CPU µs per request: nginx, limit, Argmax | limit / Argmax CPU |")
print("|---|---|---|---|---|---|---|---|---|")
for name, by in rows.items():
    n = [r[0] for r in by["nginx"]]; l = [r[0] for r in by["limit"]]; a = [r[0] for r in by["argmax"]]
    p99 = statistics.median(r[1] for r in by["argmax"])
    cpu = {s: statistics.median(r[2] for r in by[s]) for s in ("nginx", "limit", "argmax")}
    print(f"| {name} | {span(n)} | {span(l)} | {span(a)} | {p99:.1f} ms | "
          f"{statistics.median(a) / statistics.median(n):.2f}× | {statistics.median(a) / statistics.median(l):.2f}× | "
          f"{cpu['nginx']:.0f}, {cpu['limit']:.0f}, {cpu['argmax']:.0f} | {cpu['limit'] / cpu['argmax']:.2f}× |")
EOF
echo
cat "$REPORT"
echo
echo "Written to $REPORT"
