#!/usr/bin/env bash
# Installs what the tests need besides npm packages: a real Prometheus (Debian's package; the
# metrics tests start it on 127.0.0.1 and fail loudly without it). Idempotent; used by .ci/run
# and by the README's test command.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "installing prometheus (Debian package) for the metrics tests" >&2
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
