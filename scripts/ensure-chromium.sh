#!/usr/bin/env bash
# Playwright cannot download its own browser here; the tests use Debian's Chromium. Install it
# when it is missing and we can (root with apt-get); otherwise say what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "== Chromium installeren (Debian-pakket)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "Chromium ontbreekt op $CHROMIUM. Installeer het pakket 'chromium' of zet CHROMIUM_PATH." >&2
exit 1
