#!/usr/bin/env bash
# Installs what the HTML report's browser test drives: Debian's chromium at /usr/bin/chromium (run as root).
# Idempotent; .ci/run calls it before the test suite. playwright-core drives this binary and never downloads one.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "browser-setup: apt-get install chromium"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
