// Cached reports must never show stale numbers on an embedded file: any write of the app, any
// commit by another process, and the passing of time each make the next request compute again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { createUser } from '../../../src/lib/auth/user.ts';
import { cachedReport, REPORT_CACHE_MS } from '../../../src/lib/reports/report-cache.ts';
import { schema, type Db } from '../../../db/client.ts';
import { createTempDb } from '../../helpers/temp-db.ts';

describe('report cache', () => {
  // Only the app's own client for files knows the data version (see report-cache.ts).
  const onlyOurs = process.env.TEST_DB_CLIENT === 'libsql' ? 'the data version is the embedded client’s own' : false;
  test('reused while nothing changed; computed again after a write, another process’s commit, or time', { skip: onlyOurs }, async () => {
    const t = await createTempDb();
    let computed = 0;
    const report = (now = Date.now()) => cachedReport(t.db, 'team-x', async () => ++computed, now);
    try {
      assert.equal(await report(), 1);
      assert.equal(await report(), 1, 'same data: same report');
      assert.equal(await cachedReport(t.db, 'team-y', async () => 'other'), 'other', 'keys are separate');

      await createUser(t.db, { email: 'nieuw@gemeente.nl', name: 'Nieuw', password: 'lang-genoeg-1', role: 'learner' });
      assert.equal(await report(), 2, 'a write by the app');
      assert.equal(await report(), 2);

      // The admin CLI or a restore: another connection to the same file.
      const other = createClient({ url: t.url });
      await other.execute("update users set name = 'Anders' where email = 'nieuw@gemeente.nl'");
      other.close();
      assert.equal(await report(), 3, 'a commit by another process');

      assert.equal(await report(Date.now() + REPORT_CACHE_MS + 1), 4, 'too old');
    } finally {
      t.cleanup();
    }
  });

  test('never cached on a client that cannot see other instances’ writes', async () => {
    const t = await createTempDb();
    // @libsql/client stands in for a libSQL server here: not the app's embedded client.
    const client = createClient({ url: t.url });
    const db = drizzle(client, { schema }) as Db;
    let computed = 0;
    try {
      await cachedReport(db, 'k', async () => ++computed);
      assert.equal(await cachedReport(db, 'k', async () => ++computed), 2);
    } finally {
      client.close();
      t.cleanup();
    }
  });
});
