// Several instances starting at once each run the migrations. Proven with real processes against
// a real file, and against a real libSQL server (sqld) when its binary is installed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase } from '../../../db/client.ts';
import { listAppliedMigrations, MIGRATIONS_FOLDER } from '../../../db/migrate.ts';
import { sqldForTests } from '../../../scripts/scale/sqld-binary.ts';
import { runToEnd, startSqld, type SqldServer } from '../../../scripts/scale/processes.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROCESSES = 4;

/** One migrating instance: what `npm run migrate` does, optionally with another migrations folder. */
const RUNNER = `
  import { openDatabase, tuneEmbeddedDatabase } from ${JSON.stringify(join(ROOT, 'db/client.ts'))};
  import { applyMigrations } from ${JSON.stringify(join(ROOT, 'db/migrate.ts'))};
  const url = process.env.DATABASE_URL;
  const { db, client } = openDatabase({ url });
  await tuneEmbeddedDatabase(client, url);
  // Start together: node's start-up time differs per process and would space the runs out.
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.START_AT) - Date.now()));
  const outcome = await applyMigrations(db, { migrationsFolder: process.env.MIGRATIONS_FOLDER });
  client.close();
  console.log(JSON.stringify(outcome));
`;

async function migrateInParallel(url: string, migrationsFolder = MIGRATIONS_FOLDER) {
  const startAt = String(Date.now() + 2500);
  const runs = Array.from({ length: PROCESSES }, (_, i) =>
    runToEnd(`migrate-${i + 1}`, process.execPath, ['--input-type=module', '-e', RUNNER], {
      env: { ...process.env, DATABASE_URL: url, MIGRATIONS_FOLDER: migrationsFolder, START_AT: startAt },
    }),
  );
  return Promise.all(runs);
}

/**
 * Migrations whose statements all succeed a second time, the case a plain "already exists"
 * retry would not catch: only the guard on the migrations table stops a double apply.
 */
function writeRepeatableMigrations(dir: string): string {
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = [
    { tag: '0000_runs', sql: 'CREATE TABLE IF NOT EXISTS `runs` (`n` integer NOT NULL);' },
    { tag: '0001_count', sql: 'INSERT INTO `runs` (`n`) VALUES (1);' },
  ];
  entries.forEach((e) => writeFileSync(join(folder, `${e.tag}.sql`), e.sql));
  const journal = {
    version: '7',
    dialect: 'sqlite',
    entries: entries.map((e, idx) => ({ idx, version: '6', when: 1_700_000_000_000 + idx, tag: e.tag, breakpoints: true })),
  };
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  return folder;
}

async function checkSchema(url: string) {
  const { db, client } = openDatabase({ url });
  try {
    const applied = await listAppliedMigrations(db);
    const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis);
    assert.deepEqual(
      applied.map((m) => m.createdAt),
      expected,
      'every migration recorded exactly once',
    );
    const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name));
    for (const table of ['users', 'sessions', 'rate_limits', 'attempts', 'review_items']) assert.ok(tables.includes(table), `table ${table}`);
    // The index that makes an answer land once, whichever instance receives it.
    const index = await client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'attempts_user_key_idx'");
    assert.equal(index.rows.length, 1);
  } finally {
    client.close();
  }
}

async function checkRepeatableRanOnce(url: string) {
  const { client } = openDatabase({ url });
  try {
    const runs = await client.execute('SELECT count(*) AS n FROM runs');
    assert.equal(Number(runs.rows[0].n), 1, 'the data migration ran exactly once');
    const recorded = await client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    assert.equal(Number(recorded.rows[0].n), 2);
  } finally {
    client.close();
  }
}

function assertAllSucceeded(results: { code: number | null; output: string }[]) {
  for (const [i, r] of results.entries()) assert.equal(r.code, 0, `migrate-${i + 1} failed:\n${r.output}`);
}

describe('migrations run by several instances at once', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-migrate-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test(`${PROCESSES} processes on one embedded file`, async () => {
    const url = `file:${join(dir, 'file', 'leergang.db')}`;
    assertAllSucceeded(await migrateInParallel(url));
    await checkSchema(url);
    // Running again later is a no-op.
    assertAllSucceeded(await migrateInParallel(url));
    await checkSchema(url);
  });

  test(`${PROCESSES} processes on one file with repeatable statements apply them once`, async () => {
    const url = `file:${join(dir, 'repeatable', 'leergang.db')}`;
    assertAllSucceeded(await migrateInParallel(url, writeRepeatableMigrations(join(dir, 'repeatable'))));
    await checkRepeatableRanOnce(url);
  });

  const { path: sqld, skip: withoutSqld } = sqldForTests();
  describe('against a libSQL server (sqld)', { skip: withoutSqld }, () => {
    const servers: SqldServer[] = [];
    after(async () => {
      await Promise.all(servers.map((s) => s.child.stop()));
    });

    test(`${PROCESSES} processes on one server`, async () => {
      const server = await startSqld(sqld!, join(dir, 'sqld-schema'));
      servers.push(server);
      const results = await migrateInParallel(server.url);
      assertAllSucceeded(results);
      await checkSchema(server.url);
    });

    test(`${PROCESSES} processes on one server with repeatable statements apply them once`, async () => {
      const server = await startSqld(sqld!, join(dir, 'sqld-repeatable'));
      servers.push(server);
      assertAllSucceeded(await migrateInParallel(server.url, writeRepeatableMigrations(join(dir, 'sqld-repeatable-src'))));
      await checkRepeatableRanOnce(server.url);
    });
  });
});
