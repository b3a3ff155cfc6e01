// After the answer load: every answer that got a 2xx must be in the database exactly once.
// Read straight from the database (the file, or the libSQL server), not through the app.
import { createClient } from '@libsql/client';
import type { AnswerLog } from './scenarios.ts';

export interface AnswerCheck {
  ok: boolean;
  sent: number;
  accepted: number;
  /** Accepted (2xx) but not in the database. */
  missing: number;
  /** In the database more than once. */
  duplicated: number;
  /** Rows of this run whose response the load never saw (in flight when the time was up). */
  storedWithoutResponse: number;
  refused: Record<string, number>;
}

export async function checkAnswers(databaseUrl: string, log: AnswerLog): Promise<AnswerCheck> {
  const client = createClient({ url: databaseUrl });
  try {
    const { rows } = await client.execute({
      sql: `SELECT user_id AS userId, idempotency_key AS k, count(*) AS n FROM attempts
            WHERE idempotency_key >= ? AND idempotency_key < ? GROUP BY user_id, idempotency_key`,
      args: [log.prefix, `${log.prefix}~`],
    });
    const stored = new Map(rows.map((r) => [`${r.userId}\u0000${r.k}`, Number(r.n)]));
    let missing = 0;
    let accepted = 0;
    for (const [userId, keys] of log.accepted) {
      for (const key of keys) {
        accepted++;
        if (!stored.has(`${userId}\u0000${key}`)) missing++;
      }
    }
    const duplicated = [...stored.values()].filter((n) => n > 1).length;
    const storedWithoutResponse = stored.size - (accepted - missing);
    return {
      ok: missing === 0 && duplicated === 0,
      sent: log.sent,
      accepted,
      missing,
      duplicated,
      storedWithoutResponse,
      refused: Object.fromEntries(log.refused),
    };
  } finally {
    client.close();
  }
}
