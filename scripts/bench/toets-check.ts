// After row (t): every toets whose hand-in got a success status must be handed in exactly once in
// the database, with its result (score and passed set; a passed one is the toets the module's
// completion names), and no toets of the pool may be handed in that the load did not send.
// Read straight from the database, not through the app, like answer-check.ts.
import { createClient } from '@libsql/client';
import type { HandInLog } from './scenarios.ts';
import type { OpenToets } from './toets-pool.ts';

export interface ToetsCheck {
  ok: boolean;
  sent: number;
  /** Toetsen whose hand-in got a success status. */
  accepted: number;
  /** Accepted but not handed in, or handed in without a score. */
  missing: number;
  /** Passed and accepted, but the module's completion does not name this toets. */
  withoutCompletion: number;
  /** Accepted more than once: the pool ran out and the load handed a toets in again. */
  duplicated: number;
  /** Handed in while its response was never seen (in flight when the time was up). */
  handedInWithoutResponse: number;
  /** Handed in although the load never sent it. */
  handedInUnsent: number;
  /** Open toetsen in the data set: how many hand-ins a row can make before the pool runs out. */
  pool: number;
  refused: Record<string, number>;
}

export async function checkHandIns(databaseUrl: string, log: HandInLog, pool: readonly OpenToets[]): Promise<ToetsCheck> {
  const client = createClient({ url: databaseUrl });
  try {
    const { rows } = await client.execute({
      sql: `SELECT a.id, a.handed_in_at AS handedInAt, a.score, a.passed, c.toets_attempt_id AS completedBy
            FROM toets_attempts a
            LEFT JOIN module_completions c ON c.user_id = a.user_id AND c.module_id = a.module_id
            WHERE a.id IN (SELECT value FROM json_each(?))`,
      args: [JSON.stringify(pool.map((p) => p.toetsId))],
    });
    const sentIds = new Set(pool.slice(0, Math.min(log.sent, pool.length)).map((p) => p.toetsId));
    let missing = 0;
    let withoutCompletion = 0;
    let handedInWithoutResponse = 0;
    let handedInUnsent = 0;
    let found = 0;
    for (const row of rows) {
      const id = Number(row.id);
      const handedIn = row.handedInAt !== null && row.score !== null && row.passed !== null;
      if (log.accepted.has(id)) {
        found++;
        if (!handedIn) missing++;
        else if (Number(row.passed) === 1 && Number(row.completedBy) !== id) withoutCompletion++;
      } else if (row.handedInAt !== null) {
        if (sentIds.has(id)) handedInWithoutResponse++;
        else handedInUnsent++;
      }
    }
    missing += log.accepted.size - found;
    const duplicated = [...log.accepted.values()].filter((n) => n > 1).length;
    return {
      ok: missing === 0 && withoutCompletion === 0 && duplicated === 0 && handedInUnsent === 0,
      sent: log.sent,
      accepted: log.accepted.size,
      missing,
      withoutCompletion,
      duplicated,
      handedInWithoutResponse,
      handedInUnsent,
      pool: pool.length,
      refused: Object.fromEntries(log.refused),
    };
  } finally {
    client.close();
  }
}
