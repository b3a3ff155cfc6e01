#!/usr/bin/env bash
# tests/system/publish.test.ts puts real nginx in front of the releases `npm run publish` swaps
# (docs/deploy.md, "Publiceren"). Install Debian's nginx when it is missing and we can (root with
# apt-get); otherwise say what to do. Only the binary is used: the test runs its own nginx with its
# own configuration on a free port, the system's nginx service is not started or touched.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "== nginx installeren (Debian-pakket)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  command -v nginx >/dev/null 2>&1 && exit 0
fi
echo "nginx ontbreekt. Installeer het pakket 'nginx' (alleen het programma; de test start een eigen nginx)." >&2
exit 1
