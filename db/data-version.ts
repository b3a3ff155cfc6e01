// Whether the database may have changed since a moment ago, asked of whatever client the handle
// has. Callers that keep results in memory (src/lib/reports/report-cache.ts) ask this, not a
// concrete client, so the rule "cache only where every write is visible" sits in one place: a
// client that sees every write (db/embedded-client.ts) says so by having a data version; any
// other, such as @libsql/client on a libSQL server, where other instances write unseen, cannot
// tell, and then nothing may be kept.
import type { Client } from '@libsql/client';

/**
 * The method's key. A symbol rather than a name like `dataVersion`: a method of that name that
 * another client might have one day, meaning something else, must not switch caching on.
 */
export const DATA_VERSION = Symbol('data version');

/** A client that can name the state of its data: the value changes whenever the data may have. */
export interface KnowsDataVersion {
  [DATA_VERSION](): string | Promise<string>;
}

/**
 * A value that changes whenever the database may have changed, or undefined when the client
 * cannot tell (then do not cache).
 */
export async function dataVersion(db: { $client: Client }): Promise<string | undefined> {
  const client = db.$client as Client & Partial<KnowsDataVersion>;
  return typeof client[DATA_VERSION] === 'function' ? client[DATA_VERSION]() : undefined;
}
