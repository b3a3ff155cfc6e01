// One practice answer from a learner, from parsed input to stored attempt: find the question,
// score it on the server (quiz/), store it once with its review schedule (progress/, review/).
// Called by answer-question.ts, which serves both the form route and the JSON endpoint.
//
// An idempotency key belongs to one answer. A repeat of exactly that answer (a double submit, a
// retried request) gets the stored result back; anything else under a used key is refused with a
// 409 and no feedback. Feedback is only ever given for an answer that is stored: otherwise a used
// key would score any question without a trace, and show its answer key.
import type { InStatement } from '@libsql/client';
import type { Db } from '../../../db/client.ts';
import type { ModuleForScoring } from '../content/outline.ts';
import { t } from '../i18n/nl.ts';
import { findAttemptByKey, recordAttempt } from '../progress/record-attempt.ts';
import type { Answer } from '../quiz/answer-schemas.ts';
import { isSameAnswer } from '../quiz/same-answer.ts';
import { scoreAnswer, walkBranching, type ScoredAnswer } from '../quiz/score-answer.ts';
import { reviewUpdateForNewAnswer } from '../review/review-store.ts';
import { DEFAULT_LADDER_DAYS } from '../settings/review-ladder.ts';

/** An answer in authored ids (the browser's tokens already mapped back, see answer-question.ts). */
export interface Submission {
  moduleId: string;
  questionId: string;
  idempotencyKey: string;
  answer: Answer;
}

export type SubmitResult =
  | { ok: true; kind: 'scored'; scored: ScoredAnswer; attemptId: number; duplicate: boolean }
  | { ok: true; kind: 'next-decision'; path: string[] }
  | { ok: false; status: 400 | 404 | 409; message: string };

export const KEY_USED_MESSAGE = t.answer.keyUsed;
const keyUsed = { ok: false, status: 409, message: KEY_USED_MESSAGE } as const;

export interface SubmitOptions {
  now?: number;
  /** The review ladder in days (see review/scheduler.ts, settings/review-ladder.ts). */
  ladder?: readonly number[];
  /** Statements for the same batch, after the answer and its review update (e.g. ending a case in progress). */
  alongside?: InStatement[];
}

export async function submitAnswer(
  db: Db,
  findModule: (moduleId: string) => Promise<ModuleForScoring | undefined>,
  userId: string,
  submission: Submission,
  { now = Date.now(), ladder = DEFAULT_LADDER_DAYS, alongside = [] }: SubmitOptions = {},
): Promise<SubmitResult> {
  const mod = await findModule(submission.moduleId);
  const question = mod?.questions.find((q) => q.id === submission.questionId);
  if (!mod || !question) return { ok: false, status: 404, message: t.question.unknown };

  if (question.type === 'branching' && submission.answer.type === 'branching') {
    const walk = walkBranching(question, submission.answer.path);
    if (!walk.ok) return { ok: false, status: 400, message: walk.message };
    if (!walk.finished) {
      // Each step renders a fresh form with a fresh key and only the last step is stored, so a
      // legitimate step never comes with a used key; an unfinished path is never the stored one.
      if (await findAttemptByKey(db, userId, submission.idempotencyKey)) return keyUsed;
      return { ok: true, kind: 'next-decision', path: submission.answer.path };
    }
  }

  const scored = scoreAnswer(question, submission.answer);
  if (!scored.ok) return { ok: false, status: 400, message: scored.message };
  // The first answer to a new or due question, wherever it was given, sets the professional's
  // review schedule (review-store.ts): the update goes in the same batch as the answer, so both
  // land or neither does.
  const reviewUpdate = await reviewUpdateForNewAnswer(
    db,
    { userId, moduleId: mod.outline.id, questionId: question.id, correct: scored.result.correct },
    now,
    ladder,
  );
  const recorded = await recordAttempt(
    db,
    mod.outline,
    { userId, questionId: question.id, idempotencyKey: submission.idempotencyKey, answer: submission.answer, scored: scored.result },
    now,
    reviewUpdate ? [reviewUpdate, ...alongside] : alongside,
  );
  if (!recorded.duplicate) return { ok: true, kind: 'scored', scored: scored.result, ...recorded };
  // The same answer scores the same, so its result is the stored one; nothing new was stored.
  const sent = { moduleId: mod.outline.id, questionId: question.id, answer: submission.answer };
  if (!recorded.stored || !isSameAnswer(recorded.stored, sent)) return keyUsed;
  return { ok: true, kind: 'scored', scored: scored.result, attemptId: recorded.stored.attemptId, duplicate: true };
}
