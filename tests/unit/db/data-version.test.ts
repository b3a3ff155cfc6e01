// What counts as a write for the report cache (db/data-version.ts on the embedded client): a
// page's read batch (BEGIN, selects, COMMIT) does not, so a kept report survives every page view;
// a write batch and a write with RETURNING do.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dataVersion } from '../../../db/data-version.ts';
import { readAll, readTogether, rawRead } from '../../../db/read-together.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { getModuleProgress } from '../../../src/lib/progress/module-progress.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

// The suite's second run (TEST_DB_CLIENT=libsql) opens files with @libsql/client, which has no
// data version (the report cache then keeps nothing): these tests are about the app's own client.
const ownClient = process.env.TEST_DB_CLIENT !== 'libsql';

describe('data version', { skip: ownClient ? false : '@libsql/client kent geen dataversie' }, () => {
  let t: TempDb;
  let userId: string;
  before(async () => {
    t = await createTempDb();
    const created = await createUser(t.db, { email: 'versie@gemeente.nl', name: 'Versie', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
  });
  after(() => t.cleanup());

  test('read batches leave it as it is', async () => {
    const before = await dataVersion(t.db);
    assert.ok(before);
    await readTogether(t.db, readAll([rawRead({ sql: 'select 1 as one' }), rawRead({ sql: 'select count(*) as n from users' })] as const));
    await getModuleProgress(t.db, userId, outlineOf(loadFixtureModule()));
    assert.equal(await dataVersion(t.db), before);
  });

  test('a write batch and a write with RETURNING change it', async () => {
    const first = await dataVersion(t.db);
    await t.db.$client.batch([{ sql: 'update users set name = ? where id = ?', args: ['Versie 2', userId] }], 'write');
    const second = await dataVersion(t.db);
    assert.notEqual(second, first);
    await t.db.$client.execute({ sql: 'update users set name = ? where id = ? returning id', args: ['Versie 3', userId] });
    assert.notEqual(await dataVersion(t.db), second);
  });
});
