// The question analysis read from running tallies (db/schema.ts, kept by the trigger in migration
// 0012 inside the statement that stores an answer): the same numbers as computeModuleStats
// (tests/helpers/module-stats-reference.ts, the readable definition the tests compare with),
// without walking the answers. The region (an admin) reads one row per question and value, however
// many answers there are; a trainer's teams read one row per person and question (first_answers),
// however often they answered.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { jsonList } from '../../../db/prepared.ts';
import { cachedReport } from './report-cache.ts';
import { flagQuestion, rankMisconceptions, round, type ModuleStats, type QuestionKey } from './question-stats.ts';

export interface ModuleAnalysis extends ModuleStats {
  /** Everyone in scope with at least one answer in the module. */
  people: number;
}

/**
 * The analysis of a module over `learners` (a trainer's teams) or 'all' (the region, with the
 * answers of deleted accounts). Discrimination relates a question to the person's first answers
 * on every other question of the module that they answered, also one the module no longer has.
 */
export async function getModuleAnalysis(db: Db, moduleId: string, keys: QuestionKey[], learners: string[] | 'all'): Promise<ModuleAnalysis> {
  if (learners === 'all') return regionAnalysis(db, moduleId, keys);
  if (learners.length === 0) return { ...assemble(keys, [], []), people: 0 };
  // The same for every trainer of those teams until someone writes (report-cache.ts).
  return cachedReport(db, `analysis\u0000${cacheKeyOf(moduleId, keys)}\u0000${[...learners].sort().join(',')}`, () =>
    teamAnalysis(db, moduleId, keys, learners),
  );
}

function cacheKeyOf(moduleId: string, keys: QuestionKey[]): string {
  return `${moduleId}\u0000${keys.map((k) => `${k.id}:${k.correctOptions.join(',')}`).join('|')}`;
}

interface FirstRow {
  kind: 'question' | 'first-choice' | 'people';
  questionId: string | null;
  value: string | null;
  n: number;
  correct: number | null;
  sx: number | null;
  sy: number | null;
  sxy: number | null;
  sxx: number | null;
  syy: number | null;
}

interface CountRow {
  kind: 'option' | 'tag' | 'attempts';
  questionId: string;
  value: string | null;
  n: number;
}

/** The region: the tallies as they are, one row per question. */
async function regionAnalysis(db: Db, moduleId: string, keys: QuestionKey[]): Promise<ModuleAnalysis> {
  const [rows, [module]] = await Promise.all([
    db.all<Omit<FirstRow, 'kind' | 'value'> & { questionId: string; attempts: number; counts: string }>(sql`
      SELECT question_id AS questionId, learners AS n, correct, sx, sy, sxy, sxx, syy, attempts, counts
        FROM question_tallies WHERE module_id = ${moduleId}`),
    db.all<{ people: number }>(sql`SELECT people FROM module_tallies WHERE module_id = ${moduleId}`),
  ]);
  const firstRows: FirstRow[] = [];
  const countRows: CountRow[] = [];
  for (const { attempts, counts, ...sums } of rows) {
    firstRows.push({ ...sums, kind: 'question', value: null });
    countRows.push({ kind: 'attempts', questionId: sums.questionId, value: null, n: attempts });
    for (const [key, n] of Object.entries(JSON.parse(counts) as Record<string, number>)) {
      const [kind, value] = splitCountKey(key);
      if (kind === 'first')
        firstRows.push({ kind: 'first-choice', questionId: sums.questionId, value, n, correct: null, sx: null, sy: null, sxy: null, sxx: null, syy: null });
      else countRows.push({ kind, questionId: sums.questionId, value, n });
    }
  }
  return { ...assemble(keys, firstRows, countRows), people: Number(module?.people ?? 0) };
}

/** "option:1/goed" → ['option', '1/goed']: the kind before the first colon, the value after it. */
function splitCountKey(key: string): ['option' | 'tag' | 'first', string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as 'option' | 'tag' | 'first', key.slice(colon + 1)];
}

/**
 * A trainer's teams: the sums over the first answers of the people in scope. Pearson's r needs
 * each person's total over the module's other questions, so the sums are made here, per person,
 * from first_answers (one row per person and question, with the counts over their answers).
 */
async function teamAnalysis(db: Db, moduleId: string, keys: QuestionKey[], learners: string[]): Promise<ModuleAnalysis> {
  const people = jsonList(learners);
  const firstQuery = db.all<FirstRow>(sql`
    WITH firsts AS MATERIALIZED (
      SELECT user_id AS who, question_id, score, correct, choice, attempts FROM first_answers
        WHERE module_id = ${moduleId} AND user_id IN (SELECT value FROM json_each(${people}))
    ),
    totals AS (SELECT who, total(score) AS total FROM firsts GROUP BY who)
    SELECT 'question' AS kind, f.question_id AS questionId, NULL AS value, count(*) AS n, sum(f.correct) AS correct,
      total(f.score) AS sx, total(t.total - f.score) AS sy, total(f.score * (t.total - f.score)) AS sxy,
      total(f.score * f.score) AS sxx, total((t.total - f.score) * (t.total - f.score)) AS syy
      FROM firsts f JOIN totals t ON t.who = f.who GROUP BY f.question_id
    UNION ALL
    SELECT 'first-choice', question_id, choice, count(*), NULL, NULL, NULL, NULL, NULL, NULL FROM firsts WHERE choice IS NOT NULL GROUP BY question_id, choice
    UNION ALL
    SELECT 'people', NULL, NULL, count(DISTINCT who), NULL, NULL, NULL, NULL, NULL, NULL FROM firsts`);
  const countQuery = db.all<CountRow>(sql`
    SELECT substr(c.key, 1, instr(c.key, ':') - 1) AS kind, f.question_id AS questionId, substr(c.key, instr(c.key, ':') + 1) AS value, sum(c.value) AS n
      FROM first_answers AS f, json_each(f.counts) AS c
      WHERE f.module_id = ${moduleId} AND f.user_id IN (SELECT value FROM json_each(${people}))
      GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'attempts', question_id, NULL, sum(attempts) FROM first_answers
      WHERE module_id = ${moduleId} AND user_id IN (SELECT value FROM json_each(${people}))
      GROUP BY question_id`);
  const [firstRows, countRows] = await Promise.all([firstQuery, countQuery]);
  const count = Number(firstRows.find((r) => r.kind === 'people')?.n ?? 0);
  return { ...assemble(keys, firstRows, countRows), people: count };
}

function assemble(keys: QuestionKey[], firstRows: FirstRow[], countRows: CountRow[]): ModuleStats {
  const questions = keys.map((key) => {
    const sums = firstRows.find((r) => r.kind === 'question' && r.questionId === key.id);
    const learners = Number(sums?.n ?? 0);
    const facility = learners === 0 ? null : Number(sums!.correct) / learners;
    const discrimination = sums ? pearsonFromSums(learners, Number(sums.sx), Number(sums.sy), Number(sums.sxy), Number(sums.sxx), Number(sums.syy)) : null;
    const firstChoices = new Map(firstRows.filter((r) => r.kind === 'first-choice' && r.questionId === key.id).map((r) => [String(r.value), Number(r.n)]));
    const optionCounts = new Map(countRows.filter((r) => r.kind === 'option' && r.questionId === key.id).map((r) => [String(r.value), Number(r.n)]));
    return {
      questionId: key.id,
      attempts: Number(countRows.find((r) => r.kind === 'attempts' && r.questionId === key.id)?.n ?? 0),
      learners,
      facility: facility === null ? null : round(facility),
      discrimination: discrimination === null ? null : round(discrimination),
      optionCounts,
      flags: flagQuestion(key, learners, facility, discrimination, firstChoices),
    };
  });
  const tags = new Map<string, number>();
  for (const r of countRows) if (r.kind === 'tag') tags.set(String(r.value), (tags.get(String(r.value)) ?? 0) + Number(r.n));
  return { questions, misconceptions: rankMisconceptions(tags) };
}

/** Pearson's r from running sums; null when either side does not vary (as `pearson`). */
export function pearsonFromSums(n: number, sx: number, sy: number, sxy: number, sxx: number, syy: number): number | null {
  if (n < 2) return null;
  const varianceX = sxx - (sx * sx) / n;
  const varianceY = syy - (sy * sy) / n;
  // Sums of fractions (a third, a half) leave rounding noise where the exact variance is 0.
  const noise = 1e-9 * Math.max(1, sxx, syy);
  if (varianceX <= noise || varianceY <= noise) return null;
  return (sxy - (sx * sy) / n) / Math.sqrt(varianceX * varianceY);
}
