// A real libSQL database in a fresh temporary folder, migrated like production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, tuneEmbeddedDatabase, type Db } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../../db/schema.ts';

export interface TempDb {
  db: Db;
  client: Client;
  dir: string;
  url: string;
  cleanup: () => void;
}

function withLibsqlClient(url: string): { db: Db; client: Client } {
  const client = createClient({ url });
  return { db: drizzle(client, { schema }), client };
}

export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  // TEST_DB_CLIENT=libsql: the same tests on @libsql/client instead of the app's own client for
  // files (db/embedded-client.ts), so every test also proves that the two behave alike.
  const { db, client } = process.env.TEST_DB_CLIENT === 'libsql' ? withLibsqlClient(url) : openDatabase({ url });
  await tuneEmbeddedDatabase(client, url);
  await applyMigrations(db);
  return {
    db,
    client,
    dir,
    url,
    cleanup: () => {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
