#!/usr/bin/env bash
# Start-up time and memory of `java -jar target/argmax.jar serve`: RUNS starts (default 10) of each
# configuration on an existing database and on a fresh one, time from process start to the first 200
# of / and of /health, CPU time, RSS when idle, clean stop on SIGTERM; then one start of each with
# the per-phase trace (ARGMAX_STARTUP_TRACE=1). Configurations: one JVM with the JDK's defaults (as
# before the launcher), the launcher without the class-data archive, the launcher with it.
# Usage (from the repository root): bash src/test/load/startup.sh [RUNS]
set -euo pipefail
RUNS=${1:-10}
[ -f target/argmax.jar ] || mvn -B -q -DskipTests package
exec python3 src/test/load/startup.py --runs "$RUNS" --jar target/argmax.jar
