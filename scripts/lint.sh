#!/usr/bin/env bash
# `npm run lint`: the guardrails `npm test` runs first. The code is formatted as Prettier does it,
# and imports keep to the floors in .dependency-cruiser.cjs (no floor imports a higher one, nothing
# imports in a circle; docs/decisions/0008-lagen-en-grenzen.md).
# `npm run format` (this script with --format) rewrites the files Prettier would change.
# Expects Node on PATH (node-env.sh).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The code Prettier keeps in shape; what trainers write (content/) and prose stay as written.
CODE=('src/**/*.{ts,astro,css}' 'db/**/*.ts' 'scripts/**/*.ts' 'tests/**/*.ts' '*.{ts,mjs}' '.dependency-cruiser.cjs')

if [ "${1:-}" = --format ]; then
  # Twice: Prettier keeps an object literal expanded once it starts on a new line, so a long
  # one-line object in a call chain is broken up in the first pass and the chain joined up in the
  # second; after that it is stable (the check below would otherwise fail right after a format).
  npx prettier --write --log-level warn "${CODE[@]}" && exec npx prettier --write --log-level warn "${CODE[@]}"
fi

status=0
echo "Opmaak controleren (Prettier) …"
if ! npx prettier --check --log-level warn "${CODE[@]}"; then
  echo "De opmaak van de bestanden hierboven wijkt af: npm run format zet dat recht."
  status=1
fi
echo "Importgrenzen controleren (dependency-cruiser) …"
npx depcruise --config .dependency-cruiser.cjs src db scripts || status=1
exit $status
