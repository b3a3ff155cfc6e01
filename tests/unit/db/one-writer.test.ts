// db/one-writer.ts: on a libSQL server an instance has at most one write in flight; reads are
// not held up; a failed write does not block the ones behind it. The client underneath is real
// (a libSQL file); the spy around it only measures how many calls overlap.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { createClient, type Client } from '@libsql/client';
import { oneWriterAtATime } from '../../../db/one-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'leergang-one-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A real client whose calls take a few milliseconds, counting how many overlap. */
function overlapCounter(real: Client) {
  const now = { write: 0, read: 0 };
  const most = { write: 0, read: 0 };
  const timed = async <T>(kind: 'write' | 'read', work: () => Promise<T>): Promise<T> => {
    now[kind]++;
    most[kind] = Math.max(most[kind], now[kind]);
    try {
      await sleep(5);
      return await work();
    } finally {
      now[kind]--;
    }
  };
  const client = new Proxy(real, {
    get(target, property) {
      if (property === 'execute')
        return (s: { sql: string; args?: unknown[] }) => timed(/^\s*select/i.test(s.sql) ? 'read' : 'write', () => target.execute(s as never));
      if (property === 'batch')
        return (s: Parameters<Client['batch']>[0], mode?: Parameters<Client['batch']>[1]) =>
          timed(mode === 'read' ? 'read' : 'write', () => target.batch(s, mode));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { client, most };
}

test('one write in flight per instance; reads overlap; a failed write frees the queue', async () => {
  const real = createClient({ url: `file:${join(dir, 'db.db')}` });
  await real.execute('create table t (id integer primary key, name text unique)');
  const { client: spied, most } = overlapCounter(real);
  const client = oneWriterAtATime(spied);
  try {
    const writes = Array.from({ length: 12 }, (_, i) =>
      i % 2
        ? client.execute({ sql: 'insert into t (name) values (?)', args: [`n${i}`] })
        : client.batch([{ sql: 'insert into t (name) values (?)', args: [`b${i}`] }], 'write'),
    );
    const duplicate = client.execute({ sql: 'insert into t (name) values (?)', args: ['n1'] });
    const reads = Array.from({ length: 8 }, () => client.execute({ sql: 'select count(*) from t', args: [] }));
    const outcomes = await Promise.allSettled([...writes, duplicate, ...reads]);
    assert.equal(outcomes.filter((o) => o.status === 'rejected').length, 1, 'only the duplicate fails');
    assert.equal(most.write, 1, 'never two writes at once');
    assert.ok(most.read > 1, `reads overlap (at most ${most.read} at once)`);
    assert.equal((await client.execute('select count(*) from t')).rows[0][0], 12, 'every write after the failed one still ran');
  } finally {
    real.close();
  }
});
