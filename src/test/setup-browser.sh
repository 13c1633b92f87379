#!/usr/bin/env bash
# Run by Maven before the tests: the Selenium tests drive Debian's chromium with Debian's
# chromedriver (no driver download at run time). Installs both when missing and we are root.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Debian's chromium and chromium-driver." >&2
  echo "Install them once with: sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "Installing Debian's chromium and chromium-driver for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version
