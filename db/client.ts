// The one place that opens the database. Domain code receives a `Db` and never reads the
// environment itself, so tests can hand it a temporary file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema>;

export interface DatabaseConfig {
  url: string;
  authToken?: string;
}

export function openDatabase({ url, authToken }: DatabaseConfig): { db: Db; client: Client } {
  if (url.startsWith('file:')) {
    // libSQL does not create the folder of a file: URL.
    const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken });
  return { db: drizzle(client, { schema }), client };
}

/** Settings that make an embedded file safe under concurrent requests. No-ops on a server. */
export async function tuneEmbeddedDatabase(client: Client, url: string): Promise<void> {
  if (!url.startsWith('file:')) return;
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA synchronous = NORMAL');
}

export { schema };
