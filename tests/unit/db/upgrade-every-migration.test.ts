// Upgrading a database from every earlier migration state keeps every row, as production does
// it: the app's embedded client (openDatabase on a file:), tuned as at start-up, and
// applyMigrations from db/migrate.ts with its default folder.
//
// For every N from 1 to (migrations - 1): a database is made with only the first N migrations,
// filled with realistic rows for the tables and columns that exist at that state (FIXTURES, cut
// down to what the state has), closed, and then opened again by "the new version" and upgraded.
// Afterwards every row is still there with exactly the same values (compared with SQL quote(), so
// 1 and 1.0 or '1' and 1 are different), new columns hold their defaults, new tables are empty,
// the schema is the one a fresh database gets, every migration is listed, and a second
// applyMigrations changes nothing.
//
// A new migration is covered by itself: its state becomes one more N. A new table needs rows in
// FIXTURES (the test says so); a dropped column or table fails here until it is listed in DROPPED.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Client, InValue } from '@libsql/client';
import { count, getTableName, is } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase, schema, tuneEmbeddedDatabase, type Db } from '../../../db/client.ts';
import { dataVersion } from '../../../db/data-version.ts';
import { applyMigrations, listAppliedMigrations, MIGRATIONS_FOLDER } from '../../../db/migrate.ts';
import { getModuleAnalysis } from '../../../src/lib/reports/module-stats.ts';
import { getModuleAttemptRows } from '../../helpers/module-attempt-rows.ts';
import { computeModuleStats } from '../../helpers/module-stats-reference.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

type Value = string | number | null;
type Fixture = Record<string, Value>;

const DAY = 24 * 60 * 60 * 1000;
const T0 = 1_795_323_895_502; // 2026-11-22, milliseconds since 1970 as the app stores them
const ARGON = '$argon2id$v=19$m=19456,t=2,p=1$3WbqvD9s0dF1n0KkYtq3Pw$1r2n3Cz8kq0wqJQ0M6Wn0lY2E7m8kYxq0G4x8oWm7eQ';
const sha = (seed: string) => seed.repeat(64).slice(0, 64);

/**
 * Rows as the app writes them, per table, in an order that satisfies the foreign keys (they are
 * on, as in production). Columns that a state does not have yet are left out at that state; after
 * the upgrade they must hold their default. Some rows leave defaulted columns out on purpose.
 */
const FIXTURES: Record<string, Fixture[]> = {
  users: [
    {
      id: 'usr_anna',
      email: 'anna.devries@gemeente-utrecht.nl',
      name: 'Anna de Vries',
      role: 'learner',
      password_hash: ARGON,
      active: 1,
      created_at: T0 - 90 * DAY,
      last_login_at: T0 - DAY,
    },
    { id: 'usr_bram', email: 'b.celik@gemeente-utrecht.nl', name: 'Bram Çelik', role: 'trainer', password_hash: ARGON, active: 1, created_at: T0 - 200 * DAY },
    {
      id: 'usr_eline',
      email: 'e.otsuka@gemeente-utrecht.nl',
      name: 'Eliënne Ōtsuka-Mulder',
      role: 'admin',
      password_hash: ARGON,
      active: 1,
      created_at: T0 - 400 * DAY,
    },
    { id: 'usr_oud', email: 'oud.account@gemeente-utrecht.nl', name: "Jan 'Oud' Account", password_hash: ARGON, active: 0 },
    { id: 'usr_nieuw', email: 'nieuw@gemeente-utrecht.nl', name: 'Nieuwe Medewerker 🌱', password_hash: ARGON },
  ],
  teams: [
    { id: 'team_noord', name: 'Toegangsteam Noord', created_at: T0 - 180 * DAY },
    { id: 'team_wijk', name: 'Wijkteam Overvecht & Zuilen' },
  ],
  sessions: [
    { id: sha('a1'), user_id: 'usr_anna', expires_at: T0 + 30 * DAY, created_at: T0 },
    { id: sha('b2'), user_id: 'usr_bram', expires_at: T0 + 29 * DAY },
  ],
  invitations: [
    {
      id: sha('c3'),
      email: 'daan.jansen@gemeente-utrecht.nl',
      role: 'learner',
      created_by: 'usr_bram',
      expires_at: T0 + 7 * DAY,
      used_at: null,
      created_at: T0,
      name: 'Daan Jansen',
      team_id: 'team_noord',
    },
    { id: sha('d4'), email: 'fatima.elamrani@gemeente-utrecht.nl', role: 'trainer', created_by: null, expires_at: T0 - DAY, used_at: T0 - 3 * DAY, name: null },
    { id: sha('e5'), email: 'kees@gemeente-utrecht.nl', expires_at: T0 + 6 * DAY },
  ],
  rate_limits: [
    { key: 'login:ip:192.0.2.10', count: 3, window_start: T0 - 60_000 },
    { key: 'login:email:anna.devries@gemeente-utrecht.nl', count: 1, window_start: T0 },
  ],
  lesson_events: [
    { user_id: 'usr_anna', module_id: 'giz', lesson_id: '01-wat-is-giz', kind: 'opened', content_version: '2026.11.1', at: T0 - 10 * DAY },
    { user_id: 'usr_anna', module_id: 'giz', lesson_id: '01-wat-is-giz', kind: 'completed', content_version: '2026.11.1', at: T0 - 10 * DAY + 600_000 },
    { user_id: 'usr_oud', module_id: 'meldcode', lesson_id: '02-stappen', kind: 'opened', content_version: '2026.9.3', at: T0 - 100 * DAY },
  ],
  lesson_progress: [
    {
      user_id: 'usr_anna',
      module_id: 'giz',
      lesson_id: '01-wat-is-giz',
      first_opened_at: T0 - 10 * DAY,
      last_opened_at: T0 - 9 * DAY,
      completed_at: T0 - 10 * DAY + 600_000,
    },
    {
      user_id: 'usr_anna',
      module_id: 'giz',
      lesson_id: '02-gesprek',
      first_opened_at: T0 - 5 * DAY,
      last_opened_at: T0 - 5 * DAY,
      completed_at: null,
      tested_out_at: T0 - 5 * DAY,
    },
    { user_id: 'usr_oud', module_id: 'meldcode', lesson_id: '02-stappen', first_opened_at: T0 - 100 * DAY, last_opened_at: T0 - 99 * DAY },
  ],
  attempts: [
    {
      user_id: 'usr_anna',
      module_id: 'giz',
      question_id: 'giz-casus-1',
      idempotency_key: '0b9f3c1e-7a4d-4f8e-9c2b-5d6e7f8a9b0c',
      answer: '{"choice":"b"}',
      correct: 1,
      score: 1,
      content_version: '2026.11.1',
      created_at: T0 - 9 * DAY,
    },
    {
      user_id: 'usr_anna',
      module_id: 'giz',
      question_id: 'giz-casus-2',
      idempotency_key: '1c0a4d2f-8b5e-4a9f-8d3c-6e7f8a9b0c1d',
      answer: '{"choices":["a","c"]}',
      correct: 0,
      score: 0.5,
      content_version: '2026.11.1',
      created_at: T0 - 9 * DAY + 30_000,
    },
    {
      user_id: 'usr_oud',
      module_id: 'meldcode',
      question_id: 'meldcode-open-1',
      idempotency_key: '2d1b5e30-9c6f-4b0a-9e4d-7f8a9b0c1d2e',
      answer: '{"text":"Ouders \\"mee\\" laten beslissen — één gezin, één plan"}',
      correct: 1,
      score: 0.75,
      content_version: '2026.9.3',
      created_at: T0 - 99 * DAY,
    },
  ],
  module_completions: [
    { user_id: 'usr_anna', module_id: 'giz', completed_at: T0 - 8 * DAY, score: 0.875, content_version: '2026.11.1' },
    { user_id: 'usr_oud', module_id: 'meldcode', completed_at: T0 - 98 * DAY, score: 1, content_version: '2026.9.3' },
  ],
  reflections: [
    {
      user_id: 'usr_anna',
      module_id: 'giz',
      reflection_id: 'wat-neem-ik-mee',
      body: "Wat ik meeneem:\n- eerst het gesprek met 'ouders'\n- één gezin, één plan ✔",
      updated_at: T0 - 8 * DAY,
    },
  ],
  checkins: [{ user_id: 'usr_bram', module_id: 'giz', question_ids: '["giz-casus-1","giz-casus-4","giz-kennis-2"]', created_at: T0 - 2 * DAY }],
  review_items: [
    {
      user_id: 'usr_anna',
      question_id: 'giz-casus-2',
      module_id: 'giz',
      step: 2,
      due_at: T0 + 3 * DAY,
      lapses: 1,
      last_correct: 0,
      review_count: 3,
      updated_at: T0 - DAY,
    },
    { user_id: 'usr_anna', question_id: 'giz-casus-1', module_id: 'giz', step: 0, due_at: T0 + DAY, last_correct: 1, updated_at: T0 - 9 * DAY },
  ],
  team_members: [
    { team_id: 'team_noord', user_id: 'usr_bram', role: 'trainer', joined_at: T0 - 180 * DAY },
    { team_id: 'team_noord', user_id: 'usr_anna', joined_at: T0 - 90 * DAY },
    { team_id: 'team_wijk', user_id: 'usr_nieuw', role: 'member', joined_at: T0 },
  ],
  learning_paths: [
    { id: 'pad_inwerken', name: 'Inwerken toegang jeugd', module_ids: '["giz","meldcode"]', created_by: 'usr_bram', created_at: T0 - 60 * DAY },
    { id: 'pad_opfrissen', name: 'Opfrissen: veiligheid', module_ids: '["meldcode"]', created_by: null },
  ],
  path_assignments: [
    { path_id: 'pad_inwerken', team_id: 'team_noord', user_id: null, due_date: '2027-03-01', assigned_by: 'usr_bram', created_at: T0 - 59 * DAY },
    { path_id: 'pad_opfrissen', team_id: null, user_id: 'usr_nieuw', due_date: '2026-12-31', assigned_by: null },
  ],
  audit_log: [
    { at: T0 - DAY, actor_id: 'usr_eline', action: 'gegevens-gedownload', subject_id: 'usr_anna' },
    { at: T0, actor_id: null, action: 'backup-gemaakt', subject_id: null },
    { at: T0, actor_id: 'usr_eline', action: 'rol-gewijzigd', subject_id: 'usr_bram', detail: 'learner → trainer' },
  ],
  anonymous_attempts: [
    {
      anon_id: 'anon_7f3a9c',
      module_id: 'giz',
      question_id: 'giz-casus-1',
      answer: '{"choice":"a"}',
      correct: 0,
      score: 0,
      content_version: '2026.11.1',
      day: '2026-11-20',
    },
  ],
  toets_attempts: [
    {
      id: 1,
      user_id: 'usr_anna',
      module_id: 'giz',
      question_ids: '["giz-casus-1","giz-casus-2"]',
      content_version: '2026.11.1',
      pass_mark: 0.7,
      started_at: T0 - 3 * DAY,
      handed_in_at: T0 - 3 * DAY + 600_000,
      score: 0.5,
      passed: 0,
    },
    {
      id: 2,
      user_id: 'usr_anna',
      module_id: 'giz',
      question_ids: '["giz-casus-3"]',
      content_version: '2026.11.1',
      pass_mark: 0.7,
      started_at: T0 - DAY,
      handed_in_at: null,
      score: null,
      passed: null,
    },
  ],
  toets_answers: [
    {
      toets_id: 1,
      question_id: 'giz-casus-1',
      idempotency_key: 'toets-sleutel-0001',
      answer: '{"type":"single","choice":"b","misconceptions":[]}',
      correct: 1,
      score: 1,
      answered_at: T0 - 3 * DAY + 60_000,
    },
  ],
  branch_progress: [
    { user_id: 'usr_bram', question_id: 'giz-casus-4', context: 'oefen', path: '["doorvragen"]', last_key: 'tak-sleutel-0001', updated_at: T0 - DAY },
  ],
  password_resets: [
    {
      id: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
      user_id: 'usr_anna',
      created_by: 'usr_bram',
      expires_at: T0 + 3_600_000,
      used_at: null,
      claim: null,
      created_at: T0,
    },
  ],
  app_secrets: [{ name: 'option-tokens', value: 'a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211001122' }],
  app_settings: [{ name: 'wachtwoord-voor-sso-accounts', value: 'uit', updated_at: T0 }],
  sso_identities: [
    {
      issuer: 'https://login.microsoftonline.com/0b1c-tenant/v2.0',
      subject: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
      user_id: 'usr_anna',
      linked_at: T0 - 10 * DAY,
    },
  ],
  sso_logins: [
    {
      id: 'c0ffee'.padEnd(64, '0'),
      nonce: 'n-0S6_WzA2Mj',
      code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      return_to: '/modules/giz',
      expires_at: T0 + 600_000,
      created_at: T0,
    },
  ],
  certificates: [
    { code: 'K7QMXW3ZPA5RT2NBV4HD', user_id: 'usr_anna', module_id: 'giz', issued_at: T0 - 5 * DAY, revoked_at: null },
    // A tombstone: the account was deleted, the code only says "no longer valid".
    { code: 'Q2WERTY7ASDFGZXCVB3N', user_id: null, module_id: null, issued_at: T0 - 30 * DAY, revoked_at: T0 - 2 * DAY },
  ],
  reminder_opt_outs: [{ user_id: 'usr_bram', at: T0 - 4 * DAY }],
  reminders_sent: [
    {
      key: 'voor-deadline:usr_anna:giz:2026-11-25',
      user_id: 'usr_anna',
      claim: 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8',
      claimed_at: T0 - 3 * DAY,
      sent_at: T0 - 3 * DAY + 900,
    },
    // Claimed by a run that crashed before sending: no sent mark.
    { key: 'weekoverzicht:usr_bram:2026-W47', user_id: 'usr_bram', claim: 'd2b3c4d5-e6f7-4081-92a3-b4c5d6e7f809', claimed_at: T0 - DAY, sent_at: null },
  ],
};

/**
 * Tables a migration fills from other tables: the question analysis tallies (0012), built from
 * the answers. Not empty after the upgrade, so checked by what they say instead: the analysis
 * they give must equal the one computed from every answer (tests/helpers/module-stats-reference.ts).
 */
const DERIVED = ['question_tallies', 'module_tallies', 'first_answers'];

/** Columns and tables a migration may drop on purpose, as `table.column` or `table`, with why. */
const DROPPED: Record<string, string> = {};

/** Columns added by the migrations so far: the upgrade from state 1 must see them (so the default check is never vacuous). */
const KNOWN_ADDED_SINCE_FIRST = ['invitations.name', 'invitations.team_id', 'lesson_progress.tested_out_at'];

const MIGRATIONS_TABLE = '__drizzle_migrations';

interface Column {
  name: string;
  notnull: number;
  dflt_value: string | null;
}

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tablesOf(client: Client): Promise<string[]> {
  const result = await client.execute(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name <> '${MIGRATIONS_TABLE}' order by name`,
  );
  return result.rows.map((row) => String(row.name));
}

async function columnsOf(client: Client, table: string): Promise<Column[]> {
  const result = await client.execute(`select name, "notnull", dflt_value from pragma_table_info(${`'${table}'`}) order by cid`);
  return result.rows.map((row) => ({
    name: String(row.name),
    notnull: Number(row.notnull),
    dflt_value: row.dflt_value === null ? null : String(row.dflt_value),
  }));
}

/** Every row of a table, each value as SQL's quote() spells it (type and value exactly), in a stable order. */
async function snapshot(client: Client, table: string, columns: string[]): Promise<string[][]> {
  const list = columns.map((c) => `quote(${quoteId(c)})`).join(', ');
  const order = columns.map((_, i) => String(i + 1)).join(', ');
  const result = await client.execute(`select ${list} from ${quoteId(table)} order by ${order}`);
  return result.rows.map((row) => Array.from({ length: columns.length }, (_, i) => String(row[i])));
}

async function schemaOf(client: Client): Promise<string[][]> {
  const result = await client.execute(
    "select type, name, tbl_name, coalesce(sql, '') from sqlite_master where name not like 'sqlite\\_%' escape '\\' order by type, name",
  );
  return result.rows.map((row) => [0, 1, 2, 3].map((i) => String(row[i])));
}

async function totalChanges(client: Client): Promise<number> {
  return Number((await client.execute('select total_changes()')).rows[0][0]);
}

/** How many rows match every given value (IS, so null matches null). */
async function matching(client: Client, table: string, values: Fixture): Promise<number> {
  const names = Object.keys(values);
  const where = names.map((name) => `${quoteId(name)} IS ?`).join(' and ');
  const result = await client.execute({ sql: `select count(*) from ${quoteId(table)} where ${where}`, args: names.map((name) => values[name] as InValue) });
  return Number(result.rows[0][0]);
}

/** A migrations folder holding only the first `n` migrations of db/migrations, as an older release had it. */
function migrationsUpTo(n: number, into: string): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const folder = join(into, `migrations-${n}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, n);
  for (const entry of entries) copyFileSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return folder;
}

/** Opens the file as the app does at start-up: the embedded client, tuned. */
async function openAsTheApp(url: string): Promise<{ db: Db; client: Client }> {
  const opened = openDatabase({ url });
  await tuneEmbeddedDatabase(opened.client, url);
  assert.notEqual(await dataVersion(opened.db), undefined, 'a file: URL opens the embedded client (db/embedded-client.ts)');
  return opened;
}

/** The analysis from the tallies the upgrade built equals the one from every answer, per module, for the region and for a trainer's people. */
async function expectTalliesMatchTheAnswers(db: Db, n: number): Promise<void> {
  const answers = [...FIXTURES.attempts, ...FIXTURES.anonymous_attempts];
  for (const moduleId of new Set(answers.map((a) => String(a.module_id)))) {
    const keys = [...new Set(answers.filter((a) => a.module_id === moduleId).map((a) => String(a.question_id)))].map((id) => ({
      id,
      type: 'single',
      correctOptions: ['b'],
    }));
    for (const learners of ['all', ['usr_anna', 'usr_oud']] as const) {
      const scope = learners === 'all' ? 'all' : [...learners];
      const expected = computeModuleStats(keys, await getModuleAttemptRows(db, moduleId, scope));
      const actual = await getModuleAnalysis(db, moduleId, keys, scope);
      assert.ok(
        expected.questions.some((q) => q.attempts > 0),
        `state ${n}, ${moduleId}: the fixtures answer it`,
      );
      assert.deepEqual(
        { ...actual, people: undefined, questions: actual.questions.map((q) => ({ ...q, optionCounts: [...q.optionCounts].sort() })) },
        { ...expected, people: undefined, questions: expected.questions.map((q) => ({ ...q, optionCounts: [...q.optionCounts].sort() })) },
        `state ${n}: the tallies of ${moduleId} (${learners === 'all' ? 'region' : 'trainer'}) say what the answers say`,
      );
    }
  }
}

const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
const tags = (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries.map((e) => e.tag);
/** What listAppliedMigrations should give after the first `n` migrations: oldest first, as it sorts. */
const applied = (n: number) =>
  migrations
    .slice(0, n)
    .map((m) => ({ hash: m.hash, createdAt: m.folderMillis }))
    .sort((a, b) => a.createdAt - b.createdAt);

const dir = mkdtempSync(join(tmpdir(), 'leergang-upgrade-'));
let fresh: TempDb;
let freshSchema: string[][];
let freshColumns: Map<string, Column[]>;

before(async () => {
  fresh = await createTempDb();
  freshSchema = await schemaOf(fresh.client);
  freshColumns = new Map();
  for (const table of await tablesOf(fresh.client)) freshColumns.set(table, await columnsOf(fresh.client, table));
});
after(() => {
  fresh?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('upgrading from every earlier migration state', () => {
  test('there are earlier states to upgrade from, and the fixtures name only real tables and columns', () => {
    assert.ok(migrations.length >= 2, 'at least two migrations');
    // drizzle applies only migrations newer than the newest one a database has: one that sorts
    // before an earlier entry (a merge of two branches) would be skipped on every existing database.
    migrations.forEach((m, i) =>
      assert.ok(
        i === 0 || m.folderMillis > migrations[i - 1].folderMillis,
        `${tags[i]} ("when" ${m.folderMillis}) is not newer than ${tags[i - 1]}: existing databases would never get it; regenerate it`,
      ),
    );
    for (const [table, rows] of Object.entries(FIXTURES)) {
      assert.ok(rows.length > 0, `${table}: no rows`);
      // A column a later migration dropped would be missing here; it then belongs in DROPPED.
      const known = freshColumns.get(table);
      assert.ok(known || DROPPED[table], `FIXTURES.${table}: no such table in the newest schema`);
      for (const row of rows)
        for (const column of Object.keys(row))
          assert.ok(
            !known || known.some((c) => c.name === column) || DROPPED[`${table}.${column}`],
            `FIXTURES.${table}: no column ${column} in the newest schema`,
          );
    }
  });

  for (let n = 1; n < migrations.length; n++) {
    test(`from state ${n} of ${migrations.length} (up to ${tags[n - 1]}): every row kept, new columns at their defaults, and a second run changes nothing`, async () => {
      const url = `file:${join(dir, `state-${n}.db`)}`;

      // The older release: its migrations, its data.
      const old = await openAsTheApp(url);
      const before: Record<string, { columns: string[]; rows: string[][] }> = {};
      const inserted: Record<string, Fixture[]> = {};
      try {
        assert.deepEqual(await applyMigrations(old.db, { migrationsFolder: migrationsUpTo(n, dir) }), { attempts: 1, appliedByAnother: false });
        assert.deepEqual(await listAppliedMigrations(old.db), applied(n), `state ${n}: the first ${n} migrations applied`);
        const tables = await tablesOf(old.client);
        for (const table of tables) assert.ok(FIXTURES[table], `table ${table} exists at state ${n} but FIXTURES has no rows for it: add realistic ones`);
        for (const [table, rows] of Object.entries(FIXTURES)) {
          if (!tables.includes(table)) continue;
          const columns = (await columnsOf(old.client, table)).map((c) => c.name);
          inserted[table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => columns.includes(column))));
          for (const row of inserted[table]) {
            const names = Object.keys(row);
            await old.client.execute({
              sql: `insert into ${quoteId(table)} (${names.map(quoteId).join(', ')}) values (${names.map(() => '?').join(', ')})`,
              args: names.map((name) => row[name] as InValue),
            });
          }
          before[table] = { columns, rows: await snapshot(old.client, table, columns) };
          assert.equal(before[table].rows.length, rows.length, `${table}: every fixture row inserted at state ${n}`);
        }
      } finally {
        old.client.close();
      }

      // The new release on the same file: start-up as `npm run migrate` does it.
      const app = await openAsTheApp(url);
      try {
        assert.deepEqual(await applyMigrations(app.db), { attempts: 1, appliedByAnother: false });
        assert.deepEqual(await listAppliedMigrations(app.db), applied(migrations.length), 'every migration listed, oldest first, with its hash');
        assert.deepEqual(await schemaOf(app.client), freshSchema, 'the upgraded schema is the one a fresh database gets');

        const tables = await tablesOf(app.client);
        const added: string[] = [];
        for (const [table, { columns, rows }] of Object.entries(before)) {
          assert.ok(tables.includes(table) || DROPPED[table], `table ${table} is gone after the upgrade (list it in DROPPED if that is intended)`);
          if (!tables.includes(table)) continue;
          const now = await columnsOf(app.client, table);
          const kept = columns.filter((c) => now.some((col) => col.name === c));
          for (const column of columns)
            assert.ok(
              kept.includes(column) || DROPPED[`${table}.${column}`],
              `column ${table}.${column} is gone after the upgrade, with its data (list it in DROPPED if that is intended)`,
            );

          // Every row, every old value, exactly.
          const keptIndexes = kept.map((c) => columns.indexOf(c));
          assert.deepEqual(
            await snapshot(app.client, table, kept),
            rows.map((row) => keptIndexes.map((i) => row[i])),
            `${table}: the rows of state ${n}, unchanged`,
          );
          for (const row of inserted[table]) {
            const values = Object.fromEntries(Object.entries(row).filter(([column]) => kept.includes(column)));
            assert.equal(await matching(app.client, table, values), 1, `${table}: ${JSON.stringify(values)} still there`);
          }

          // Columns the upgrade added: every existing row holds the column's default.
          for (const column of now.filter((c) => !columns.includes(c.name))) {
            added.push(`${table}.${column.name}`);
            const values = (await app.client.execute(`select quote(${quoteId(column.name)}) from ${quoteId(table)}`)).rows.map((r) => String(r[0]));
            assert.equal(values.length, rows.length);
            if (column.dflt_value !== null && /\(/.test(column.dflt_value)) {
              assert.fail(`${table}.${column.name}: default ${column.dflt_value} is not a constant; give this column an explicit expectation here`);
            }
            const expected = column.dflt_value === null ? 'NULL' : String((await app.client.execute(`select quote(${column.dflt_value})`)).rows[0][0]);
            assert.deepEqual(
              values,
              values.map(() => expected),
              `${table}.${column.name}: added by the upgrade, so every old row holds its default ${expected}`,
            );
          }
        }
        if (n === 1)
          assert.deepEqual(
            added.filter((c) => KNOWN_ADDED_SINCE_FIRST.includes(c)).sort(),
            [...KNOWN_ADDED_SINCE_FIRST].sort(),
            'the columns added since the first migration were checked',
          );

        // Tables the upgrade created start empty, except the ones it fills from the answers.
        for (const table of tables.filter((t) => !before[t] && !DERIVED.includes(t))) {
          assert.equal(
            Number((await app.client.execute(`select count(*) from ${quoteId(table)}`)).rows[0][0]),
            0,
            `${table}: created by the upgrade, so empty`,
          );
        }

        await expectTalliesMatchTheAnswers(app.db, n);

        assert.deepEqual((await app.client.execute('PRAGMA foreign_key_check')).rows.length, 0, 'no row points at a missing one');
        assert.equal((await app.client.execute('PRAGMA integrity_check')).rows[0][0], 'ok');
        assert.equal((await app.client.execute('PRAGMA foreign_keys')).rows[0][0], 1, 'foreign keys are on again after the migration');

        // The app's own typed queries read the upgraded data (every column of schema.ts exists).
        for (const table of Object.values(schema).filter((value) => is(value, SQLiteTable))) {
          const name = getTableName(table);
          const [{ rows }] = await app.db.select({ rows: count() }).from(table);
          if (!DERIVED.includes(name)) assert.equal(rows, before[name]?.rows.length ?? 0, `${name} through drizzle`);
          await app.db.select().from(table).limit(1);
        }

        // A second run, as every later start does: nothing changes at all.
        const schemaBefore = await schemaOf(app.client);
        const snapshots = await Promise.all(
          tables.map(async (t) =>
            snapshot(
              app.client,
              t,
              (await columnsOf(app.client, t)).map((c) => c.name),
            ),
          ),
        );
        const changes = await totalChanges(app.client);
        assert.deepEqual(await applyMigrations(app.db), { attempts: 1, appliedByAnother: false });
        assert.equal(await totalChanges(app.client), changes, 'the second run wrote no row');
        assert.deepEqual(await listAppliedMigrations(app.db), applied(migrations.length), 'nothing applied or recorded twice');
        assert.deepEqual(await schemaOf(app.client), schemaBefore);
        assert.deepEqual(
          await Promise.all(
            tables.map(async (t) =>
              snapshot(
                app.client,
                t,
                (await columnsOf(app.client, t)).map((c) => c.name),
              ),
            ),
          ),
          snapshots,
        );
      } finally {
        app.client.close();
      }
    });
  }
});
