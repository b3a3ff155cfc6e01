// The open afsluitende toetsen that row (t) of the benchmark hands in (issue 20: the toets
// hand-in gets its own row). A professional who has read every lesson of a module has started its
// toets and answered (nearly) every question: one open attempt per person and module, the most
// the app allows. That includes modules the data set completed by the old rule (practice scores,
// before the toets existed): startToets accepts those (only the page's button is hidden), and
// their passed hand-in does the same work (the completion row is updated instead of inserted).
// Only they make the pool large enough: ~15,000 at scale 1, 4,000 without them, enough for a
// 12 s row up to ~1,280 req/s. Each attempt is made the way the app makes it: the
// questions drawn by the app's own drawToets from the module's toets settings (toetsModuleOf),
// and the answers scored by the app and stored as recordToetsAnswer stores them (the answer with
// its misconceptions, correct, score). Rows only; generate-data.ts writes them.
import { randomUUID } from 'node:crypto';
import type { ModuleSource } from '../../src/lib/content/load-course.ts';
import { outlineOf } from '../../src/lib/content/outline.ts';
import { toetsModuleOf } from '../../src/lib/learning/module-toets.ts';
import { drawToets } from '../../src/lib/toets/draw.ts';

/** A scored possible answer to a question (generate-data.ts's answerVariants): the right one first. */
export interface ScoredVariant {
  json: string;
  correct: boolean;
  score: number;
}

/** One open toets of the pool: which request hands it in, and what it asked. */
export interface OpenToets {
  toetsId: number;
  userId: string;
  moduleId: string;
  questionIds: string[];
}

export type Row = (string | number | null)[];

/** Columns of the rows below, in order. */
export const TOETS_ATTEMPT_COLUMNS = ['id', 'user_id', 'module_id', 'question_ids', 'content_version', 'pass_mark', 'started_at'];
export const TOETS_ANSWER_COLUMNS = ['toets_id', 'question_id', 'idempotency_key', 'answer', 'correct', 'score', 'answered_at'];

/** Share of the drawn questions answered before the hand-in (the rest counts 0, as the app scores it). */
const ANSWERED = 0.95;
const MINUTE = 60_000;

export interface OpenToetsInput {
  toetsId: number;
  userId: string;
  mod: ModuleSource;
  /** Chance that this person answers this question right (their skill against its difficulty). */
  chance: (questionId: string) => number;
  variants: ReadonlyMap<string, readonly ScoredVariant[]>;
  now: number;
  random: () => number;
}

/** An open toets started 10 to 40 minutes ago, with its answers given since. */
export function openToets({ toetsId, userId, mod, chance, variants, now, random }: OpenToetsInput): { toets: OpenToets; attempt: Row; answers: Row[] } {
  const settings = toetsModuleOf({ ...mod, outline: outlineOf(mod) });
  // A first attempt: nothing drawn before, so nothing to avoid.
  const questionIds = drawToets(settings.lessonIds, settings.questions, settings.settings.questions, [], random);
  const startedAt = now - Math.floor((10 + random() * 30) * MINUTE);
  const attempt: Row = [toetsId, userId, mod.meta.id, JSON.stringify(questionIds), mod.meta.version, mod.meta.passMark, startedAt];
  const answers: Row[] = [];
  questionIds.forEach((questionId, i) => {
    if (random() >= ANSWERED) return;
    const options = variants.get(questionId)!;
    const v = random() < chance(questionId) || options.length === 1 ? options[0] : options[1 + Math.floor(random() * (options.length - 1))];
    const answeredAt = startedAt + Math.floor(((i + 1) / (questionIds.length + 1)) * (now - MINUTE - startedAt));
    answers.push([toetsId, questionId, randomUUID(), v.json, v.correct ? 1 : 0, v.score, answeredAt]);
  });
  return { toets: { toetsId, userId, moduleId: mod.meta.id, questionIds }, attempt, answers };
}

/** The pool in a seeded random order, so that consecutive requests go to different people and modules. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const list = [...items];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
