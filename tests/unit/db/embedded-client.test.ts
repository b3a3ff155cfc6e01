// The app's own client for embedded files (db/embedded-client.ts) must behave as @libsql/client
// does for everything the app and drizzle rely on: rows by position and by name, atomic batches,
// SQLite's error codes, and recovery after another process held the lock too long.
//
// "side by side" below runs one scenario on each client, each on its own fresh file, and compares
// every outcome (results, or the error: class, code, extended code, message). Both clients are made
// as the project makes them for a file: ours by openDatabase, @libsql/client with clientConfig's
// settings (what a libSQL server gets too, and what ours replaced). Where the two differ on
// purpose, the test says so and checks each side. Differences found that nobody chose are
// `todo` tests at the end: they run and report, and count as skipped, not passed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createClient, LibsqlBatchError, LibsqlError, type Client, type InArgs, type InValue, type ResultSet } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { clientConfig, openDatabase, schema, tuneEmbeddedDatabase, type Db } from '../../../db/client.ts';
import { createEmbeddedClient } from '../../../db/embedded-client.ts';
import { applyMigrations } from '../../../db/migrate.ts';

const dir = mkdtempSync(join(tmpdir(), 'leergang-embedded-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `db-${++n}.db`);

describe('embedded client', () => {
  test('rows read the same as with @libsql/client: by position, by name, repeated names', async () => {
    const path = freshFile();
    const ours = createEmbeddedClient({ path, busyTimeoutMs: 1000 });
    await ours.executeMultiple(
      'create table t (id integer primary key, name text, score real, data blob); create table u (id integer primary key, t_id integer);',
    );
    await ours.execute({ sql: 'insert into t (id, name, score, data) values (?, ?, ?, ?)', args: [1, 'Anna', 0.5, new Uint8Array([1, 2, 3]).buffer] });
    await ours.execute({ sql: 'insert into u (id, t_id) values (:id, :t)', args: { ':id': 7, t: 1 } });
    const theirs = createClient({ url: `file:${path}` });
    try {
      for (const sql of [
        'select id, name, score, data from t',
        'select t.id, u.id, t.name from t join u on u.t_id = t.id',
        'select count(*) as n from t where id > 5',
      ]) {
        const a = await ours.execute(sql);
        const b = await theirs.execute(sql);
        assert.deepEqual(a.columns, b.columns, sql);
        assert.equal(a.rows.length, b.rows.length, sql);
        for (let r = 0; r < a.rows.length; r++) {
          assert.equal(a.rows[r].length, b.rows[r].length);
          assert.deepEqual(Array.prototype.slice.call(a.rows[r]), Array.prototype.slice.call(b.rows[r]), `${sql}: by position`);
          assert.deepEqual({ ...a.rows[r] }, { ...b.rows[r] }, `${sql}: by name`);
          assert.deepEqual(Object.keys(a.rows[r]), Object.keys(b.rows[r]));
        }
      }
      const joined = await ours.execute('select t.id, u.id, t.name from t join u on u.t_id = t.id');
      assert.equal(joined.rows[0][1], 7, 'the second "id" by position');
      assert.equal(joined.rows[0].id, 1, 'a repeated name is the first column');
      const written = await ours.execute({ sql: 'insert into t (name) values (?)', args: ['Bram'] });
      assert.equal(written.rowsAffected, 1);
      assert.equal(written.lastInsertRowid, 2n);
    } finally {
      theirs.close();
      ours.close();
    }
  });

  test('a batch is all or nothing, and the statements work again after a failure', async () => {
    const client = createEmbeddedClient({ path: freshFile(), busyTimeoutMs: 1000 });
    try {
      await client.execute('create table t (id integer primary key, name text not null unique)');
      await client.batch(
        [
          { sql: 'insert into t (name) values (?)', args: ['a'] },
          { sql: 'insert into t (name) values (?)', args: ['b'] },
        ],
        'write',
      );
      await assert.rejects(
        client.batch(
          [
            { sql: 'insert into t (name) values (?)', args: ['c'] },
            { sql: 'insert into t (name) values (?)', args: ['a'] },
          ],
          'write',
        ),
        (error: unknown) => error instanceof LibsqlBatchError && error.code === 'SQLITE_CONSTRAINT' && error.statementIndex === 1,
      );
      assert.deepEqual(
        (await client.execute('select name from t order by name')).rows.map((r) => r.name),
        ['a', 'b'],
        'c was rolled back',
      );
      await client.batch([{ sql: 'insert into t (name) values (?)', args: ['c'] }]);
      assert.equal((await client.execute('select count(*) as n from t')).rows[0].n, 3);
      await assert.rejects(client.execute('select nonsense from t'), (error: unknown) => error instanceof LibsqlError && error.code === 'SQLITE_ERROR');
      await assert.rejects(client.execute({ sql: 'insert into t (name) values (?)', args: [undefined as unknown as string] }), TypeError);
    } finally {
      client.close();
    }
    await assert.rejects(client.execute('select 1'), (error: unknown) => error instanceof LibsqlError && error.code === 'CLIENT_CLOSED');
  });

  test('another connection holding the write lock: SQLITE_BUSY after the timeout, and a reconnect recovers', async () => {
    const path = freshFile();
    const client = createEmbeddedClient({ path, busyTimeoutMs: 200 });
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('create table t (id integer primary key, v integer)');
    const blocker = createClient({ url: `file:${path}` });
    try {
      const tx = await blocker.transaction('write');
      await tx.execute('insert into t (v) values (1)');
      const started = Date.now();
      await assert.rejects(
        client.batch([{ sql: 'insert into t (v) values (?)', args: [2] }], 'write'),
        (error: unknown) => error instanceof LibsqlError && error.code === 'SQLITE_BUSY',
      );
      assert.ok(Date.now() - started >= 150, 'it waited for the busy timeout');
      await tx.rollback();
      await client.reconnect();
      await client.batch([{ sql: 'insert into t (v) values (?)', args: [3] }], 'write');
      assert.deepEqual(
        (await client.execute('select v from t')).rows.map((r) => r.v),
        [3],
      );
    } finally {
      blocker.close();
      client.close();
    }
  });

  test('interactive transactions are refused with a clear message', async () => {
    const client = createEmbeddedClient({ path: freshFile(), busyTimeoutMs: 1000 });
    try {
      await assert.rejects(client.transaction('write'), /db\.batch/);
    } finally {
      client.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Side by side: the same scenario on both clients.

/** Both clients for a fresh file each, as the project makes them, with the app's settings (WAL, foreign keys …). */
async function bothClients(): Promise<{ ours: Client; theirs: Client }> {
  const [oursUrl, theirsUrl] = [`file:${freshFile()}`, `file:${freshFile()}`];
  const ours = openDatabase({ url: oursUrl }).client;
  const theirs = createClient(clientConfig({ url: theirsUrl }));
  assert.equal(ours.constructor.name, 'EmbeddedClient', 'openDatabase gives the embedded client for a file');
  assert.notEqual(theirs.constructor.name, 'EmbeddedClient');
  await tuneEmbeddedDatabase(ours, oursUrl);
  await tuneEmbeddedDatabase(theirs, theirsUrl);
  return { ours, theirs };
}

/** A value with its JavaScript type made visible: 1, 1n, '1' and an ArrayBuffer never look alike. */
function plain(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { ArrayBuffer: Array.from(new Uint8Array(value)) };
  if (typeof value === 'bigint') return { bigint: String(value) };
  if (value !== null && typeof value === 'object') return { unexpected: Object.prototype.toString.call(value) };
  return value;
}

function outcome(result: ResultSet) {
  return {
    columns: result.columns,
    columnTypes: result.columnTypes,
    rows: result.rows.map((row) => Array.from({ length: row.length }, (_, i) => plain(row[i]))),
    named: result.rows.map((row) => Object.fromEntries(Object.keys(row).map((key) => [key, plain(row[key])]))),
    rowsAffected: result.rowsAffected,
    lastInsertRowid: plain(result.lastInsertRowid),
  };
}

function failure(error: unknown) {
  const e = error as Error & { code?: string; extendedCode?: string; rawCode?: number; statementIndex?: number };
  return {
    class: e?.constructor?.name,
    libsqlError: error instanceof LibsqlError,
    batchError: error instanceof LibsqlBatchError,
    code: e.code,
    extendedCode: e.extendedCode,
    rawCode: e.rawCode,
    statementIndex: e.statementIndex,
    message: e.message,
    cause: (e.cause as Error | undefined)?.constructor?.name,
  };
}

type Outcome = { ok: unknown } | { error: ReturnType<typeof failure> };

async function attempt(work: () => Promise<ResultSet | ResultSet[] | void>): Promise<Outcome> {
  try {
    const result = await work();
    return { ok: result === undefined ? null : Array.isArray(result) ? result.map(outcome) : outcome(result) };
  } catch (error) {
    return { error: failure(error) };
  }
}

type Scenario = (c: Client, step: (label: string, work: () => Promise<ResultSet | ResultSet[] | void>) => Promise<Outcome>) => Promise<void>;

/** Runs the scenario on both clients and compares every step; returns both sides' outcomes by label. */
async function sideBySide(scenario: Scenario): Promise<Map<string, { ours: Outcome; theirs: Outcome }>> {
  const { ours, theirs } = await bothClients();
  const record = async (client: Client) => {
    const steps: Array<[string, Outcome]> = [];
    await scenario(client, async (label, work) => {
      const result = await attempt(work);
      steps.push([label, result]);
      return result;
    });
    return steps;
  };
  try {
    const a = await record(ours);
    const b = await record(theirs);
    assert.deepEqual(
      a.map(([label]) => label),
      b.map(([label]) => label),
      'the same steps ran',
    );
    const byLabel = new Map<string, { ours: Outcome; theirs: Outcome }>();
    for (let i = 0; i < a.length; i++) {
      assert.ok(!byLabel.has(a[i][0]), `step labels are unique: ${a[i][0]}`);
      byLabel.set(a[i][0], { ours: a[i][1], theirs: b[i][1] });
    }
    return byLabel;
  } finally {
    ours.close();
    theirs.close();
  }
}

/** Compares every step except those listed, which the caller checks itself. */
function assertSame(steps: Map<string, { ours: Outcome; theirs: Outcome }>, except: string[] = []) {
  for (const [label, { ours, theirs }] of steps) {
    if (!except.includes(label)) assert.deepEqual(ours, theirs, `"${label}": ours (first) and @libsql/client (second) differ`);
  }
  for (const label of except) assert.ok(steps.has(label), `step "${label}" ran`);
}

type Result = ReturnType<typeof outcome>;
const ok = (o: Outcome): Result => {
  assert.ok('ok' in o && !Array.isArray(o.ok), `expected a result, got ${JSON.stringify(o)}`);
  return o.ok as Result;
};
const okBatch = (o: Outcome): Result[] => {
  assert.ok('ok' in o && Array.isArray(o.ok), `expected batch results, got ${JSON.stringify(o)}`);
  return o.ok as Result[];
};
const err = (o: Outcome) => {
  assert.ok('error' in o, `expected an error, got ${JSON.stringify(o)}`);
  return o.error;
};

const T0 = 1_795_323_895_502;

describe('embedded client and @libsql/client side by side', () => {
  test('writes: INSERT, UPDATE, DELETE, upserts and RETURNING report the same rowsAffected and lastInsertRowid', async () => {
    const steps = await sideBySide(async (c, step) => {
      await step('create', () =>
        c.execute(
          'create table answers (id integer primary key autoincrement, user_id text not null, question_id text not null, score real not null, unique (user_id, question_id))',
        ),
      );
      await step('create text key', () => c.execute('create table users (id text primary key, name text not null)'));
      await step('insert', () => c.execute({ sql: 'insert into answers (user_id, question_id, score) values (?, ?, ?)', args: ['anna', 'q1', 1] }));
      await step('insert, SQL text and args', () => c.execute('insert into answers (user_id, question_id, score) values (?, ?, ?)', ['anna', 'q2', 0.5]));
      await step('insert several rows', () =>
        c.execute({
          sql: 'insert into answers (user_id, question_id, score) values (?, ?, ?), (?, ?, ?), (?, ?, ?)',
          args: ['bram', 'q1', 0, 'bram', 'q2', 1, 'bram', 'q3', 0.25],
        }),
      );
      await step('insert into a text key: the rowid of that row', () =>
        c.execute({ sql: 'insert into users (id, name) values (?, ?)', args: ['anna', 'Anna'] }),
      );
      await step('update several', () => c.execute({ sql: 'update answers set score = score + ? where user_id = ?', args: [0.125, 'bram'] }));
      await step('update none (lastInsertRowid stays the last insert)', () =>
        c.execute({ sql: 'update answers set score = 1 where user_id = ?', args: ['niemand'] }),
      );
      await step('upsert that updates', () =>
        c.execute({
          sql: 'insert into answers (user_id, question_id, score) values (?, ?, ?) on conflict (user_id, question_id) do update set score = excluded.score',
          args: ['anna', 'q1', 0.75],
        }),
      );
      await step('insert or ignore that ignores', () =>
        c.execute({ sql: 'insert or ignore into answers (user_id, question_id, score) values (?, ?, ?)', args: ['anna', 'q1', 0] }),
      );
      await step('insert or replace', () =>
        c.execute({ sql: 'insert or replace into answers (id, user_id, question_id, score) values (?, ?, ?, ?)', args: [1, 'anna', 'q1', 0.9] }),
      );
      await step('insert … returning', () =>
        c.execute({ sql: 'insert into answers (user_id, question_id, score) values (?, ?, ?) returning id, score', args: ['eli', 'q1', 1] }),
      );
      await step('update … returning', () => c.execute({ sql: 'update answers set score = 0 where user_id = ? returning id, question_id', args: ['bram'] }));
      await step('delete some', () => c.execute({ sql: 'delete from answers where user_id = ? and score < ?', args: ['bram', 0.5] }));
      await step('delete none', () => c.execute({ sql: 'delete from answers where user_id = ?', args: ['niemand'] }));
      await step('delete … returning', () => c.execute({ sql: 'delete from answers where user_id = ? returning question_id', args: ['eli'] }));
      await step('DDL', () => c.execute('create index answers_user_idx on answers (user_id)'));
      await step('what is left', () => c.execute('select id, user_id, question_id, score from answers order by id'));
      await step('a cached write statement again', () =>
        c.execute({ sql: 'insert into answers (user_id, question_id, score) values (?, ?, ?)', args: ['anna', 'q3', 1] }),
      );
      await step('changes() and last_insert_rowid() agree', () => c.execute('select changes() as changes, last_insert_rowid() as id'));
    });
    assertSame(steps);
    // What the comparison rests on, spelled out.
    assert.deepEqual(
      [ok(steps.get('insert several rows')!.ours).rowsAffected, ok(steps.get('insert several rows')!.ours).lastInsertRowid],
      [3, { bigint: '5' }],
    );
    assert.equal(ok(steps.get('update several')!.ours).rowsAffected, 3);
    assert.deepEqual(
      ok(steps.get('update none (lastInsertRowid stays the last insert)')!.ours).lastInsertRowid,
      { bigint: '1' },
      "the connection's last insert: the row of the text key",
    );
    // RETURNING makes a statement a reader: its rows, and (on both) rowsAffected 0 and no rowid.
    const returning = ok(steps.get('insert … returning')!.ours);
    assert.deepEqual([returning.columns, returning.rows.length, returning.rowsAffected, returning.lastInsertRowid], [['id', 'score'], 1, 0, undefined]);
    assert.deepEqual(ok(steps.get('delete … returning')!.ours).rows, [['q1']]);
  });

  test('batch: the same results per statement, all or nothing, in write, deferred and read mode', async () => {
    const steps = await sideBySide(async (c, step) => {
      await step('create', () => c.execute('create table t (id integer primary key, name text not null unique, n integer not null default 0)'));
      await step('write batch', () =>
        c.batch(
          [
            { sql: 'insert into t (name) values (?)', args: ['a'] },
            ['insert into t (name, n) values (?, ?)', ['b', 2]],
            ['insert into t (name) values (:name)', { name: 'c' }],
            'update t set n = n + 1',
            { sql: 'select id, name, n from t order by id', args: [] },
            ['delete from t where name = ?', ['c']],
          ],
          'write',
        ),
      );
      await step('deferred batch (the default mode)', () => c.batch([['insert into t (name) values (?)', ['d']], 'select count(*) as n from t']));
      await step('read batch', () => c.batch(['select name from t order by name', ['select n from t where name = ?', ['b']]], 'read'));
      await step('empty batch', () => c.batch([], 'write'));
      await step('failing at the second statement', () =>
        c.batch(
          [
            ['insert into t (name) values (?)', ['e']],
            ['insert into t (name) values (?)', ['a']],
            ['insert into t (name) values (?)', ['f']],
          ],
          'write',
        ),
      );
      await step('nothing of it was kept', () => c.execute('select name from t order by name'));
      await step('failing at the first statement', () =>
        c.batch(
          [
            ['insert into t (name) values (?)', [null]],
            ['insert into t (name) values (?)', ['g']],
          ],
          'write',
        ),
      );
      await step('a syntax error in the third statement', () => c.batch([['insert into t (name) values (?)', ['h']], 'select 1', 'selec 2'], 'deferred'));
      await step('an unknown table in a batch', () => c.batch(['select * from nope'], 'read'));
      await step('still nothing kept', () => c.execute('select name from t order by name'));
      await step('usable after the failures', () => c.batch([['insert into t (name) values (?)', ['e']]], 'write'));
      // libSQL's engine does not enforce BEGIN TRANSACTION READONLY on a local file: a write in a
      // 'read' batch goes through, on both clients alike. Nothing may rely on 'read' to refuse one.
      await step('a write in a read batch', () => c.batch([['insert into t (name) values (?)', ['via-read']]], 'read'));
      await step('finally', () => c.execute('select id, name, n from t order by id'));
    });
    assertSame(steps);
    const failed = err(steps.get('failing at the second statement')!.ours);
    assert.deepEqual(
      [failed.class, failed.code, failed.extendedCode, failed.statementIndex],
      ['LibsqlBatchError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE', 1],
    );
    assert.equal(err(steps.get('a syntax error in the third statement')!.ours).statementIndex, 2);
    assert.deepEqual(ok(steps.get('nothing of it was kept')!.ours).rows, [['a'], ['b'], ['d']]);
    assert.deepEqual(
      okBatch(steps.get('write batch')!.ours)[4].rows,
      [
        [1, 'a', 1],
        [2, 'b', 3],
        [3, 'c', 1],
      ],
      'a statement sees the writes before it in its batch',
    );
    assert.deepEqual(
      ok(steps.get('finally')!.ours).rows.map((r) => r[1]),
      ['a', 'b', 'd', 'e', 'via-read'],
    );
  });

  test("batch modes under another connection's write lock: 'write' waits for the lock at its start, 'deferred' and 'read' only when they write", async () => {
    // Each case on fresh files: a statement that gave up on the lock stays active in the libsql
    // binding (on both clients alike) until the connection is replaced (see reconnect()).
    const cases: Array<[string, Parameters<Client['batch']>[0], 'write' | 'deferred' | 'read']> = [
      ['write, reading only', ['select count(*) from t'], 'write'],
      ['deferred, reading only', ['select count(*) from t'], 'deferred'],
      ['read', ['select count(*) from t'], 'read'],
      ['deferred, writing', ['insert into t values (2)'], 'deferred'],
    ];
    const run = async (make: (path: string) => Client) => {
      const outcomes: Record<string, Outcome> = {};
      for (const [label, statements, mode] of cases) {
        const path = freshFile();
        const c = make(path);
        const blocker = createClient({ url: `file:${path}` });
        try {
          await c.execute('PRAGMA journal_mode = WAL');
          await c.execute('create table t (v integer)');
          const tx = await blocker.transaction('write');
          await tx.execute('insert into t values (1)');
          outcomes[label] = await attempt(() => c.batch(statements, mode));
          await tx.rollback();
        } finally {
          blocker.close();
          c.close();
        }
      }
      return outcomes;
    };
    // Short busy timeouts here (the app's is 5 s), the same on both clients.
    const a = await run((path) => createEmbeddedClient({ path, busyTimeoutMs: 150 }));
    const b = await run((path) => createClient({ ...clientConfig({ url: `file:${path}` }), timeout: 150 }));
    assert.deepEqual(a, b);
    assert.equal(err(a['write, reading only']).code, 'SQLITE_BUSY', "'write' begins with BEGIN IMMEDIATE");
    assert.deepEqual(okBatch(a['deferred, reading only'])[0].rows, [[0]], "'deferred' reads the last committed state");
    assert.deepEqual(okBatch(a.read)[0].rows, [[0]]);
    assert.equal(err(a['deferred, writing']).code, 'SQLITE_BUSY');
  });

  test('errors: constraint violations, syntax errors and bad arguments carry the same class, code, extended code and message', async () => {
    const closed = new Map<string, ReturnType<typeof failure>>();
    const steps = await sideBySide(async (c, step) => {
      await step('foreign keys are on (tuneEmbeddedDatabase)', () => c.execute('PRAGMA foreign_keys'));
      await step('schema', () =>
        c.executeMultiple(`
          create table users (id text primary key, email text not null unique, score integer check (score >= 0));
          create table sessions (id integer primary key, user_id text not null references users (id));
          create table strict_t (i integer, t text) strict;`),
      );
      await step('a good row', () => c.execute({ sql: 'insert into users (id, email, score) values (?, ?, ?)', args: ['u1', 'a@gemeente.nl', 1] }));
      await step('UNIQUE', () => c.execute({ sql: 'insert into users (id, email) values (?, ?)', args: ['u2', 'a@gemeente.nl'] }));
      await step('PRIMARY KEY', () => c.execute({ sql: 'insert into users (id, email) values (?, ?)', args: ['u1', 'b@gemeente.nl'] }));
      await step('NOT NULL', () => c.execute({ sql: 'insert into users (id, email) values (?, ?)', args: ['u3', null] }));
      await step('CHECK', () => c.execute({ sql: 'insert into users (id, email, score) values (?, ?, ?)', args: ['u4', 'd@gemeente.nl', -1] }));
      await step('FOREIGN KEY', () => c.execute({ sql: 'insert into sessions (user_id) values (?)', args: ['nobody'] }));
      await step('FOREIGN KEY on delete', () =>
        c.execute({ sql: 'insert into sessions (user_id) values (?)', args: ['u1'] }).then(() => c.execute("delete from users where id = 'u1'")),
      );
      await step('STRICT type', () => c.execute({ sql: 'insert into strict_t (i) values (?)', args: ['geen getal'] }));
      await step('datatype mismatch on a rowid', () => c.execute({ sql: 'insert into sessions (id, user_id) values (?, ?)', args: ['x', 'u1'] }));
      await step('syntax error', () => c.execute('selec * from users'));
      await step('no such table', () => c.execute('select * from nope'));
      await step('no such column', () => c.execute('select nope from users'));
      await step('a constraint in a batch', () => c.batch([['insert into users (id, email) values (?, ?)', ['u5', 'a@gemeente.nl']]], 'write'));
      await step('executeMultiple stops at the error', () =>
        c.executeMultiple(
          "insert into users (id, email) values ('u6', 'f@gemeente.nl'); insert into users (id, email) values ('u7', 'f@gemeente.nl'); insert into users (id, email) values ('u8', 'h@gemeente.nl');",
        ),
      );
      await step('what executeMultiple kept', () => c.execute('select id from users order by id'));
      await step('an object as argument', () => c.execute({ sql: 'select ?', args: [{} as unknown as InValue] }));
      await step('too many arguments are ignored', () => c.execute({ sql: 'select ? as a', args: [1, 2] }));
      await step('missing arguments are null', () => c.execute({ sql: 'select ? as a, ? as b, :c as c', args: [1] }));
      // Documented difference: the project's messages are Dutch, @libsql/client's English; the
      // class (and for a closed client the code) is the same. Checked per side below.
      await step('NaN', () => c.execute({ sql: 'select ?', args: [Number.NaN] }));
      await step('Infinity', () => c.execute({ sql: 'select ?', args: [Number.POSITIVE_INFINITY] }));
      await step('undefined', () => c.execute({ sql: 'select ?', args: [undefined as unknown as InValue] }));
      c.close();
      const e = await attempt(() => c.execute('select 1'));
      closed.set(c.constructor.name, err(e));
      assert.equal(c.closed, true);
    });
    assertSame(steps, ['NaN', 'Infinity', 'undefined']);
    for (const [label, cls, ours, theirs] of [
      ['NaN', 'RangeError', 'Alleen eindige getallen kunnen naar de database.', 'Only finite numbers (not Infinity or NaN) can be passed as arguments'],
      ['Infinity', 'RangeError', 'Alleen eindige getallen kunnen naar de database.', 'Only finite numbers (not Infinity or NaN) can be passed as arguments'],
      ['undefined', 'TypeError', 'undefined kan niet naar de database.', 'undefined cannot be passed as argument to the database'],
    ]) {
      const s = steps.get(label)!;
      assert.deepEqual([err(s.ours).class, err(s.ours).message], [cls, ours], label);
      assert.deepEqual([err(s.theirs).class, err(s.theirs).message], [cls, theirs], label);
    }
    const [oursClosed, theirsClosed] = [closed.get('EmbeddedClient')!, [...closed].find(([name]) => name !== 'EmbeddedClient')![1]];
    assert.deepEqual({ ...oursClosed, message: undefined }, { ...theirsClosed, message: undefined }, 'a closed client: the same class and code');
    assert.deepEqual(
      [oursClosed.code, oursClosed.message, theirsClosed.message],
      ['CLIENT_CLOSED', 'CLIENT_CLOSED: De databaseverbinding is gesloten.', 'CLIENT_CLOSED: The client is closed'],
    );
    // What the comparison rests on: SQLite's codes as the app matches on them.
    const codes = ['UNIQUE', 'PRIMARY KEY', 'NOT NULL', 'CHECK', 'FOREIGN KEY', 'FOREIGN KEY on delete', 'syntax error', 'datatype mismatch on a rowid'].map(
      (label) => {
        const e = err(steps.get(label)!.ours);
        return [label, e.class, e.code, e.extendedCode, e.rawCode];
      },
    );
    assert.deepEqual(codes, [
      ['UNIQUE', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE', 2067],
      ['PRIMARY KEY', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_PRIMARYKEY', 1555],
      ['NOT NULL', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_NOTNULL', 1299],
      ['CHECK', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_CHECK', 275],
      ['FOREIGN KEY', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_FOREIGNKEY', 787],
      ['FOREIGN KEY on delete', 'LibsqlError', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_FOREIGNKEY', 787],
      ['syntax error', 'LibsqlError', 'SQLITE_ERROR', 'SQLITE_ERROR', 1],
      ['datatype mismatch on a rowid', 'LibsqlError', 'SQLITE_MISMATCH', 'SQLITE_MISMATCH', 20],
    ]);
    assert.equal(err(steps.get('UNIQUE')!.ours).message, 'SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email');
    assert.equal(err(steps.get('syntax error')!.ours).message, 'SQLITE_ERROR: near "selec": syntax error');
    assert.deepEqual(
      ok(steps.get('what executeMultiple kept')!.ours).rows,
      [['u1'], ['u6']],
      'statements before the error stay (no transaction around executeMultiple)',
    );
  });

  test('types: integers, reals, text, blobs, null, booleans and dates, by positional and named arguments, read back the same', async () => {
    const blob = (bytes: number[]) => new Uint8Array(bytes).buffer;
    const large = new Uint8Array(64 * 1024).map((_, i) => (i * 31) & 0xff);
    const values: Array<[string, InValue]> = [
      ['zero', 0],
      ['negative', -1],
      ['beyond 32 bits', 2 ** 31],
      ['milliseconds since 1970', T0],
      ['largest safe integer', Number.MAX_SAFE_INTEGER],
      ['smallest safe integer', Number.MIN_SAFE_INTEGER],
      ['bigint within the safe range', 42n],
      ['real', 0.1],
      ['negative real', -2.5],
      ['huge real', 1e300],
      ['tiny real', 5e-324],
      ['whole real', 1.0],
      ['negative zero', -0],
      ['empty text', ''],
      ['accents', 'Zoë Çelik, één gezin één plan'],
      ['emoji', 'afgerond 🌱✅ 👩🏽‍⚕️'],
      ['right to left', 'مرحبا بالعالم'],
      ['combining character', 'e\u0301'],
      ['quotes and escapes', 'it\'s "quoted" \\ back\\slash'],
      ['newlines and tabs', 'regel 1\nregel 2\r\n\tingesprongen'],
      ['long text', 'lang '.repeat(5000)],
      ['number-like text', '42'],
      ['blob', blob([0, 1, 2, 254, 255])],
      ['empty blob', blob([])],
      ['64 KiB blob', large.buffer],
      ['Uint8Array', new Uint8Array([7, 8, 9]) as unknown as InValue],
      ['null', null],
      ['true', true],
      ['false', false],
      ['Date', new Date(T0)],
    ];
    const steps = await sideBySide(async (c, step) => {
      await step('create', () => c.execute('create table v (id integer primary key, label text not null, i integer, r real, t text, b blob, x)'));
      for (const [label, value] of values) {
        // The same value into every column kind (affinity decides what is stored), alternating
        // between the argument styles: positional ?, numbered ?NNN, and named :, @, $, bare keys.
        const styles: Array<[string, InArgs]> = [
          ['insert into v (label, i, r, t, b, x) values (?, ?, ?, ?, ?, ?)', [label, value, value, value, value, value]],
          ['insert into v (label, i, r, t, b, x) values (?1, ?2, ?2, ?2, ?2, ?2)', [label, value]],
          ['insert into v (label, i, r, t, b, x) values (:label, :v, :v, :v, :v, :v)', { ':label': label, ':v': value }],
          ['insert into v (label, i, r, t, b, x) values (@label, @v, @v, @v, @v, @v)', { '@label': label, v: value }],
          ['insert into v (label, i, r, t, b, x) values ($label, $v, $v, $v, $v, $v)', { $label: label, $v: value }],
        ];
        const [statement, args] = styles[values.findIndex(([l]) => l === label) % styles.length];
        await step(`insert ${label}`, () => c.execute({ sql: statement, args }));
        await step(`select ${label}`, () =>
          c.execute({
            sql: 'select ? as arg, i, r, t, b, x, typeof(i), typeof(r), typeof(t), typeof(b), typeof(x) from v where label = ?',
            args: [value, label],
          }),
        );
      }
      await step('every row', () => c.execute('select * from v order by id'));
      await step('computed values', () =>
        c.execute(
          "select 1 = 1 as bool, 7 / 2 as intdiv, 7 / 2.0 as div, 'a' || 'b' as cat, x'00ff' as hex, null as nothing, cast('3.5' as real) as cast, length('🌱') as len",
        ),
      );
      // Text with a NUL character: stored whole (hex shows 61 00 62), read back only up to the NUL,
      // by both clients alike (the libsql binding reads C strings). The app stores JSON and form
      // text, where a NUL arrives escaped or not at all.
      await step('text with NUL', () => c.execute({ sql: 'select ? as t, hex(?) as h', args: ['a\u0000b', 'a\u0000b'] }));
    });
    assertSame(steps);
    const row = (label: string) => ok(steps.get(`select ${label}`)!.ours).named[0];
    // Shared by both (the libsql binding): a JavaScript number is always bound as a REAL, even a
    // whole one. INTEGER columns turn it back into an integer (affinity), so stored ids, counts and
    // milliseconds are integers; in a column without a type it stays a real, and a TEXT column
    // stores it as '….0'. A bigint argument is bound as an integer.
    assert.deepEqual(row('milliseconds since 1970'), {
      arg: T0,
      i: T0,
      r: T0,
      t: `${T0}.0`,
      b: T0,
      x: T0,
      'typeof(i)': 'integer',
      'typeof(r)': 'real',
      'typeof(t)': 'text',
      'typeof(b)': 'real',
      'typeof(x)': 'real',
    });
    assert.deepEqual([row('bigint within the safe range').x, row('bigint within the safe range')['typeof(x)']], [42, 'integer']);
    assert.deepEqual(
      [row('true').i, row('false').x, row('Date').i, row('Date')['typeof(i)']],
      [1, 0, T0, 'integer'],
      'booleans as 1/0, a Date as its milliseconds',
    );
    assert.deepEqual(row('blob').b, { ArrayBuffer: [0, 1, 2, 254, 255] }, 'a blob comes back as an ArrayBuffer of exactly its bytes');
    assert.deepEqual(row('empty blob')['typeof(b)'], 'blob');
    assert.equal((row('64 KiB blob').b as { ArrayBuffer: number[] }).ArrayBuffer.length, 64 * 1024);
    assert.deepEqual([row('number-like text').i, row('number-like text').t], [42, '42'], 'column affinity');
    assert.deepEqual(ok(steps.get('text with NUL')!.ours).rows, [['a', '610062']]);
  });

  test('integers beyond 2^53: both store them exactly; ours reads them back rounded where @libsql/client refuses (documented)', async () => {
    const big = 2n ** 53n + 1n; // 9007199254740993: no double has it
    const steps = await sideBySide(async (c, step) => {
      await step('create', () => c.execute('create table n (id integer primary key, v integer)'));
      await step('insert a bigint argument', () => c.execute({ sql: 'insert into n (v) values (?)', args: [big] }));
      await step('insert the largest 64-bit integer', () => c.execute({ sql: 'insert into n (v) values (?)', args: [2n ** 63n - 1n] }));
      await step('stored exactly', () =>
        c.execute({ sql: 'select cast(v as text) as exact, v = ? as same, typeof(v) as type from n order by id', args: [big] }),
      );
      await step('read back', () => c.execute('select v from n order by id'));
      await step('a rowid beyond 2^53', () => c.execute({ sql: 'insert into n (id, v) values (?, 0)', args: [big] }));
      await step('a bigint beyond 64 bits', () => c.execute({ sql: 'select ?', args: [2n ** 64n] }));
    });
    assertSame(steps, ['read back', 'a bigint beyond 64 bits']);
    assert.deepEqual(ok(steps.get('stored exactly')!.ours).rows, [
      ['9007199254740993', 1, 'integer'],
      ['9223372036854775807', 0, 'integer'],
    ]);
    // Shared by both: the binding reports the last rowid as a number, so beyond 2^53 the bigint
    // in lastInsertRowid is already rounded (the row itself has the exact id).
    assert.deepEqual(ok(steps.get('a rowid beyond 2^53')!.ours).lastInsertRowid, { bigint: '9007199254740992' });
    // The documented difference (db/embedded-client.ts, top): ours lets the engine return plain
    // numbers, so an integer beyond 2^53 comes back rounded; @libsql/client's "number" mode (the
    // project's) refuses to read it. The app's integers (counts, ids, milliseconds) stay far below.
    const read = steps.get('read back')!;
    assert.deepEqual(ok(read.ours).rows, [[9007199254740992], [9223372036854775807]], 'ours: rounded to the nearest double');
    assert.notEqual(BigInt(ok(read.ours).rows[0][0] as number), big, 'the exact value is lost');
    assert.deepEqual(
      [err(read.theirs).class, err(read.theirs).message],
      ['RangeError', 'Received integer which cannot be safely represented as a JavaScript number'],
    );
    // A bigint that fits no 64-bit integer is refused by both, with different messages: ours
    // from the libsql binding, theirs from @libsql/client's own check.
    const tooBig = steps.get('a bigint beyond 64 bits')!;
    assert.deepEqual([err(tooBig.ours).class, err(tooBig.theirs).class], ['RangeError', 'RangeError']);
  });

  test('the intMode the project uses is "number", for every client it makes', async () => {
    // clientConfig leaves intMode to @libsql/client's default, "number", for a file, a server and
    // a replica alike; ours reads numbers too. The same integer is the same JavaScript number.
    for (const config of [{ url: 'file:x.db' }, { url: 'libsql://db.example' }, { url: 'http://localhost:8080', replicaPath: 'r.db' }]) {
      assert.equal(clientConfig(config).intMode, undefined, JSON.stringify(config));
    }
    const steps = await sideBySide(async (c, step) => {
      await step('integers', () =>
        c.execute({ sql: 'select 1 as one, cast(? as integer) as ms, count(*) as n, ? as big from (select 1)', args: [T0, 2n ** 40n] }),
      );
    });
    assertSame(steps);
    assert.deepEqual(ok(steps.get('integers')!.ours).rows, [[1, T0, 1, 2 ** 40]], 'integers as numbers, never bigint or string');
  });

  test("drizzle over either client: the app's migrations and typed queries give the same results", async () => {
    const ours = openDatabase({ url: `file:${freshFile()}` });
    const theirsClient = createClient(clientConfig({ url: `file:${freshFile()}` }));
    const theirs = { db: drizzle(theirsClient, { schema }) as unknown as Db, client: theirsClient };
    const run = async ({ db, client }: { db: Db; client: Client }) => {
      await client.execute('PRAGMA foreign_keys = ON');
      const migrated = await applyMigrations(db);
      const tables = (await client.execute("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name")).rows.map((r) => [
        r[0],
        r[1],
        r[2],
      ]);
      const { users, attempts, sessions } = schema;
      await db.batch([
        db.insert(users).values({ id: 'u1', email: 'anna@gemeente.nl', name: 'Anna Çelik', passwordHash: 'x', createdAt: T0 }),
        db.insert(users).values({ id: 'u2', email: 'bram@gemeente.nl', name: 'Bram', passwordHash: 'x', role: 'trainer', active: false, createdAt: T0 }),
        db.insert(sessions).values({ id: 's1', userId: 'u1', expiresAt: T0 + 1000, createdAt: T0 }),
      ]);
      const inserted = await db
        .insert(attempts)
        .values({
          userId: 'u1',
          moduleId: 'giz',
          questionId: 'q1',
          idempotencyKey: 'k1',
          answer: { choices: ['a', 'c'], text: 'één' },
          correct: true,
          score: 0.5,
          contentVersion: '2026.1',
          createdAt: T0,
        })
        .returning();
      const duplicate = await db
        .insert(attempts)
        .values({
          userId: 'u1',
          moduleId: 'giz',
          questionId: 'q1',
          idempotencyKey: 'k1',
          answer: {},
          correct: false,
          score: 0,
          contentVersion: '2026.1',
          createdAt: T0,
        })
        .then(
          () => 'inserted',
          (e: Error) => failure((e as { cause?: unknown }).cause ?? e),
        );
      const updated = await db.update(users).set({ active: true }).where(eq(users.id, 'u2')).run();
      const joined = await db
        .select({ name: users.name, active: users.active, answer: attempts.answer, correct: attempts.correct, score: attempts.score })
        .from(attempts)
        .innerJoin(users, eq(users.id, attempts.userId));
      const query = await db.query.users.findMany({ orderBy: users.id });
      const raw = await db.all(sql`select count(*) as n, sum(${attempts.score}) as total from ${attempts}`);
      const deleted = await db.delete(users).where(eq(users.id, 'u1')).run();
      const cascaded = await db.select().from(sessions);
      return { migrated, tables, inserted, duplicate, updated: [updated.rowsAffected], joined, query, raw, deleted: [deleted.rowsAffected], cascaded };
    };
    try {
      const a = await run(ours);
      const b = await run(theirs);
      assert.deepEqual(a, b);
      assert.deepEqual(a.joined, [{ name: 'Anna Çelik', active: true, answer: { choices: ['a', 'c'], text: 'één' }, correct: true, score: 0.5 }]);
      assert.equal((a.duplicate as ReturnType<typeof failure>).extendedCode, 'SQLITE_CONSTRAINT_UNIQUE');
      assert.deepEqual(a.cascaded, [], 'ON DELETE CASCADE');
    } finally {
      ours.client.close();
      theirsClient.close();
    }
  });

  // Differences these tests found that db/embedded-client.ts did not claim, since fixed there.
  // A new one goes here as a `todo` test: it runs and is reported, and counts as skipped until
  // the client is changed (then drop the `todo`).

  test('column names after a schema change on the same connection', async () => {
    const steps = await sideBySide(async (c, step) => {
      await step('create', () => c.execute('create table t (a integer, b text)'));
      await step('row', () => c.execute("insert into t values (1, 'x')"));
      await step('before', () => c.execute('select * from t'));
      await step('add a column', () => c.execute("alter table t add column c text default 'nieuw'"));
      await step('after adding', () => c.execute('select * from t'));
      await step('drop and create with other columns', () =>
        c
          .executeMultiple("drop table t; create table t (z text, y text); insert into t values ('p', 'q');")
          .then(() => c.execute('drop table t'))
          .then(() => c.execute('create table t (k text)')),
      );
      await step('after recreating', () => c.execute('select * from t'));
    });
    assertSame(steps);
  });

  test('executeMultiple that leaves a transaction open', async () => {
    const steps = await sideBySide(async (c, step) => {
      await step('create', () => c.execute('create table t (name text)'));
      await step('begin, insert, fail', () => c.executeMultiple("begin; insert into t values ('half'); insert into nope values (1);"));
      await step('a batch afterwards', () => c.batch([['insert into t values (?)', ['next']]], 'write'));
      await step('what is there', () => c.execute('select name from t order by name'));
    });
    assertSame(steps);
  });

  test('ResultSet.toJSON', async () => {
    const { ours, theirs } = await bothClients();
    try {
      const query = "select x'0102ff' as b, 1 as i, 't' as t";
      assert.equal(JSON.stringify(await ours.execute(query)), JSON.stringify(await theirs.execute(query)));
    } finally {
      ours.close();
      theirs.close();
    }
  });

  test('an unknown batch mode', async () => {
    const steps = await sideBySide(async (c, step) => {
      await step('batch', () => c.batch(['select 1'], 'exclusive' as 'write'));
    });
    assertSame(steps);
  });
});
