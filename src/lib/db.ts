// The app's database handle: opened once per process from the environment. Which database
// (embedded file, libSQL server, or server plus a local replica) is configuration only; the
// handle holds no state of its own, so any number of instances can share one server.
// It lives here and not in db/ because it reads the settings (env.ts), and db/ imports nothing
// from src/: the database layer is usable by scripts and tests without the app's environment.
import type { Client } from '@libsql/client';
import { connectDatabase, tuneEmbeddedDatabase, type Db } from '../../db/client.ts';
import { getSettings } from './env.ts';

let ready: Promise<Db> | undefined;
let openClient: Client | undefined;

export function getDb(): Promise<Db> {
  if (!ready) {
    ready = open();
    // A failed first connection (say the replica's first sync while the server restarts) must
    // not stick: the next request tries again.
    ready.catch(() => {
      ready = undefined;
    });
  }
  return ready;
}

async function open(): Promise<Db> {
  const env = getSettings();
  const { db, client } = await connectDatabase({
    url: env.DATABASE_URL,
    authToken: env.DATABASE_AUTH_TOKEN,
    replicaPath: env.DATABASE_REPLICA_PATH,
    syncIntervalSeconds: env.DATABASE_SYNC_INTERVAL,
  });
  openClient = client;
  return db;
}

/**
 * After a write gave up on a lock (SQLITE_BUSY), the embedded libSQL driver leaves that
 * statement unfinished on its pooled connection, and every later commit on the connection fails
 * ("SQL statements in progress"). Reopening the pool drops the poisoned connection. Rare: only
 * when another process held the write lock past the busy timeout.
 */
export async function resetDatabaseConnections(): Promise<void> {
  const url = getSettings().DATABASE_URL;
  if (!url.startsWith('file:')) return;
  await getDb();
  if (!openClient) return;
  await openClient.reconnect();
  // The new connection starts with SQLite's defaults; give it the app's settings again.
  await tuneEmbeddedDatabase(openClient, url);
}
