// Applies the committed migrations in db/migrations to the configured database, safely when
// several instances start at once against one libSQL server.
//
// drizzle's migrator reads the last applied migration and then applies everything newer in one
// transaction. Two processes that start together both read "nothing applied yet" and both try:
// the loser fails on "table … already exists". Two guards make that harmless:
// - a unique index on the migration's timestamp, so a losing run can never record (and so never
//   commit) a migration twice, even one whose statements would all succeed a second time;
// - after a failed run we read the table again: when another process has applied everything in
//   the meantime that is success; otherwise we wait a little and try again.
// The transaction rolls a losing run back entirely, so nothing is half-applied.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATIONS_TABLE = '__drizzle_migrations';

export interface MigrateOptions {
  migrationsFolder?: string;
  /** Runs before giving up; each waits a little longer (with jitter) than the one before. */
  attempts?: number;
}

export interface MigrateOutcome {
  /** Runs it took; more than one means another process was migrating at the same time. */
  attempts: number;
  /** True when a run of ours lost to another process that had applied the migrations. */
  appliedByAnother: boolean;
}

export async function applyMigrations(db: Db, { migrationsFolder = MIGRATIONS_FOLDER, attempts = 6 }: MigrateOptions = {}): Promise<MigrateOutcome> {
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  for (let attempt = 1; ; attempt++) {
    try {
      await guardMigrationsTable(db);
      await migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
      return { attempts: attempt, appliedByAnother: false };
    } catch (error) {
      if (await isUpToDate(db, newest)) return { attempts: attempt, appliedByAnother: true };
      if (attempt >= attempts) throw error;
      await sleep(100 * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}

/**
 * Creates drizzle's table as drizzle would, plus the unique index that stops a double apply. As a
 * write transaction from its first statement (BEGIN IMMEDIATE): a deferred one that reads the
 * schema first fails at once with SQLITE_BUSY_SNAPSHOT when another instance writes in between,
 * instead of waiting for the lock (seen with four instances starting on a busy machine).
 */
async function guardMigrationsTable(db: Db): Promise<void> {
  const table = `"${MIGRATIONS_TABLE}"`;
  await db.$client.batch(
    [
      `CREATE TABLE IF NOT EXISTS ${table} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
      // Duplicates can only come from an unguarded race in the past; the first row is the real one.
      `DELETE FROM ${table} WHERE rowid NOT IN (SELECT min(rowid) FROM ${table} GROUP BY created_at)`,
      `CREATE UNIQUE INDEX IF NOT EXISTS "${MIGRATIONS_TABLE}_created_at_unique" ON ${table} (created_at)`,
    ],
    'write',
  );
}

async function isUpToDate(db: Db, newest: number): Promise<boolean> {
  try {
    const [row] = await db.all<{ latest: number | string | null }>(sql`SELECT max(created_at) AS latest FROM ${sql.identifier(MIGRATIONS_TABLE)}`);
    return row?.latest != null && Number(row.latest) >= newest;
  } catch {
    return false; // the table itself is not there yet
  }
}

/** The migrations applied to this database, oldest first (for checks and tests). */
export async function listAppliedMigrations(db: Db): Promise<{ hash: string; createdAt: number }[]> {
  const rows = await db.all<{ hash: string; created_at: number | string }>(
    sql`SELECT hash, created_at FROM ${sql.identifier(MIGRATIONS_TABLE)} ORDER BY created_at`,
  );
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}
