// The guard of db/batch-guard.ts on a real database (both clients, see tests/helpers/temp-db.ts):
// a statement declared onlyAfterChange runs when the write right before it changed exactly one
// row, and does nothing otherwise; and what goes wrong when another write is put in between, which
// is why batchInOrder's rule says never to do that.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { batchInOrder, onlyAfterChange, PREVIOUS_CHANGED_ONE_ROW, type BatchStep } from '../../../db/batch-guard.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

describe('batch guard (onlyAfterChange)', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
    await t.client.execute('create table guard_items (name text primary key)');
    await t.client.execute('create table guard_log (note text not null)');
  });
  after(() => t.cleanup());
  beforeEach(async () => {
    await t.client.batch(['delete from guard_items', 'delete from guard_log'], 'write');
    await t.client.execute("insert into guard_items (name) values ('er-al')");
  });

  const insertItem = (name: string) => ({ sql: 'insert into guard_items (name) values (?) on conflict do nothing', args: [name] });
  const logIfChanged = (note: string) => onlyAfterChange({ sql: `insert into guard_log (note) select ? where ${PREVIOUS_CHANGED_ONE_ROW}`, args: [note] });
  const run = (steps: BatchStep[]) => t.client.batch(batchInOrder(steps), 'write');
  const log = async () => (await t.client.execute('select note from guard_log order by rowid')).rows.map((row) => row.note);

  test('runs when the write before it inserted a row', async () => {
    await run([insertItem('nieuw'), logIfChanged('na nieuw')]);
    assert.deepEqual(await log(), ['na nieuw']);
  });

  test('does nothing when the write before it changed nothing', async () => {
    await run([insertItem('er-al'), logIfChanged('na dubbel')]);
    assert.deepEqual(await log(), []);
  });

  test('does nothing when the write before it changed more than one row', async () => {
    await t.client.execute("insert into guard_items (name) values ('tweede')");
    await run([{ sql: "update guard_items set name = name || '!'", args: [] }, logIfChanged('na twee')]);
    assert.deepEqual(await log(), []);
  });

  test('another write put in between becomes what the guard asks about (the rule: never do that)', async () => {
    // batchInOrder cannot tell which write a guard was meant for: these batches pass it.
    // A new row, then a write that changes nothing: the guarded statement no longer runs.
    await run([insertItem('nieuw'), { sql: "delete from guard_items where name = 'bestaat-niet'", args: [] }, logIfChanged('mis 1')]);
    // Nothing new, then a write of one row: the guarded statement runs after all.
    await run([insertItem('er-al'), { sql: "delete from guard_items where name = 'nieuw'", args: [] }, logIfChanged('mis 2')]);
    assert.deepEqual(await log(), ['mis 2']);
  });

  test('a read in between does not count for changes()', async () => {
    await run([insertItem('er-al'), { sql: 'select count(*) from guard_items', args: [] }, logIfChanged('na lezen')]);
    assert.deepEqual(await log(), []);
  });

  test('first in a batch, the guard would ask about a write before the batch', async () => {
    // Why batchInOrder refuses it: without the helper, such a batch runs on what came before.
    const [, guarded] = batchInOrder([insertItem('x'), logIfChanged('voor de batch')]);
    await t.client.execute(insertItem('los'));
    await t.client.batch([guarded], 'write');
    assert.deepEqual(await log(), ['voor de batch']);
  });

  test('batchInOrder refuses what would change what a guard refers to', () => {
    assert.throws(() => batchInOrder([logIfChanged('eerst')]), /cannot come first/);
    assert.throws(() => batchInOrder([insertItem('a'), logIfChanged('een'), logIfChanged('twee')]), /not another guarded statement/);
    assert.throws(
      () => batchInOrder([insertItem('a'), { sql: 'insert into guard_log (note) select ? where changes() = 1', args: ['x'] }]),
      /must be declared with onlyAfterChange/,
    );
    assert.throws(() => onlyAfterChange({ sql: 'insert into guard_log (note) values (?)', args: ['x'] }), /has no "changes\(\) = 1"/);
    assert.equal(batchInOrder([insertItem('a'), logIfChanged('een'), insertItem('b')]).length, 3);
  });
});
