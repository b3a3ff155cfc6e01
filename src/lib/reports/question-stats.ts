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

export interface AttemptRow {
  id: number;
  userId: string;
  questionId: string;
  correct: boolean;
  score: number;
  answer: unknown;
}

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

function choicesOf(answer: unknown): string[] {
  if (!answer || typeof answer !== 'object') return [];
  const a = answer as Record<string, unknown>;
  if (typeof a.choice === 'string') return [a.choice];
  if (Array.isArray(a.choices)) return a.choices.map(String);
  if (Array.isArray(a.path)) return a.path.map((c, i) => `${i + 1}/${String(c)}`);
  return [];
}

function misconceptionsOf(answer: unknown): string[] {
  if (!answer || typeof answer !== 'object') return [];
  const m = (answer as Record<string, unknown>).misconceptions;
  return Array.isArray(m) ? m.map(String) : [];
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export function computeModuleStats(keys: QuestionKey[], rows: AttemptRow[]): ModuleStats {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  // First attempt per person and question.
  const first = new Map<string, Map<string, AttemptRow>>();
  for (const row of sorted) {
    const perUser = first.get(row.questionId) ?? new Map<string, AttemptRow>();
    if (!perUser.has(row.userId)) perUser.set(row.userId, row);
    first.set(row.questionId, perUser);
  }
  const firstScore = (userId: string, questionId: string) => first.get(questionId)?.get(userId)?.score ?? 0;

  const questions = keys.map((key): QuestionStats => {
    const mine = sorted.filter((r) => r.questionId === key.id);
    const firsts = [...(first.get(key.id)?.values() ?? [])];
    const learners = firsts.length;
    const optionCounts = new Map<string, number>();
    for (const row of mine) for (const c of choicesOf(row.answer)) optionCounts.set(c, (optionCounts.get(c) ?? 0) + 1);

    const facility = learners === 0 ? null : firsts.filter((r) => r.correct).length / learners;
    const others = keys.filter((k) => k.id !== key.id).map((k) => k.id);
    const discrimination = pearson(
      firsts.map((r) => r.score),
      firsts.map((r) => others.reduce((sum, id) => sum + firstScore(r.userId, id), 0)),
    );

    const firstChoices = new Map<string, number>();
    for (const r of firsts) for (const c of choicesOf(r.answer)) firstChoices.set(c, (firstChoices.get(c) ?? 0) + 1);
    const flags = flagQuestion(key, learners, facility, discrimination, firstChoices);
    return {
      questionId: key.id,
      attempts: mine.length,
      learners,
      facility: facility === null ? null : round(facility),
      discrimination: discrimination === null ? null : round(discrimination),
      optionCounts,
      flags,
    };
  });

  const tags = new Map<string, number>();
  for (const row of sorted) for (const tag of misconceptionsOf(row.answer)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  return { questions, misconceptions: rankMisconceptions(tags) };
}

/** The warnings for one question; shared by the in-memory and the database computation. */
export function flagQuestion(key: QuestionKey, learners: number, facility: number | null, discrimination: number | null, firstChoices: Map<string, number>): QuestionFlag[] {
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
