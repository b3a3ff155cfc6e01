// Question analysis for trainers (what Moodle calls quiz statistics), made for small teams.
//
// Definitions (all over the professionals who answered the question):
// - facility: share whose FIRST attempt was fully correct;
// - discrimination: the correlation between the first-attempt score on this question and the
//   same person's first-attempt score on the module's OTHER questions (corrected item-total
//   correlation). Positive: those who do well overall do well here. Negative: a warning sign.
// - option counts over all attempts; for branching cases, per decision.
// A question is flagged when almost everyone gets it wrong, a wrong option is chosen more often
// than the right one, or discrimination is negative. Below MIN_LEARNERS the numbers mean little,
// and the analysis says so instead of flagging.

export const MIN_LEARNERS = 5;

export type QuestionFlag = 'te-weinig-pogingen' | 'bijna-iedereen-fout' | 'afleider-vaker-gekozen' | 'negatieve-discriminatie' | 'te-makkelijk';

export interface QuestionStats {
  questionId: string;
  attempts: number;
  learners: number;
  facility: number | null;
  discrimination: number | null;
  /** choice id → times chosen (branching: "node/choice"). */
  optionCounts: Map<string, number>;
  flags: QuestionFlag[];
}

export interface ModuleStats {
  questions: QuestionStats[];
  misconceptions: { tag: string; count: number }[];
}

export interface QuestionKey {
  id: string;
  type: string;
  /** Ids of the right options (single/multiple). */
  correctOptions: string[];
}

/** The warnings for one question; shared by the database computation and the reference in the tests. */
export function flagQuestion(
  key: QuestionKey,
  learners: number,
  facility: number | null,
  discrimination: number | null,
  firstChoices: Map<string, number>,
): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  if (learners < MIN_LEARNERS) flags.push('te-weinig-pogingen');
  else {
    if (facility !== null && facility < 0.2) flags.push('bijna-iedereen-fout');
    if (facility !== null && facility > 0.95) flags.push('te-makkelijk');
    if (discrimination !== null && discrimination < 0) flags.push('negatieve-discriminatie');
    if (key.type === 'single' && key.correctOptions.length === 1) {
      const keyCount = firstChoices.get(key.correctOptions[0]) ?? 0;
      if ([...firstChoices].some(([id, n]) => id !== key.correctOptions[0] && n > keyCount)) flags.push('afleider-vaker-gekozen');
    }
  }
  return flags;
}

/** Sorts misconception tags: most frequent first, then by name. */
export function rankMisconceptions(tags: Map<string, number>): { tag: string; count: number }[] {
  return [...tags].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
