#!/usr/bin/env bash
# Run by Maven before the tests. The Selenium tests drive Debian's chromium with Debian's
# chromedriver (no driver download at run time); ReferenceDumpTest runs
# src/test/python/recompute_references.py with Debian's /usr/bin/python3 and its numpy, scipy and
# scikit-learn; the integration tests that run on PostgreSQL start a throw-away cluster of their own
# with Debian's postgresql binaries (src/test/java/org/argmax/testing/Postgres.java), and need
# runuser (util-linux) to run it as the user postgres when we are root. Installs whatever is
# missing when we are root.
set -euo pipefail
packages=()
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  packages+=(chromium chromium-driver)
fi
if ! /usr/bin/python3 -c 'import numpy, scipy, sklearn' >/dev/null 2>&1; then
  packages+=(python3 python3-numpy python3-scipy python3-sklearn)
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  packages+=(postgresql)
fi
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian's ${packages[*]}." >&2
  echo "Install them once with: sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi
echo "Installing Debian's ${packages[*]} for the tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${packages[@]}" >/dev/null
if [[ " ${packages[*]} " == *" chromium "* ]]; then /usr/bin/chromium --version; fi
if [[ " ${packages[*]} " == *" postgresql "* ]]; then ls -d /usr/lib/postgresql/*/bin; fi
if [[ " ${packages[*]} " == *" python3-numpy "* ]]; then
  /usr/bin/python3 -c 'import numpy, scipy, sklearn; print("numpy", numpy.__version__, "scipy", scipy.__version__, "scikit-learn", sklearn.__version__)'
fi
