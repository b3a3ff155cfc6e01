#!/usr/bin/env bash
# Builds the site, saying what happens and how long it took: the build is --silent (Astro's own
# output is pages of routes) and can take a minute on a slow machine, which without a word looks
# like a hang.
# Extra arguments go to astro build (e.g. --outDir). Expects Node on PATH (node-env.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$SECONDS
echo "Site bouwen met Astro (stil; de tijd volgt als het klaar is) …" >&2
npx astro build --silent "$@" >&2
echo "Site gebouwd in $((SECONDS - started)) s." >&2
