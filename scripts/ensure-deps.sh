#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json, and says so:
# `npm ci` is silent for about a minute. Sourced by every npm script (scripts/run.sh) and by
# npm start / npm test / npm run dev, so a fresh clone never fails with ERR_MODULE_NOT_FOUND.
# Expects Node on PATH (scripts/node-env.sh) and the project folder as the working directory.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== Afhankelijkheden installeren (npm ci; op een nieuwe machine ongeveer een minuut) …" >&2
  started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error || return 1 2>/dev/null || exit 1
  echo "   klaar in $((SECONDS - started)) s" >&2
fi
