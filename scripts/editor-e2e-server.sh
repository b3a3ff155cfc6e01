#!/usr/bin/env bash
# The server the content-editor browser tests talk to (playwright.editor.config.ts): the
# development server (the editor exists only there, docs/decisions/0010), with a fresh database of
# its own on the port the config chose. The tests refuse or check saves; none writes to content/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh
: "${E2E_PORT:?E2E_PORT ontbreekt: start deze tests met npx playwright test -c playwright.editor.config.ts}"
: "${E2E_DATABASE_URL:?E2E_DATABASE_URL ontbreekt}"
source scripts/e2e-fresh-db.sh
HOST=127.0.0.1 PORT="$E2E_PORT" exec npx astro dev
