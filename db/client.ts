// The one place that opens the database. Domain code receives a `Db` and never reads the
// environment itself, so tests can hand it a temporary file.
//
// Three shapes, chosen by configuration only (see docs/deploy.md):
// - an embedded file (`file:…`): one instance, the default;
// - a libSQL server (`http(s)://…`, `libsql://…`, sqld or Turso): any number of instances;
// - a server plus an embedded replica (`replicaPath`): reads from a local copy that libSQL keeps
//   in sync, writes forwarded to the server, which then brings the copy up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client, type Config, type TransactionMode } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { createEmbeddedClient } from './embedded-client.ts';
import { oneWriterAtATime } from './one-writer.ts';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

export interface DatabaseConfig {
  /** `file:…` for an embedded database, or the libSQL server (`http(s)://…`, `libsql://…`, `ws(s)://…`). */
  url: string;
  authToken?: string;
  /** A local file (path or `file:` URL) to keep as an embedded replica of the server at `url`. */
  replicaPath?: string;
  /** Seconds between background syncs of the replica. */
  syncIntervalSeconds?: number;
}

/** How long a statement on a local file waits for another connection's lock before failing. */
export const BUSY_TIMEOUT_MS = 5000;
export const DEFAULT_SYNC_INTERVAL_SECONDS = 5;

export function isEmbeddedUrl(url: string): boolean {
  return url.startsWith('file:');
}

/** The @libsql/client settings for a configuration. Pure, so the mapping is testable. */
export function clientConfig({ url, authToken, replicaPath, syncIntervalSeconds }: DatabaseConfig): Config {
  if (replicaPath) {
    if (isEmbeddedUrl(url)) {
      throw new Error('Een replica (DATABASE_REPLICA_PATH) hoort bij een libSQL-server: zet DATABASE_URL op http(s):// of libsql://.');
    }
    return {
      url: toFileUrl(replicaPath),
      syncUrl: url,
      authToken,
      syncInterval: syncIntervalSeconds ?? DEFAULT_SYNC_INTERVAL_SECONDS,
      // libSQL's default, spelled out: after a write this instance reads it back at once.
      readYourWrites: true,
    };
  }
  // One connection for a file: the embedded driver runs every statement synchronously on the
  // main thread, so more connections add no parallelism, and each new one would start with
  // SQLite's defaults instead of the settings of tuneEmbeddedDatabase (a 2 MB cache, fsync on
  // every commit). The app uses no interactive transactions that could hold it.
  if (isEmbeddedUrl(url)) return { url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 };
  return { url, authToken };
}

export function openDatabase(config: DatabaseConfig): { db: Db; client: Client } {
  const settings = clientConfig(config);
  // libSQL does not create the folder of a file: URL (the database or the replica).
  if (isEmbeddedUrl(settings.url)) mkdirSync(dirname(filePath(settings.url)), { recursive: true });
  const client = config.replicaPath
    ? replicaWithServerTransactions(createClient(settings), createClient({ url: config.url, authToken: config.authToken }))
    : isEmbeddedUrl(settings.url)
      ? createEmbeddedClient({ path: filePath(settings.url), busyTimeoutMs: BUSY_TIMEOUT_MS })
      : oneWriterAtATime(createClient(settings));
  return { db: drizzle(client, { schema }), client };
}

/**
 * An embedded replica has a single connection, and an open transaction holds it: every other
 * query of the instance would fail (TRANSACTION_ACTIVE) until the commit. So transactions go
 * straight to the server, and after a commit the replica syncs, so that this instance reads
 * what it has just written. Everything else (reads, single writes, batches) uses the replica.
 */
function replicaWithServerTransactions(replica: Client, server: Client): Client {
  return new Proxy(replica, {
    get(target, property) {
      if (property === 'transaction') {
        return async (mode?: TransactionMode) => {
          const tx = await server.transaction(mode);
          const commit = tx.commit.bind(tx);
          tx.commit = async () => {
            await commit();
            await target.sync();
          };
          return tx;
        };
      }
      if (property === 'close') {
        return () => {
          server.close();
          target.close();
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Clients of an embedded file with secure_delete on: only there does a checkpoint finish an erasure. */
const erasableFiles = new WeakSet<Client>();

/** Pages SQLite keeps in the process (negative: KiB), instead of its default of 2 MB. */
export const PAGE_CACHE_KIB = 32 * 1024;

/**
 * Settings that make an embedded file safe and quick under concurrent requests. No-ops on a
 * server (sqld chooses its own). Chosen on purpose (measured with `npm run bench`):
 * - journal_mode = WAL: readers never wait for the writer and the writer never waits for
 *   readers; a commit appends to the -wal file instead of rewriting pages. Persistent in the file.
 * - synchronous = NORMAL: in WAL mode a commit is not fsynced, only checkpoints are. A power cut
 *   can lose the last few commits but never corrupts the file; a crash of the process loses
 *   nothing. FULL would fsync every answer and lesson view, many times slower on most disks.
 * - busy_timeout = 5000: a second process (the admin CLI, a backup, a migration) that holds the
 *   write lock makes a write wait up to 5 s before it fails with a 503 and a Dutch message
 *   (middleware), rather than failing at once.
 * - foreign_keys = ON: SQLite does not enforce them unless asked; deleting an account relies on
 *   the cascades.
 * - cache_size = 32 MB: the default 2 MB holds a few hundred pages, so reports over a team
 *   reread the same index pages from the OS for every request; 32 MB keeps the indexes of a
 *   region's data in the process and stays well inside the 300 MB memory budget.
 * - temp_store = MEMORY: GROUP BY and ORDER BY without an index build their temporary B-tree in
 *   memory rather than in a temporary file.
 * - secure_delete = ON: SQLite otherwise only marks deleted rows as free space, and an erased
 *   account's e-mail address and reflections stay readable as bytes in the file until the space
 *   is reused (AVG: erasure must be real). ON overwrites them with zeros, freed pages included;
 *   FAST would skip freed pages. See checkpointAfterErasure for the copies in the -wal file.
 */
export async function tuneEmbeddedDatabase(client: Client, url: string): Promise<void> {
  if (!isEmbeddedUrl(url)) return;
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await client.execute('PRAGMA foreign_keys = ON');
  await client.execute('PRAGMA synchronous = NORMAL');
  await client.execute(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
  await client.execute('PRAGMA temp_store = MEMORY');
  await client.execute('PRAGMA secure_delete = ON');
  erasableFiles.add(client);
}

/**
 * After personal data was deleted from an embedded file: secure_delete zeroes the rows in the
 * newest version of each page, but in WAL mode the older versions, text included, stay in the
 * -wal file; an ordinary checkpoint copies pages into the database file and leaves those bytes
 * in the -wal file until later writes happen to overwrite them. TRUNCATE copies the zeroed pages
 * into the database file and cuts the -wal file to zero bytes.
 * Best effort: while another process reads an old snapshot (a backup, the admin CLI) SQLite
 * cannot finish it; then it returns false and the daily pruning (src/lib/privacy/retention.ts)
 * tries again. A server (sqld) or a replica keeps its own files: nothing to do here.
 */
export async function checkpointAfterErasure(client: Client): Promise<boolean> {
  if (!erasableFiles.has(client)) return true;
  try {
    const { rows } = await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(rows[0]?.[0] ?? 0) === 0;
  } catch {
    // The deletion itself is committed; failing the request now would only tell the person it
    // did not happen.
    return false;
  }
}

/**
 * Opens the database ready for requests: tuned when it is a file, and for a replica synced once
 * so that the first request does not read an empty copy.
 */
export async function connectDatabase(config: DatabaseConfig): Promise<{ db: Db; client: Client }> {
  const opened = openDatabase(config);
  if (config.replicaPath) await opened.client.sync();
  else await tuneEmbeddedDatabase(opened.client, config.url);
  return opened;
}

function toFileUrl(path: string): string {
  return path.startsWith('file:') ? path : `file:${path}`;
}

function filePath(url: string): string {
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length).replace(/\?.*$/, '');
}

export { schema };
