#!/usr/bin/env bash
# Soak of the embedded H2 file: 200,000 writes, SIGKILL at random moments (a third of them during a
# compaction), file size sampled every 0.1 s. Usage (from the repository root):
#   bash src/test/load/soak-h2.sh [WRITES] [-Dargmax.h2.compactAboveMb=N ...]
# Figures in BENCHMARKS.md ("Embedded H2: file size and kill -9"). The writer never pauses, so the
# server would only compact at its forced threshold (1 GB); the soak lowers that to 16 MB, the
# threshold it had before compactions waited for lulls (options given here come later and win).
set -euo pipefail
WRITES=${1:-200000}; shift || true
DIR=${DIR:-/tmp/argmax-soak}
export DIR
rm -rf "$DIR"
mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
# a copy of the classes, so that building while the soak runs does not change what the children run
mkdir -p "$DIR/classes"
cp -r target/classes target/test-classes "$DIR/classes/"
python3 src/test/load/soak-h2.py "$DIR/classes/classes:$DIR/classes/test-classes:$(cat target/test-classpath.txt)" "$DIR/data" "$WRITES" -Dargmax.h2.forceCompactAboveMb=16 "$@"
