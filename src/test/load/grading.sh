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
# WARMUP [10] seconds at 100/s before measuring, LEARNERS [50], PATHS [json,form], DBS [h2,postgresql],
# OUT [target/load-results], SERVER_JAVA_OPTS [none] (options of the server JVM, e.g. a profiler),
# START_TIMEOUT [300] seconds for a server to answer /health.
# A smoke run: SECONDS=10 RATES=50,200 DBS=h2 src/test/load/grading.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/load-classpath.txt)" org.argmax.load.GradingLoad
