#!/usr/bin/env bash
# `npm run dev`: the development server with live preview for trainers. Content errors show in
# the terminal and in the page.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
export DATABASE_URL="${DATABASE_URL:-file:./data/leergang.db}"
node scripts/migrate.ts
node scripts/seed-demo.ts --if-empty
exec npx astro dev
