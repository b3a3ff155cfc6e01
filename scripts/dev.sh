#!/usr/bin/env bash
# `npm run dev`: the development server with live preview for trainers. Content errors show in
# the terminal and in the page.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/ensure-deps.sh
export DATABASE_URL="${DATABASE_URL:-file:./data/leergang.db}"
node scripts/migrate.ts
node scripts/seed-demo.ts --if-empty
exec npx astro dev
