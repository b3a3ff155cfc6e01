// The afsluitende toets in the database: starting an attempt, storing its answers (the first per
// question counts, the rest is refused) and handing it in. Every guard that a race could slip
// past is in the statement itself: one open attempt per person and module, answers only into an
// open attempt and only for a drawn question, and one hand-in.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { toetsAnswers, toetsAttempts } from '../../../db/schema.ts';
import { perDatabase, statementOf } from '../../../db/prepared.ts';
import { mapRead, preparedRead, readAll, readTogether, type ReadPlan } from '../../../db/read-together.ts';
import { writeTogether } from '../../../db/write-together.ts';
import { t } from '../i18n/nl.ts';
import type { Answer } from '../quiz/answer-schemas.ts';
import type { ScoredAnswer } from '../quiz/score-answer.ts';
import { drawToets, type DrawableQuestion } from './draw.ts';
import { isPassed, toetsAvailability, toetsScore, type ToetsAvailability, type ToetsSettings } from './policy.ts';

export interface ToetsAttempt {
  id: number;
  moduleId: string;
  questionIds: string[];
  contentVersion: string;
  passMark: number;
  startedAt: number;
  handedInAt: number | null;
  score: number | null;
  passed: boolean | null;
}

export interface ToetsModule {
  id: string;
  version: string;
  passMark: number;
  lessonIds: string[];
  questions: DrawableQuestion[];
  settings: ToetsSettings;
}

/** A person's attempts at a module's toets, newest first. */
export function getToetsAttempts(db: Db, userId: string, moduleId: string): Promise<ToetsAttempt[]> {
  return toetsAttemptsQuery(db).all({ userId, moduleId });
}

/** The open attempt as a read plan, to send with a page's other reads (db/read-together.ts). */
export function openToetsPlan(db: Db, userId: string, moduleId: string): ReadPlan<ToetsAttempt | undefined> {
  return mapRead(preparedRead(toetsAttemptsQuery(db), { userId, moduleId }), (attempts) => attempts.find((a) => a.handedInAt === null));
}

// Prepared once (db/prepared.ts): every lesson, question and module page asks whether a toets is
// open, and building the query cost more than running it.
const toetsAttemptsQuery = perDatabase((db) =>
  db
    .select({
      id: toetsAttempts.id,
      moduleId: toetsAttempts.moduleId,
      questionIds: toetsAttempts.questionIds,
      contentVersion: toetsAttempts.contentVersion,
      passMark: toetsAttempts.passMark,
      startedAt: toetsAttempts.startedAt,
      handedInAt: toetsAttempts.handedInAt,
      score: toetsAttempts.score,
      passed: toetsAttempts.passed,
    })
    .from(toetsAttempts)
    .where(and(eq(toetsAttempts.userId, sql.placeholder('userId')), eq(toetsAttempts.moduleId, sql.placeholder('moduleId'))))
    .orderBy(desc(toetsAttempts.id))
    .prepare(),
);

export async function getOpenToets(db: Db, userId: string, moduleId: string): Promise<ToetsAttempt | undefined> {
  return (await getToetsAttempts(db, userId, moduleId)).find((a) => a.handedInAt === null);
}

export type StartResult = { ok: true; attempt: ToetsAttempt } | { ok: false; availability: Exclude<ToetsAvailability, { kind: 'beschikbaar' }> };

/**
 * Starts a toets when the policy allows it. Two starts at once (two tabs, a double click) give
 * one attempt: the insert only happens while no attempt is open, checked by the statement itself.
 */
export async function startToets(
  db: Db,
  userId: string,
  mod: ToetsModule,
  lessonsDone: boolean,
  now: number,
  random: () => number = Math.random,
): Promise<StartResult> {
  const attempts = await getToetsAttempts(db, userId, mod.id);
  const availability = toetsAvailability(attempts, lessonsDone, mod.settings, now);
  if (availability.kind === 'bezig') return { ok: true, attempt: attempts.find((a) => a.handedInAt === null)! };
  if (availability.kind !== 'beschikbaar') return { ok: false, availability };
  const questionIds = drawToets(mod.lessonIds, mod.questions, mod.settings.questions, attempts[0]?.questionIds ?? [], random);
  await db.run(sql`insert into toets_attempts (user_id, module_id, question_ids, content_version, pass_mark, started_at)
    select ${userId}, ${mod.id}, ${JSON.stringify(questionIds)}, ${mod.version}, ${mod.passMark}, ${now}
    where not exists (select 1 from toets_attempts where user_id = ${userId} and module_id = ${mod.id} and handed_in_at is null)`);
  const open = await getOpenToets(db, userId, mod.id);
  if (!open) throw new Error('toets niet gestart');
  return { ok: true, attempt: open };
}

export type ToetsAnswerResult = { ok: true; duplicate: boolean } | { ok: false; status: 409; message: string };

export const TOETS_MESSAGES = {
  alreadyAnswered: t.answer.alreadyAnswered,
  closed: t.answer.toetsClosed,
  notInDraw: t.answer.notInDraw,
} as const;

/**
 * Stores the first answer to a question of an open toets. A repeat of the same request (same key,
 * same answer) is reported as received; anything else for an answered question is refused.
 */
export async function recordToetsAnswer(
  db: Db,
  input: { toetsId: number; userId: string; questionId: string; idempotencyKey: string; answer: Answer; scored: ScoredAnswer },
  now: number,
  alongside: { sql: string; args: (string | number | null)[] }[] = [],
): Promise<ToetsAnswerResult> {
  const answer = JSON.stringify({ ...input.answer, misconceptions: input.scored.misconceptions });
  const [inserted] = await db.$client.batch(
    [
      {
        sql: `insert into toets_answers (toets_id, question_id, idempotency_key, answer, correct, score, answered_at)
          select ?, ?, ?, ?, ?, ?, ? where exists (
            select 1 from toets_attempts where id = ? and user_id = ? and handed_in_at is null
              and ? in (select value from json_each(question_ids)))
          on conflict (toets_id, question_id) do nothing`,
        args: [
          input.toetsId,
          input.questionId,
          input.idempotencyKey,
          answer,
          input.scored.correct ? 1 : 0,
          input.scored.score,
          now,
          input.toetsId,
          input.userId,
          input.questionId,
        ],
      },
      ...alongside,
    ],
    'write',
  );
  if (inserted.rowsAffected === 1) return { ok: true, duplicate: false };
  const [existing] = await db
    .select({ key: toetsAnswers.idempotencyKey, answer: toetsAnswers.answer })
    .from(toetsAnswers)
    .where(and(eq(toetsAnswers.toetsId, input.toetsId), eq(toetsAnswers.questionId, input.questionId)));
  if (existing) {
    const same = existing.key === input.idempotencyKey && sameJson(existing.answer, input.answer);
    return same ? { ok: true, duplicate: true } : { ok: false, status: 409, message: TOETS_MESSAGES.alreadyAnswered };
  }
  const [attempt] = await db
    .select({ handedInAt: toetsAttempts.handedInAt })
    .from(toetsAttempts)
    .where(and(eq(toetsAttempts.id, input.toetsId), eq(toetsAttempts.userId, input.userId)));
  return { ok: false, status: 409, message: attempt && attempt.handedInAt !== null ? TOETS_MESSAGES.closed : TOETS_MESSAGES.notInDraw };
}

/** The stored answer holds the misconceptions found too; only what was answered is compared. */
function sameJson(stored: unknown, sent: Answer): boolean {
  if (!stored || typeof stored !== 'object') return false;
  const { misconceptions: _ignored, ...answered } = stored as Record<string, unknown>;
  return JSON.stringify(answered) === JSON.stringify(sent);
}

export interface StoredToetsAnswer {
  questionId: string;
  answer: unknown;
  correct: boolean;
  score: number;
  answeredAt: number;
}

export async function getToetsAnswers(db: Db, toetsId: number): Promise<StoredToetsAnswer[]> {
  return db
    .select({
      questionId: toetsAnswers.questionId,
      answer: toetsAnswers.answer,
      correct: toetsAnswers.correct,
      score: toetsAnswers.score,
      answeredAt: toetsAnswers.answeredAt,
    })
    .from(toetsAnswers)
    .where(eq(toetsAnswers.toetsId, toetsId));
}

export type HandInResult = { ok: true; attempt: ToetsAttempt; handedInNow: boolean } | { ok: false; message: string };

// Prepared once (db/prepared.ts); the writes go with other requests' writes (db/write-together.ts).
const handInQueries = perDatabase((db) => {
  const toetsId = sql.placeholder('toetsId');
  const mine = and(eq(toetsAttempts.id, toetsId), eq(toetsAttempts.userId, sql.placeholder('userId')), eq(toetsAttempts.moduleId, sql.placeholder('moduleId')));
  return {
    close: db
      .update(toetsAttempts)
      .set({ handedInAt: sql`${sql.placeholder('now')}` })
      .where(and(mine, isNull(toetsAttempts.handedInAt)))
      .prepare(),
    attempt: db
      .select({
        id: toetsAttempts.id,
        moduleId: toetsAttempts.moduleId,
        questionIds: toetsAttempts.questionIds,
        contentVersion: toetsAttempts.contentVersion,
        passMark: toetsAttempts.passMark,
        startedAt: toetsAttempts.startedAt,
        handedInAt: toetsAttempts.handedInAt,
        score: toetsAttempts.score,
        passed: toetsAttempts.passed,
      })
      .from(toetsAttempts)
      .where(mine)
      .prepare(),
    answerScores: db
      .select({ questionId: toetsAnswers.questionId, score: toetsAnswers.score })
      .from(toetsAnswers)
      .where(eq(toetsAnswers.toetsId, toetsId))
      .prepare(),
    // Only a score not yet written: two hand-ins at once compute the same one, the first stays.
    setScore: db
      .update(toetsAttempts)
      .set({ score: sql`${sql.placeholder('score')}`, passed: sql`${sql.placeholder('passed')}` })
      .where(and(eq(toetsAttempts.id, toetsId), isNull(toetsAttempts.score)))
      .prepare(),
  };
});

/**
 * Hands in the open toets of this person in this module. Closing comes first and only once (two
 * tabs: one closes it); from then on no answer can be added, so the score read afterwards is
 * final. A hand-in whose score was not written (a crash in between) is finished by the next call.
 */
export async function handInToets(db: Db, userId: string, moduleId: string, toetsId: number, now: number): Promise<HandInResult> {
  const queries = handInQueries(db);
  const which = { toetsId, userId, moduleId };
  const [closed] = await writeTogether(db, [statementOf(queries.close, { ...which, now })]);
  const [[attempt], answers] = await readTogether(
    db,
    readAll([preparedRead(queries.attempt, which), preparedRead(queries.answerScores, { toetsId })] as const),
  );
  if (!attempt) return { ok: false, message: t.toets.notFound };
  if (attempt.score === null) {
    const score = toetsScore(attempt.questionIds, new Map(answers.map((a) => [a.questionId, a.score])));
    const passed = isPassed(score, attempt.passMark);
    await writeTogether(db, [statementOf(queries.setScore, { toetsId, score, passed: passed ? 1 : 0 })]);
    Object.assign(attempt, { score, passed });
  }
  return { ok: true, attempt, handedInNow: closed.rowsAffected === 1 };
}
