#!/usr/bin/env bash
# The server the content-editor browser tests talk to (playwright.editor.config.ts): the
# development server (the editor exists only there, docs/decisions/0010), with a fresh database of
# its own on the port the config chose. It runs in a COPY of the project at EDITOR_PROJECT_DIR:
# the tests save through the editor as a trainer does, and those saves must land in the copy's
# content/, never in the checkout's. The copy holds the working tree as git sees it (tracked and
# new files, not the ignored ones) and node_modules as hard links (a second, quick and free copy).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh
: "${E2E_PORT:?E2E_PORT ontbreekt: start deze tests met npx playwright test -c playwright.editor.config.ts}"
: "${E2E_DATABASE_URL:?E2E_DATABASE_URL ontbreekt}"
: "${EDITOR_PROJECT_DIR:?EDITOR_PROJECT_DIR ontbreekt}"

# Copies of earlier runs go when they are a day old (the test runner stops this server with a
# kill that leaves no moment to clean up; a run takes minutes, so a day-old copy is no one's).
find "$(dirname "$EDITOR_PROJECT_DIR")" -maxdepth 1 -name 'leergang-editor-e2e-*' -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
rm -rf "$EDITOR_PROJECT_DIR"
mkdir -p "$EDITOR_PROJECT_DIR"
# --ignore-failed-read: a tracked file deleted in the working tree is simply not copied.
git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null \
  | tar -xf - -C "$EDITOR_PROJECT_DIR"
# Hard links where the file system allows them (same disk), a real copy otherwise. Vite's cache
# is copied for real: Vite rewrites it, and a hard link would change the checkout's too.
cp -al node_modules "$EDITOR_PROJECT_DIR/node_modules" 2>/dev/null || cp -a node_modules "$EDITOR_PROJECT_DIR/node_modules"
rm -rf "$EDITOR_PROJECT_DIR/node_modules/.vite"
if [ -d node_modules/.vite ]; then cp -a node_modules/.vite "$EDITOR_PROJECT_DIR/node_modules/.vite"; fi

cd "$EDITOR_PROJECT_DIR"
source scripts/e2e-fresh-db.sh
HOST=127.0.0.1 PORT="$E2E_PORT" exec npx astro dev
