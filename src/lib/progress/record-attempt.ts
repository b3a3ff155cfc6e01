// Writing a practice answer. Answers never complete a module: that takes the afsluitende toets
// (learning/complete-module.ts).
// The idempotency key (one per rendered form) makes a double submit or a retried request land
// once: the second insert finds the first and returns it, so that the caller can check that the
// repeat is the same answer (see learning/submit-answer.ts).
//
// The answer and the statements that must go with it (the review schedule) are written as one
// batch: libSQL runs a batch as a single transaction without handing control back in between.
// Interactive transactions are avoided on purpose: the embedded driver waits for locks
// synchronously, so two of them open in one process would block each other until timeout.
import { and, eq, sql } from 'drizzle-orm';
import { batchInOrder, isAfterChange, type BatchStep } from '../../../db/batch-guard.ts';
import type { Db } from '../../../db/client.ts';
import { attempts } from '../../../db/schema.ts';
import type { Answer } from '../quiz/answer-schemas.ts';
import type { ScoredAnswer } from '../quiz/score-answer.ts';
import { perDatabase, statementOf } from '../../../db/prepared.ts';
import { writeTogether } from '../../../db/write-together.ts';
import type { ModuleOutline } from '../content/outline.ts';

export interface AttemptInput {
  userId: string;
  questionId: string;
  idempotencyKey: string;
  answer: Answer;
  scored: ScoredAnswer;
}

/** What is stored under an idempotency key: enough to tell a true repeat from another answer. */
export interface StoredUnderKey {
  attemptId: number;
  moduleId: string;
  questionId: string;
  answer: unknown;
}

export type RecordedAttempt =
  | { attemptId: number; duplicate: false }
  /**
   * The key was used before: nothing was written. `stored` is what the key holds; null only when
   * the account was deleted in between (attempts go with their account).
   */
  | { duplicate: true; stored: StoredUnderKey | null };

/** Prepared once (see db/prepared.ts): every answer runs these. */
const attemptQueries = perDatabase((db) => ({
  insert: db
    .insert(attempts)
    .values({
      userId: sql.placeholder('userId'),
      moduleId: sql.placeholder('moduleId'),
      questionId: sql.placeholder('questionId'),
      idempotencyKey: sql.placeholder('idempotencyKey'),
      answer: sql.placeholder('answer'),
      correct: sql.placeholder('correct'),
      score: sql.placeholder('score'),
      contentVersion: sql.placeholder('contentVersion'),
      createdAt: sql.placeholder('now'),
    })
    .onConflictDoNothing({ target: [attempts.userId, attempts.idempotencyKey] })
    .prepare(),
  byKey: db
    .select({ attemptId: attempts.id, moduleId: attempts.moduleId, questionId: attempts.questionId, answer: attempts.answer })
    .from(attempts)
    .where(and(eq(attempts.userId, sql.placeholder('userId')), eq(attempts.idempotencyKey, sql.placeholder('idempotencyKey'))))
    .prepare(),
}));

/**
 * `alongside` are statements to run in the same batch right after the insert. The first of them
 * may be declared onlyAfterChange (db/batch-guard.ts): it then applies only when the answer was
 * new (not a repeated idempotency key). Anywhere else in `alongside` a guarded statement would ask
 * about the statement before it instead of the insert, so that is refused.
 */
export async function recordAttempt(
  db: Db,
  outline: ModuleOutline,
  input: AttemptInput,
  now = Date.now(),
  alongside: BatchStep[] = [],
): Promise<RecordedAttempt> {
  const { insert } = attemptQueries(db);
  const answer = { ...input.answer, misconceptions: input.scored.misconceptions };
  const values = {
    userId: input.userId,
    moduleId: outline.id,
    questionId: input.questionId,
    idempotencyKey: input.idempotencyKey,
    answer,
    correct: input.scored.correct,
    score: input.scored.score,
    contentVersion: outline.version,
    now,
  };
  // No RETURNING here: when a write meets a lock, libSQL leaves a RETURNING statement's cursor
  // open on the pooled connection, and every later commit on it fails. rowsAffected says enough.
  if (alongside.some((step, index) => index > 0 && isAfterChange(step)))
    throw new Error('recordAttempt: only the first statement alongside the answer can depend on its insert');
  // Written together with other requests' answers (one transaction for a burst of them): the
  // commit was the largest part of an answer's cost. Each request's statements stay in order.
  const [inserted] = await writeTogether(db, batchInOrder([statementOf(insert, values), ...alongside]));

  if (inserted.rowsAffected === 0) {
    const stored = await findAttemptByKey(db, input.userId, input.idempotencyKey);
    return { duplicate: true, stored: stored ?? null };
  }
  return { attemptId: Number(inserted.lastInsertRowid), duplicate: false };
}

/** The answer a person stored under an idempotency key, if any. */
export async function findAttemptByKey(db: Db, userId: string, idempotencyKey: string): Promise<StoredUnderKey | undefined> {
  const [stored] = await attemptQueries(db).byKey.all({ userId, idempotencyKey });
  return stored;
}
