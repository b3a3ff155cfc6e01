// When pruning runs: on the first request after the server starts, then at most once a day per
// process. Triggered from a request rather than by a timer so that it needs no start hook of its
// own (the server is started as `node dist/server/entry.mjs`, by npm start or by systemd alike)
// and never runs during the build. Several instances each prune daily; deleting what is already
// gone is harmless. The request does not wait for it.
import { getDb, resetDatabaseConnections } from '../db.ts';
import { isDatabaseBusy } from '../../../db/database-busy.ts';
import { pruneExpiredData } from './retention.ts';

const HOUR = 60 * 60 * 1000;
export const PRUNE_EVERY_MS = 24 * HOUR;
/** After a failure (a busy database, a server that is away): try again, but not on every request. */
export const PRUNE_RETRY_MS = HOUR;

/** A function to call on every request; it starts `prune` when due and returns its run, if it started one. */
export function createPruneSchedule(prune: (now: number) => Promise<unknown>, log: (message: string) => void = console.error) {
  let nextAt = 0;
  let running = false;
  return function pruneWhenDue(now = Date.now()): Promise<void> | undefined {
    if (running || now < nextAt) return undefined;
    running = true;
    nextAt = now + PRUNE_EVERY_MS;
    return prune(now).then(
      () => {
        running = false;
      },
      (error: unknown) => {
        running = false;
        nextAt = now + PRUNE_RETRY_MS;
        log(`Opschonen van verlopen gegevens mislukt, over een uur opnieuw: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };
}

/** The app's schedule, over the app's database. */
export const pruneWhenDue = createPruneSchedule(async (now) => {
  try {
    return await pruneExpiredData(await getDb(), now);
  } catch (error) {
    // As the middleware does after a request met a lock: the embedded driver's connection is
    // unusable after a write gave up on one (see resetDatabaseConnections).
    if (isDatabaseBusy(error)) await resetDatabaseConnections();
    throw error;
  }
});
