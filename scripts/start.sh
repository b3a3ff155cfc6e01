#!/usr/bin/env bash
# `npm start`: everything a fresh clone needs to serve the platform on http://localhost:4321.
# Obtains a new enough Node, installs dependencies when missing, migrates the database, loads the
# demo data on first start, builds and serves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh

source scripts/ensure-deps.sh

export DATABASE_URL="${DATABASE_URL:-file:./data/leergang.db}"
node scripts/migrate.ts
node scripts/seed-demo.ts --if-empty

bash scripts/build.sh

export HOST="${HOST:-localhost}"
export PORT="${PORT:-4321}"
echo "Leergang Toegang draait op http://${HOST}:${PORT}  (stoppen: Ctrl+C)"
# Memory caps for V8 and glibc: see docs/deploy.md (geheugen) and scripts/bench/server.ts.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-semi-space-size=16 --max-old-space-size=160 dist/server/entry.mjs
