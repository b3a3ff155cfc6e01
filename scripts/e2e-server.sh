#!/usr/bin/env bash
# The server the browser tests talk to: the built site on its own port with a fresh database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh
export DATABASE_URL="file:./data/e2e/leergang.db"
rm -rf data/e2e
node scripts/migrate.ts >/dev/null
node scripts/seed-demo.ts >/dev/null
[ -f dist/server/entry.mjs ] || npx astro build --silent
HOST=127.0.0.1 PORT="${E2E_PORT:-4399}" exec node dist/server/entry.mjs
