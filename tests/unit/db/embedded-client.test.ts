// The app's own client for embedded files (db/embedded-client.ts) must behave as @libsql/client
// does for everything the app and drizzle rely on: rows by position and by name, atomic batches,
// SQLite's error codes, and recovery after another process held the lock too long.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createClient, LibsqlBatchError, LibsqlError } from '@libsql/client';
import { createEmbeddedClient } from '../../../db/embedded-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'leergang-embedded-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `db-${++n}.db`);

describe('embedded client', () => {
  test('rows read the same as with @libsql/client: by position, by name, repeated names', async () => {
    const path = freshFile();
    const ours = createEmbeddedClient({ path, busyTimeoutMs: 1000 });
    await ours.executeMultiple('create table t (id integer primary key, name text, score real, data blob); create table u (id integer primary key, t_id integer);');
    await ours.execute({ sql: 'insert into t (id, name, score, data) values (?, ?, ?, ?)', args: [1, 'Anna', 0.5, new Uint8Array([1, 2, 3]).buffer] });
    await ours.execute({ sql: 'insert into u (id, t_id) values (:id, :t)', args: { ':id': 7, t: 1 } });
    const theirs = createClient({ url: `file:${path}` });
    try {
      for (const sql of ['select id, name, score, data from t', 'select t.id, u.id, t.name from t join u on u.t_id = t.id', 'select count(*) as n from t where id > 5']) {
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
      await client.batch([{ sql: 'insert into t (name) values (?)', args: ['a'] }, { sql: 'insert into t (name) values (?)', args: ['b'] }], 'write');
      await assert.rejects(
        client.batch([{ sql: 'insert into t (name) values (?)', args: ['c'] }, { sql: 'insert into t (name) values (?)', args: ['a'] }], 'write'),
        (error: unknown) => error instanceof LibsqlBatchError && error.code === 'SQLITE_CONSTRAINT' && error.statementIndex === 1,
      );
      assert.deepEqual((await client.execute('select name from t order by name')).rows.map((r) => r.name), ['a', 'b'], 'c was rolled back');
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
      assert.deepEqual((await client.execute('select v from t')).rows.map((r) => r.v), [3]);
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
