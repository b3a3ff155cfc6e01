#!/usr/bin/env bash
# The server the browser tests talk to: the built site on the port playwright.config.ts chose,
# with a fresh database of its own. Builds the site first, so a run never tests a dist/ left over
# from other code; `npm test` has just built it and says so with E2E_BUILD=fresh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh
: "${E2E_PORT:?E2E_PORT ontbreekt: start de browsertests met npm run test:e2e}"
: "${E2E_DATABASE_URL:?E2E_DATABASE_URL ontbreekt: start de browsertests met npm run test:e2e}"
source scripts/e2e-fresh-db.sh
if [ "${E2E_BUILD:-}" != fresh ]; then
  bash scripts/build.sh
fi
HOST=127.0.0.1 PORT="$E2E_PORT" exec node dist/server/entry.mjs
