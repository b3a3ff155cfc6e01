// A real libSQL database in a fresh temporary folder, migrated like production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, tuneEmbeddedDatabase, type Db } from '../../db/client.ts';
import { applyMigrations } from '../../db/migrate.ts';
import type { Client } from '@libsql/client';

export interface TempDb {
  db: Db;
  client: Client;
  dir: string;
  url: string;
  cleanup: () => void;
}

export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const { db, client } = openDatabase({ url });
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
