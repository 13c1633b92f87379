#!/usr/bin/env bash
# Stores the classes of the packaged jar uncompressed (every other entry stays as it is): each JVM that starts from the jar
# then reads its classes without inflating them. Without the class-data archive a start reads ~5,800 of them: the first
# page came 40-180 ms sooner, with it 35-70 ms (BENCHMARKS.md, start-up); the jar grows from 53 to 79 MB.
# Run by the pom after the shade plugin. Usage: store-classes.sh JAR_TOOL JAR
set -euo pipefail
jar_tool=$1
jar_file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$jar_tool" --extract --file "$jar_file")
find "$tmp" -type f ! -name '*.class' -delete
"$jar_tool" --update --no-compress --file "$jar_file" -C "$tmp" .
