// Small, independent writes that arrive while another is being written, or in the same turn of
// the event loop, go together in one transaction ("group commit"): lesson views and practice
// answers, the most frequent writes there are. On a libSQL server an instance writes one
// transaction at a time (db/one-writer.ts), each a round trip, and under load they queued behind
// each other; on an embedded file the COMMIT was the largest part of an answer (npm run bench,
// issue 20). Each caller still gets its answer only after its own statements are stored.
//
// In a group each caller's statements run one after the other, in their own order, with nothing
// of another caller in between, so they behave as if written alone right after the callers before
// them: a statement guarded by `changes()` (db/batch-guard.ts) still asks about the write right
// before it, a `where` sees what earlier callers in the group wrote, and each caller gets the
// results of its own statements. What a caller read before it called may have been changed by an
// earlier caller of the group, as by any other request: guards belong in the statements. When a
// group fails, each of its writes is tried again alone, so one bad write (a person deleted
// meanwhile) fails only its own request.
import type { InStatement, ResultSet } from '@libsql/client';
import type { Db } from './client.ts';
import { batchPrepared } from './prepared.ts';

/** At most this many writes in one transaction: a long transaction holds the write lock longer. */
export const MAX_GROUP = 64;

interface Waiting {
  statements: InStatement[];
  resolve: (results: ResultSet[]) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  writing: boolean;
}

const queues = new WeakMap<Db, Queue>();

/**
 * Stores `statements` as one unit, possibly in one transaction with other callers' writes; the
 * results of these statements, in their order.
 */
export function writeTogether(db: Db, statements: InStatement[]): Promise<ResultSet[]> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], writing: false }));
  const own = queue;
  return new Promise<ResultSet[]>((resolve, reject) => {
    own.waiting.push({ statements, resolve, reject });
    if (own.writing) return;
    // Started after the requests that arrived in this turn of the event loop have queued their
    // writes too: on an embedded file a batch runs synchronously, so one started at once would
    // always go alone (measured: 10,006 answers in 10,006 transactions under the bench's load).
    own.writing = true;
    setImmediate(() => void drain(db, own));
  });
}

async function drain(db: Db, queue: Queue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, MAX_GROUP);
      try {
        const results = await batchPrepared(
          db,
          group.flatMap((write) => write.statements),
        );
        let from = 0;
        for (const write of group) {
          write.resolve(results.slice(from, from + write.statements.length));
          from += write.statements.length;
        }
      } catch (error) {
        if (group.length === 1) group[0].reject(error);
        else for (const write of group) await writeAlone(db, write);
      }
    }
  } finally {
    queue.writing = false;
  }
}

async function writeAlone(db: Db, write: Waiting): Promise<void> {
  try {
    write.resolve(await batchPrepared(db, write.statements));
  } catch (error) {
    write.reject(error);
  }
}
