// The question analysis in plain JavaScript over every answer: the readable definition of the
// numbers (src/lib/reports/question-stats.ts says what they mean), kept as the reference that the
// database computation (src/lib/reports/module-stats.ts) must match. Only tests use it.
import { flagQuestion, rankMisconceptions, round, type ModuleStats, type QuestionKey, type QuestionStats } from '../../src/lib/reports/question-stats.ts';

export interface AttemptRow {
  id: number;
  userId: string;
  questionId: string;
  correct: boolean;
  score: number;
  answer: unknown;
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
