#!/usr/bin/env bash
# Open-loop load on answer submissions (org.argmax.load.GradingLoad): 50 learners sign up, then
# submissions arrive at fixed rates (send times fixed in advance, latency from the intended send
# time) on the JSON path and the plain form path, on H2 and on a throw-away PostgreSQL cluster; every
# stored attempt is counted afterwards. Builds what it needs, starts and stops the servers itself.
# Prints a Markdown table and writes it to target/load-results/grading-<date>.md; exits 1 when the
# stored attempts differ from the acknowledged ones.
#
# Full run (about 25 minutes: 5 rates x 2 paths x 60 s x 2 databases, plus sign-ups and warm-ups):
#   src/test/load/grading.sh
# Environment (defaults in brackets): RATES [50,100,200,400,800] per second, SECONDS [60] per rate,
# WARMUP [30] seconds at 100/s before measuring (the JIT compiler is still busy after 10), LEARNERS [50], PATHS [json,form], DBS [h2,postgresql],
# OUT [target/load-results], SERVER_JAVA_OPTS [none] (options of the server JVM, e.g. a profiler),
# START_TIMEOUT [300] seconds for a server to answer /health, PAUSE_MS [3000] between phases, then until /health answers within 50 ms twice (a lull:
# the server compacts its H2 file then), H2_URL_OPTIONS [none] appended to the H2 URL (e.g. ;PAGE_SIZE=2048).
# The report also gives the server's RSS after the grading load (launcher + server JVM) and the H2
# compactions from the server's log (how many fell inside a measured phase, and how long they held requests).
# A smoke run: SECONDS=10 RATES=50,200 DBS=h2 src/test/load/grading.sh
# A profile: java -jar re-executes itself (the launcher), so run the server in one JVM with the launcher's heap:
#   ARGMAX_NO_RELAUNCH=1 SERVER_JAVA_OPTS='-Xmx256m -XX:+UseSerialGC -XX:StartFlightRecording=filename=/tmp/g.jfr' \
#   SECONDS=15 WARMUP=5 RATES=400 PATHS=json DBS=h2 src/test/load/grading.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/load-classpath.txt)" org.argmax.load.GradingLoad
