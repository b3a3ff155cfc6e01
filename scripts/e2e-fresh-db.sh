# Sourced by the browser-test servers (e2e-server.sh, editor-e2e-server.sh): a fresh database of
# their own at E2E_DATABASE_URL, migrated and with the demo accounts, as DATABASE_URL.
export DATABASE_URL="$E2E_DATABASE_URL"
db_dir="$(dirname "${DATABASE_URL#file:}")"
rm -rf "$db_dir"
mkdir -p "$db_dir"
node scripts/migrate.ts >/dev/null
node scripts/seed-demo.ts >/dev/null
