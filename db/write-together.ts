// Small, independent writes that arrive while another is being written go together in the next
// transaction ("group commit"). On a libSQL server an instance writes one transaction at a time
// (db/one-writer.ts), each a round trip; a lesson view is the most frequent write there is, and
// under load the views queued behind each other and capped lesson pages per instance (npm run
// bench, two instances on sqld, issue 20). Each caller still gets its answer only after its own
// statements are stored.
//
// Only for writes whose statements hold no guard on each other (plain inserts and upserts, no
// `changes()` checks, nothing read back): in a group they share one transaction. When a group
// fails, each of its writes is tried again alone, so one bad write (a person deleted meanwhile)
// fails only its own request.
import type { InStatement } from '@libsql/client';
import type { Db } from './client.ts';
import { batchPrepared } from './prepared.ts';

/** At most this many writes in one transaction: a long transaction holds the write lock longer. */
export const MAX_GROUP = 64;

interface Waiting {
  statements: InStatement[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  writing: boolean;
}

const queues = new WeakMap<Db, Queue>();

/** Stores `statements` as one unit, possibly in one transaction with other callers' writes. */
export function writeTogether(db: Db, statements: InStatement[]): Promise<void> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], writing: false }));
  const own = queue;
  return new Promise<void>((resolve, reject) => {
    own.waiting.push({ statements, resolve, reject });
    if (!own.writing) void drain(db, own);
  });
}

async function drain(db: Db, queue: Queue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, MAX_GROUP);
      try {
        await batchPrepared(
          db,
          group.flatMap((write) => write.statements),
        );
        for (const write of group) write.resolve();
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
    await batchPrepared(db, write.statements);
    write.resolve();
  } catch (error) {
    write.reject(error);
  }
}
