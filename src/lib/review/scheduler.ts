// Spaced review on a fixed ladder of intervals (days). Pure: the current time and the ladder are
// parameters, so tests can move through weeks without waiting.
//
// - A question answered wrongly comes back after the first rung (e.g. tomorrow).
// - Each right answer moves it one rung up; the top rung repeats.
// - Wrong after having been right counts as a lapse ("forgotten"), which trainers see.
import { DEFAULT_LADDER_DAYS } from '../settings/review-ladder.ts';
import { startOfDayAfter } from './calendar.ts';

export interface ReviewState {
  /** Index into the ladder of the interval that produced the current due date. */
  step: number;
  dueAt: number;
  lapses: number;
  lastCorrect: boolean;
  reviewCount: number;
}

export function nextReviewState(
  previous: ReviewState | undefined,
  correct: boolean,
  now: number,
  ladder: readonly number[] = DEFAULT_LADDER_DAYS,
): ReviewState {
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
