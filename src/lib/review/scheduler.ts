// Spaced review on a fixed ladder of intervals (days). Pure: the current time and the ladder are
// parameters, so tests can move through weeks without waiting.
//
// - A question answered wrongly comes back after the first rung (e.g. tomorrow).
// - Each right answer moves it one rung up; the top rung repeats.
// - Wrong after having been right counts as a lapse ("forgotten"), which trainers see.
import { startOfDayAfter } from './calendar.ts';

export const DEFAULT_LADDER_DAYS = [1, 3, 7, 21, 60] as const;

export interface ReviewState {
  /** Index into the ladder of the interval that produced the current due date. */
  step: number;
  dueAt: number;
  lapses: number;
  lastCorrect: boolean;
  reviewCount: number;
}

export function nextReviewState(previous: ReviewState | undefined, correct: boolean, now: number, ladder: readonly number[] = DEFAULT_LADDER_DAYS): ReviewState {
  if (ladder.length === 0) throw new Error('De herhaalladder is leeg.');
  let step: number;
  if (!correct) step = 0;
  else if (!previous) step = Math.min(1, ladder.length - 1);
  else step = Math.min(previous.step + 1, ladder.length - 1);
  // A first wrong answer is not a lapse; wrong after right is.
  const lapses = (previous?.lapses ?? 0) + (!correct && previous?.lastCorrect ? 1 : 0);
  return { step, dueAt: startOfDayAfter(now, ladder[step]), lapses, lastCorrect: correct, reviewCount: (previous?.reviewCount ?? 0) + 1 };
}

export function isDue(state: Pick<ReviewState, 'dueAt'>, now: number): boolean {
  return state.dueAt <= now;
}

export function parseLadder(value: string | undefined): number[] {
  if (!value) return [...DEFAULT_LADDER_DAYS];
  const days = value.split(',').map((s) => Number(s.trim()));
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    throw new Error(`REVIEW_LADDER_DAYS moet een lijst hele dagen tussen 1 en 365 zijn, bijvoorbeeld "1,3,7,21,60" (nu: "${value}")`);
  }
  return days;
}
