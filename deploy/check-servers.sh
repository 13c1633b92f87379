#!/usr/bin/env bash
# Compares /health of every Argmax server behind the proxy: each must answer 200 and report the
# same content version (a SHA-256 of its content/ folder). Exits 1 and says which differ otherwise.
# Usage: deploy/check-servers.sh http://127.0.0.1:7071 http://127.0.0.1:7072
set -uo pipefail
first=""; status=0
for server in "$@"; do
  body=$(curl -s -m 5 -w '\n%{http_code}' "$server/health") || { echo "$server: no answer"; status=1; continue; }
  code=${body##*$'\n'}; json=${body%$'\n'*}
  version=$(printf '%s' "$json" | sed -n 's/.*"content":"\([^"]*\)".*/\1/p')
  echo "$server: HTTP $code, content $version"
  [ "$code" = 200 ] || status=1
  if [ -z "$first" ]; then first=$version; elif [ "$version" != "$first" ]; then echo "  differs from the first server's content"; status=1; fi
done
exit $status
