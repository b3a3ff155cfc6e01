#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json, and says so:
# `npm ci` is silent for about a minute. Sourced by every npm script (scripts/run.sh) and by
# npm start / npm test / npm run dev, so a fresh clone never fails with ERR_MODULE_NOT_FOUND.
# Expects Node on PATH (scripts/node-env.sh) and the project folder as the working directory.
# A node_modules that is a link to another checkout's (a release folder of `npm run publish`, a
# test's copy, a helper's worktree) is that checkout's to install: an npm ci here would go through
# the link and empty it under every process that uses it.
if [ -L node_modules ]; then
  :
elif [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== Afhankelijkheden installeren (npm ci; op een nieuwe machine ongeveer een minuut) …" >&2
  started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error || return 1 2>/dev/null || exit 1
  echo "   klaar in $((SECONDS - started)) s" >&2
fi
