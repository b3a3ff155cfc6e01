// An app instance with an embedded replica, against a real libSQL server (sqld): reads from the
// local copy, writes to the server, its own writes visible at once, others' after a sync.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { connectDatabase, openDatabase, type Db } from '../../../db/client.ts';
import { applyMigrations } from '../../../db/migrate.ts';
import { rateLimits } from '../../../db/schema.ts';
import { startSqld, type SqldServer } from '../../../scripts/scale/processes.ts';
import { sqldForTests } from '../../../scripts/scale/sqld-binary.ts';

const { path: sqld, skip: withoutSqld } = sqldForTests();

describe('embedded replica of a libSQL server', { skip: withoutSqld }, () => {
  let dir: string;
  let server: SqldServer;
  let primary: ReturnType<typeof openDatabase>;
  let replica: Awaited<ReturnType<typeof connectDatabase>>;

  const count = async (db: Db, key: string) => (await db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-replica-'));
    server = await startSqld(sqld!, join(dir, 'sqld'));
    primary = openDatabase({ url: server.url });
    await applyMigrations(primary.db);
    await primary.db.insert(rateLimits).values({ key: 'voor-het-openen', count: 1, windowStart: 0 });
    replica = await connectDatabase({ url: server.url, replicaPath: join(dir, 'replica', 'leergang.db'), syncIntervalSeconds: 600 });
  });
  after(async () => {
    replica?.client.close();
    primary?.client.close();
    await server?.child.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('starts with what the server already had', async () => {
    assert.equal(await count(replica.db, 'voor-het-openen'), 1);
  });

  test('writes go to the server and are read back at once', async () => {
    await replica.db.insert(rateLimits).values({ key: 'via-replica', count: 7, windowStart: 0 });
    assert.equal(await count(primary.db, 'via-replica'), 7, 'the server has the write');
    assert.equal(await count(replica.db, 'via-replica'), 7, 'the replica reads its own write');
  });

  test("another instance's write arrives with the next sync", async () => {
    await primary.db.insert(rateLimits).values({ key: 'van-elders', count: 3, windowStart: 0 });
    // Until then the replica may still answer from its copy (DATABASE_SYNC_INTERVAL, docs/deploy.md).
    await replica.client.sync();
    assert.equal(await count(replica.db, 'van-elders'), 3);
  });

  test('a transaction does not block the other queries of the instance, and is read back after commit', async () => {
    const reads: Promise<unknown>[] = [];
    await replica.db.transaction(async (tx) => {
      await tx.insert(rateLimits).values({ key: 'in-transactie', count: 1, windowStart: 0 });
      // Other requests of the same instance keep working while the transaction is open.
      reads.push(count(replica.db, 'voor-het-openen'), replica.db.run(sql`SELECT 1`));
      await tx.update(rateLimits).set({ count: 2 }).where(eq(rateLimits.key, 'in-transactie'));
    });
    await Promise.all(reads);
    assert.equal(await count(primary.db, 'in-transactie'), 2);
    assert.equal(await count(replica.db, 'in-transactie'), 2);
  });

  test('a rolled back transaction leaves nothing', async () => {
    await assert.rejects(
      replica.db.transaction(async (tx) => {
        await tx.insert(rateLimits).values({ key: 'teruggedraaid', count: 1, windowStart: 0 });
        throw new Error('afgebroken');
      }),
      /afgebroken/,
    );
    assert.equal(await count(primary.db, 'teruggedraaid'), undefined);
  });
});
