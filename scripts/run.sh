#!/usr/bin/env bash
# What every `npm run …` script goes through: a new enough Node first on PATH (node-env.sh) and
# the dependencies installed (ensure-deps.sh), then the command itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node-env.sh
source scripts/ensure-deps.sh
exec "$@"
