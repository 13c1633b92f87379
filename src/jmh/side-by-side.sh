#!/usr/bin/env bash
# The core at REF against the current one in one JVM, fits alternated (SideBySide.java): a paired
# speed-up that stays usable on a loaded machine. Regression and k-means cases only.
#   bash src/jmh/side-by-side.sh REF CASE [PAIRS]     e.g. bash src/jmh/side-by-side.sh main logistic 10
# CASE: ols, ridge, logistic, lasso, kmeans10d, kmeans1d. Needs the data (make_data.py) and the bench
# build (mvn -Pbench compile, done here unless SKIP_BUILD=1).
set -euo pipefail
cd "$(dirname "$0")/../.."
REF=${1:?usage: side-by-side.sh REF CASE [PAIRS]}
CASE=${2:?usage: side-by-side.sh REF CASE [PAIRS]}
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -o -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench-build/classpath.txt
fi
DEPS=$(cat target/bench-build/classpath.txt)
OLD=$(bash src/jmh/baseline-classes.sh "$REF")
java -Xms8g -Xmx8g -XX:+AlwaysPreTouch --add-modules=jdk.incubator.vector -cp "target/bench-build/classes:$DEPS" org.argmax.bench.SideBySide "$OLD" target/bench-build/classes "$DEPS" "$CASE" "${3:-10}"
