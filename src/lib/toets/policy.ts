// When a professional may start a toets: after the lessons, never two at once, and after a failed
// attempt only when the waiting time has passed (time to study, not to guess again). Pure, with
// the clock passed in.
export interface ToetsSettings {
  /** How many questions a toets asks (at least one per lesson, at most the whole bank). */
  questions: number;
  /** Hours to wait after a failed toets before the next one. */
  retakeAfterHours: number;
}

export const DEFAULT_TOETS_SETTINGS: ToetsSettings = { questions: 10, retakeAfterHours: 24 };

export interface AttemptSummary {
  startedAt: number;
  handedInAt: number | null;
  passed: boolean | null;
}

export type ToetsAvailability = { kind: 'lessen-eerst' } | { kind: 'bezig' } | { kind: 'wachten'; until: number } | { kind: 'beschikbaar' };

/** `attempts` newest first. */
export function toetsAvailability(attempts: AttemptSummary[], lessonsDone: boolean, settings: ToetsSettings, now: number): ToetsAvailability {
  if (attempts.some((a) => a.handedInAt === null)) return { kind: 'bezig' };
  if (!lessonsDone) return { kind: 'lessen-eerst' };
  const latest = attempts[0];
  if (latest && latest.passed === false && latest.handedInAt !== null) {
    const until = latest.handedInAt + settings.retakeAfterHours * 60 * 60 * 1000;
    if (now < until) return { kind: 'wachten', until };
  }
  return { kind: 'beschikbaar' };
}

/** The score of a toets: the mean over the drawn questions, a question not answered counting 0. 0..1 */
export function toetsScore(questionIds: readonly string[], scores: ReadonlyMap<string, number>): number {
  if (questionIds.length === 0) return 0;
  const sum = questionIds.reduce((total, id) => total + (scores.get(id) ?? 0), 0);
  return Math.round((sum / questionIds.length) * 1000) / 1000;
}

export function isPassed(score: number, passMark: number): boolean {
  return score + 1e-9 >= passMark;
}
