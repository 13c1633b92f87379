#!/usr/bin/env bash
# Compiles the estimation core (src/main/java/org/argmax/estimation) as it was at a git commit, alone,
# against the bench class path (EJML, Hipparchus), and prints the class directory:
# target/bench-build/baseline-<sha>/classes (kept; rebuilt only if missing). Used by compare.sh and
# by run-benchmarks.sh with BASELINE=<ref>. Needs target/bench-build/classpath.txt (mvn -Pbench).
set -euo pipefail
cd "$(dirname "$0")/../.."
REF=${1:?usage: baseline-classes.sh REF}
SHA=$(git rev-parse --short=10 "$REF^{commit}")
DIR=target/bench-build/baseline-$SHA
if [ ! -f "$DIR/classes/org/argmax/estimation/GaussianMixture.class" ]; then
  rm -rf "$DIR"
  mkdir -p "$DIR/src" "$DIR/classes"
  git archive "$SHA" src/main/java/org/argmax/estimation | tar -x -C "$DIR/src"
  javac -nowarn -encoding UTF-8 --release 17 --add-modules jdk.incubator.vector -cp "$(cat target/bench-build/classpath.txt)" -d "$DIR/classes" \
    $(find "$DIR/src" -name '*.java') >&2
fi
echo "$DIR/classes"
