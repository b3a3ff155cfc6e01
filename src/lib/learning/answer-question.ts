// One answer from the browser (or the JSON endpoint), from tokens to a stored answer, in practice
// or in a toets. Used by both the form route and the JSON endpoint.
//
// - Tokens are mapped back to authored ids for this person (quiz/option-tokens.ts); an unknown
//   token is refused.
// - A branching case is answered one decision at a time; the decisions so far live on the server
//   (branch-progress.ts).
// - In a toets only the first answer per question is stored and nothing about right or wrong is
//   returned; practice gives feedback at once. While a toets is open, its questions cannot be
//   practised (that would show their feedback during the toets).
import type { InStatement } from '@libsql/client';
import type { Db } from '../../../db/client.ts';
import type { ModuleForScoring } from '../content/outline.ts';
import type { BranchingQuestion, Question } from '../content/schemas.ts';
import { findAttemptByKey } from '../progress/record-attempt.ts';
import { answerSchema, type Answer } from '../quiz/answer-schemas.ts';
import { decodeAnswer, decodeBranchChoice, encodeAnswer, type Tokenizer, type WireAnswer } from '../quiz/option-tokens.ts';
import { scoreAnswer, walkBranching, type ScoredAnswer } from '../quiz/score-answer.ts';
import { t } from '../i18n/nl.ts';
import { DEFAULT_LADDER_DAYS } from '../settings/review-ladder.ts';
import { getOpenToets, getToetsAnswers, recordToetsAnswer } from '../toets/toets-store.ts';
import { clearBranchStatement, getBranchState, saveBranchStep, toetsContext, type BranchContext } from './branch-progress.ts';
import { KEY_USED_MESSAGE, submitAnswer } from './submit-answer.ts';

export interface WireSubmission {
  moduleId: string;
  questionId: string;
  idempotencyKey: string;
  /** Where the answer is given: a practice question (lesson, question pages, review, check-in) or the toets. */
  context: 'oefen' | 'toets';
  answer: WireAnswer;
}

export type AnswerOutcome =
  | { ok: true; kind: 'scored'; scored: ScoredAnswer; attemptId: number; duplicate: boolean }
  | { ok: true; kind: 'next-decision' }
  | { ok: true; kind: 'toets-stored'; duplicate: boolean }
  | { ok: false; status: 400 | 404 | 409; message: string };

export const ANSWER_MESSAGES = t.answer;

export interface AnswerOptions {
  now?: number;
  ladder?: readonly number[];
  tokens: Tokenizer;
}

const refuse = (status: 400 | 404 | 409, message: string) => ({ ok: false, status, message }) as const;

export async function answerQuestion(
  db: Db,
  findModule: (moduleId: string) => Promise<ModuleForScoring | undefined>,
  userId: string,
  submission: WireSubmission,
  { now = Date.now(), ladder = DEFAULT_LADDER_DAYS, tokens }: AnswerOptions,
): Promise<AnswerOutcome> {
  const mod = await findModule(submission.moduleId);
  const question = mod?.questions.find((q) => q.id === submission.questionId);
  if (!mod || !question) return refuse(404, t.question.unknown);

  const openToets = await getOpenToets(db, userId, mod.outline.id);
  const inDraw = openToets?.questionIds.includes(question.id) ?? false;
  if (submission.context === 'toets' && !openToets) return refuse(409, ANSWER_MESSAGES.noOpenToets);
  if (submission.context === 'toets' && !inDraw) return refuse(409, ANSWER_MESSAGES.notInDraw);
  if (submission.context === 'oefen' && inDraw) return refuse(409, ANSWER_MESSAGES.inOpenToets);
  const branchContext: BranchContext = submission.context === 'toets' ? toetsContext(openToets!.id) : 'oefen';

  let answer: Answer;
  const alongside: InStatement[] = [];
  if (question.type === 'branching') {
    if (submission.answer.type !== 'branching') return refuse(400, ANSWER_MESSAGES.wrongType);
    const repeat = await repeatedFinalStep(db, userId, question, submission, openToets?.id, tokens);
    if (repeat) return repeat;
    const step = await takeDecision(db, userId, question, submission, branchContext, tokens, now);
    if (step.kind !== 'finished') return step.outcome;
    answer = { type: 'branching', path: step.path };
    alongside.push(clearBranchStatement(userId, question.id, branchContext));
  } else {
    const decoded = decodeAnswer(question, submission.answer, tokens);
    if (!decoded.ok) return refuse(400, decoded.message);
    answer = decoded.answer;
  }

  if (submission.context === 'oefen') {
    const result = await submitAnswer(
      db,
      async () => mod,
      userId,
      { moduleId: mod.outline.id, questionId: question.id, idempotencyKey: submission.idempotencyKey, answer },
      { now, ladder, alongside },
    );
    if (!result.ok) return result;
    if (result.kind !== 'scored') return refuse(400, ANSWER_MESSAGES.caseNotFinished);
    return result;
  }
  const scored = scoreAnswer(question, answer);
  if (!scored.ok) return refuse(400, scored.message);
  const stored = await recordToetsAnswer(
    db,
    { toetsId: openToets!.id, userId, questionId: question.id, idempotencyKey: submission.idempotencyKey, answer, scored: scored.result },
    now,
    alongside as { sql: string; args: (string | number | null)[] }[],
  );
  return stored.ok ? { ok: true, kind: 'toets-stored', duplicate: stored.duplicate } : stored;
}

type Decision = { kind: 'finished'; path: string[] } | { kind: 'stop'; outcome: AnswerOutcome };

/** Adds one decision to the case in progress, or finishes it. */
async function takeDecision(
  db: Db,
  userId: string,
  question: BranchingQuestion,
  submission: WireSubmission,
  context: BranchContext,
  tokens: Tokenizer,
  now: number,
): Promise<Decision> {
  const choiceToken = (submission.answer as { choice: string }).choice;
  const state = await getBranchState(db, userId, question.id, context);
  const before = state?.path ?? [];
  const walk = walkBranching(question, before);
  // A path that no longer fits the case (the content changed) starts again from the beginning.
  const current = walk.ok && !walk.finished ? walk.nextNode.id : question.start;
  const base = walk.ok && !walk.finished ? before : [];
  if (state && state.lastKey === submission.idempotencyKey) {
    // The same decision sent twice (double click, retried request): already taken.
    const last = before.length > 0 ? lastDecisionToken(question, before, tokens) : undefined;
    return last === choiceToken ? { kind: 'stop', outcome: { ok: true, kind: 'next-decision' } } : { kind: 'stop', outcome: refuse(409, KEY_USED_MESSAGE) };
  }
  const choiceId = decodeBranchChoice(question, current, choiceToken, tokens);
  if (!choiceId) return { kind: 'stop', outcome: refuse(400, ANSWER_MESSAGES.wrongStep) };
  const path = [...base, choiceId];
  const next = walkBranching(question, path);
  if (!next.ok) return { kind: 'stop', outcome: refuse(400, next.message) };
  if (next.finished) return { kind: 'finished', path };
  const saved = await saveBranchStep(
    db,
    { userId, questionId: question.id, context, before: state ? state.path : undefined, path, key: submission.idempotencyKey },
    now,
  );
  return saved ? { kind: 'stop', outcome: { ok: true, kind: 'next-decision' } } : { kind: 'stop', outcome: refuse(409, ANSWER_MESSAGES.stepTaken) };
}

function lastDecisionToken(question: BranchingQuestion, path: string[], tokens: Tokenizer): string | undefined {
  const wire = encodeAnswer(question, { type: 'branching', path }, tokens).at(-1);
  return wire?.type === 'branching' ? wire.choice : undefined;
}

/**
 * The last decision of a case finishes it and removes the case in progress, so a repeat of that
 * request is recognised by its key: the same decision gets the stored result, anything else 409.
 */
async function repeatedFinalStep(
  db: Db,
  userId: string,
  question: BranchingQuestion,
  submission: WireSubmission,
  toetsId: number | undefined,
  tokens: Tokenizer,
): Promise<AnswerOutcome | undefined> {
  const choice = (submission.answer as { choice: string }).choice;
  if (submission.context === 'toets' && toetsId !== undefined) {
    const stored = (await getToetsAnswers(db, toetsId)).find((a) => a.questionId === question.id);
    if (!stored) return undefined;
    const parsed = answerSchema.safeParse(stored.answer);
    const same = parsed.success && parsed.data.type === 'branching' && lastDecisionToken(question, parsed.data.path, tokens) === choice;
    // Any decision after the case was finished in the toets is a second answer.
    return same ? { ok: true, kind: 'toets-stored', duplicate: true } : refuse(409, ANSWER_MESSAGES.alreadyAnswered);
  }
  const stored = await findAttemptByKey(db, userId, submission.idempotencyKey);
  if (!stored) return undefined;
  const parsed = answerSchema.safeParse(stored.answer);
  const same =
    stored.questionId === question.id && parsed.success && parsed.data.type === 'branching' && lastDecisionToken(question, parsed.data.path, tokens) === choice;
  if (!same || !parsed.success) return refuse(409, KEY_USED_MESSAGE);
  const scored = scoreAnswer(question as Question, parsed.data);
  return scored.ok ? { ok: true, kind: 'scored', scored: scored.result, attemptId: stored.attemptId, duplicate: true } : refuse(409, KEY_USED_MESSAGE);
}
