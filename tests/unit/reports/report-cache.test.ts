// Cached reports must never show stale numbers on an embedded file: any write of the app, any
// commit by another process, and the passing of time each make the next request compute again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { createUser } from '../../../src/lib/auth/user.ts';
import { cachedReport } from '../../../src/lib/reports/report-cache.ts';
import { schema, type Db } from '../../../db/client.ts';
import { createTempDb } from '../../helpers/temp-db.ts';

describe('report cache', () => {
  // The suite's second run (TEST_DB_CLIENT=libsql) opens files with @libsql/client, which has no
  // data version (db/data-version.ts): there the same steps must compute every time.
  const caching = process.env.TEST_DB_CLIENT !== 'libsql';
  test(
    caching
      ? 'reused while nothing changed; computed again after a write, another process’s commit, or time'
      : 'on @libsql/client: computed every time, nothing reused',
    async () => {
      const t = await createTempDb();
      let computed = 0;
      const report = (now = Date.now()) => cachedReport(t.db, 'team-x', async () => ++computed, now);
      /** One request for the report: `reused` when the data has not changed since the last one. */
      const expect = async (outcome: 'computed' | 'reused', why: string, now?: number) => {
        const before = computed;
        const value = await report(now);
        const computedNow = outcome === 'computed' || !caching;
        assert.equal(computed, computedNow ? before + 1 : before, why);
        assert.equal(value, computed, why);
      };
      try {
        await expect('computed', 'first time');
        await expect('reused', 'same data: same report');
        assert.equal(await cachedReport(t.db, 'team-y', async () => 'other'), 'other', 'keys are separate');

        await createUser(t.db, { email: 'nieuw@gemeente.nl', name: 'Nieuw', password: 'lang-genoeg-1', role: 'learner' });
        await expect('computed', 'a write by the app');
        await expect('reused', 'nothing written since');

        // The admin CLI or a restore: another connection to the same file.
        const other = createClient({ url: t.url });
        await other.execute("update users set name = 'Anders' where email = 'nieuw@gemeente.nl'");
        other.close();
        await expect('computed', 'a commit by another process');

        // REPORT_CACHE_SECONDS: 60 by default.
        await expect('reused', 'not yet too old', Date.now() + 59_000);
        await expect('computed', 'too old', Date.now() + 60_000 + 1);
      } finally {
        t.cleanup();
      }
    },
  );

  test('REPORT_CACHE_SECONDS=0: computed for every request', async () => {
    const t = await createTempDb();
    let computed = 0;
    try {
      await cachedReport(t.db, 'k', async () => ++computed, Date.now(), 0);
      assert.equal(await cachedReport(t.db, 'k', async () => ++computed, Date.now(), 0), 2);
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
