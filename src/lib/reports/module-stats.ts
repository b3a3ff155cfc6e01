// The question analysis computed in the database: the same numbers as computeModuleStats
// (tests/helpers/module-stats-reference.ts, the readable definition the tests compare with), but
// summed by SQLite, so the page receives a few rows per question instead of every answer of
// everyone in scope. For an admin that was 100,000 answers per module, each one carried into
// JavaScript with its JSON; now it is two queries returning a few hundred rows.
//
// The admin's analysis is the same for every admin, and costs a scan of all answers of the
// module, so it is kept in memory for a short while (ADMIN_CACHE_MS); a trainer's covers one or a
// few teams and is computed on each request.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { attempts } from '../../../db/schema.ts';
import { cachedReport } from './report-cache.ts';
import { flagQuestion, rankMisconceptions, round, type ModuleStats, type QuestionKey } from './question-stats.ts';

/** How long an admin's analysis of a module may be reused: counts at most this old. */
export const ADMIN_CACHE_MS = 30_000;

export interface ModuleAnalysis extends ModuleStats {
  /** Everyone in scope with at least one answer in the module. */
  people: number;
}

const adminCache = new Map<string, { at: number; analysis: Promise<ModuleAnalysis> }>();

export async function getModuleAnalysis(
  db: Db,
  moduleId: string,
  keys: QuestionKey[],
  learners: string[] | 'all',
  now = Date.now(),
  peoplePerSlice = PEOPLE_PER_SLICE,
): Promise<ModuleAnalysis> {
  // A trainer's analysis covers their teams: the same for every trainer of those teams until
  // someone writes (report-cache.ts).
  if (learners !== 'all')
    return cachedReport(db, `analysis\u0000${cacheKeyOf(moduleId, keys)}\u0000${[...learners].sort().join(',')}`, () =>
      computeAnalysis(db, moduleId, keys, learners),
    );
  const cacheKey = cacheKeyOf(moduleId, keys);
  const cached = adminCache.get(cacheKey);
  if (cached && now - cached.at < ADMIN_CACHE_MS) return cached.analysis;
  const analysis = computeAnalysis(db, moduleId, keys, 'all', peoplePerSlice);
  adminCache.set(cacheKey, { at: now, analysis });
  analysis.catch(() => adminCache.delete(cacheKey));
  return analysis;
}

function cacheKeyOf(moduleId: string, keys: QuestionKey[]): string {
  return `${moduleId}\u0000${keys.map((k) => `${k.id}:${k.correctOptions.join(',')}`).join('|')}`;
}

/** Drops the cached admin analyses (tests; after deleting someone's answers). */
export function clearModuleAnalysisCache(): void {
  adminCache.clear();
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

/**
 * People per slice of an admin's analysis. The embedded database runs a query synchronously on
 * the event loop: the whole region at once held every other request for 1.8 s (8 s at 4× the
 * data, `npm run bench`); a slice of 250 people takes a few tens of milliseconds, and requests
 * are served in between. Every number of the analysis is a sum over people, so slices add up.
 */
export const PEOPLE_PER_SLICE = 250;

type Scope = { kind: 'people'; ids: string[] } | { kind: 'range'; from: string | null; to: string | null } | { kind: 'anonymous' };

async function computeAnalysis(
  db: Db,
  moduleId: string,
  keys: QuestionKey[],
  learners: string[] | 'all',
  peoplePerSlice = PEOPLE_PER_SLICE,
): Promise<ModuleAnalysis> {
  if (learners !== 'all' && learners.length === 0) return { ...assemble(keys, [], []), people: 0 };
  const scopes: Scope[] = learners === 'all' ? [...(await personRanges(db, peoplePerSlice)), { kind: 'anonymous' }] : [{ kind: 'people', ids: learners }];
  const firstRows: FirstRow[] = [];
  const countRows: CountRow[] = [];
  for (const [i, scope] of scopes.entries()) {
    // The embedded driver's promises resolve at once, so without this the slices would still run
    // back to back; setImmediate lets the requests that arrived meanwhile go first.
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const part = await computeScope(db, moduleId, keys, scope);
    firstRows.push(...part.firstRows);
    countRows.push(...part.countRows);
  }
  const first = addUp(firstRows, (r) => `${r.kind}\u0000${r.questionId}\u0000${r.value}`, ['n', 'correct', 'sx', 'sy', 'sxy', 'sxx', 'syy']);
  const counts = addUp(countRows, (r) => `${r.kind}\u0000${r.questionId}\u0000${r.value}`, ['n']);
  const people = Number(first.find((r) => r.kind === 'people')?.n ?? 0);
  return { ...assemble(keys, first, counts), people };
}

/** Everyone, as ranges of user ids of `size` people each (the first and last open-ended). */
async function personRanges(db: Db, size: number): Promise<Scope[]> {
  const starts = await db.all<{ id: string }>(
    sql`SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) WHERE n % ${size} = 1 AND n > 1 ORDER BY id`,
  );
  const bounds = [null, ...starts.map((r) => r.id), null];
  return bounds.slice(0, -1).map((from, i) => ({ kind: 'range', from, to: bounds[i + 1] }));
}

/** Rows with the same key added up, field by field. */
function addUp<T extends object>(rows: T[], keyOf: (row: T) => string, fields: (keyof T)[]): T[] {
  const merged = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...row });
    else for (const field of fields) (seen[field] as unknown) = Number(seen[field] ?? 0) + Number(row[field] ?? 0);
  }
  return [...merged.values()];
}

async function computeScope(db: Db, moduleId: string, keys: QuestionKey[], scope: Scope): Promise<{ firstRows: FirstRow[]; countRows: CountRow[] }> {
  const keyIds =
    keys.length > 0
      ? sql.join(
          keys.map((k) => sql`${k.id}`),
          sql`, `,
        )
      : sql`NULL`;
  const inScope =
    scope.kind === 'people'
      ? sql` AND ${inArray(attempts.userId, scope.ids)}`
      : scope.kind === 'range'
        ? sql`${scope.from === null ? sql`` : sql` AND ${attempts.userId} >= ${scope.from}`}${scope.to === null ? sql`` : sql` AND ${attempts.userId} < ${scope.to}`}`
        : sql``;

  // First attempt per person and question (the lowest id); the anonymous answers of deleted
  // accounts count for admins, each anonymous id as a person.
  const firsts: SQL =
    scope.kind === 'anonymous'
      ? sql`SELECT 'anoniem:' || anon_id AS who, question_id, score, correct, answer ->> '$.choice' AS choice FROM anonymous_attempts
      WHERE id IN (SELECT min(id) FROM anonymous_attempts WHERE module_id = ${moduleId} GROUP BY anon_id, question_id)`
      : sql`SELECT user_id AS who, question_id, score, correct, answer ->> '$.choice' AS choice FROM attempts
      WHERE id IN (SELECT min(id) FROM attempts WHERE module_id = ${moduleId}${inScope} GROUP BY user_id, question_id)`;
  // Every answer in scope.
  const answers: SQL =
    scope.kind === 'anonymous'
      ? sql`SELECT question_id, answer FROM anonymous_attempts WHERE module_id = ${moduleId}`
      : sql`SELECT question_id, answer FROM attempts WHERE module_id = ${moduleId}${inScope}`;
  // Discrimination needs, per question, the first score x and the person's first scores on the
  // module's other questions y = total − x; Pearson's r follows from the sums below.
  const firstQuery = db.all<FirstRow>(sql`
    WITH firsts AS MATERIALIZED (${firsts}),
    totals AS (SELECT who, sum(score) AS total FROM firsts WHERE question_id IN (${keyIds}) GROUP BY who)
    SELECT 'question' AS kind, f.question_id AS questionId, NULL AS value, count(*) AS n, sum(f.correct) AS correct,
      sum(f.score) AS sx, sum(t.total - f.score) AS sy, sum(f.score * (t.total - f.score)) AS sxy,
      sum(f.score * f.score) AS sxx, sum((t.total - f.score) * (t.total - f.score)) AS syy
      FROM firsts f JOIN totals t ON t.who = f.who WHERE f.question_id IN (${keyIds}) GROUP BY f.question_id
    UNION ALL
    SELECT 'first-choice', question_id, choice, count(*), NULL, NULL, NULL, NULL, NULL, NULL FROM firsts WHERE choice IS NOT NULL GROUP BY question_id, choice
    UNION ALL
    SELECT 'people', NULL, NULL, count(DISTINCT who), NULL, NULL, NULL, NULL, NULL, NULL FROM firsts`);
  // Chosen options (branching: "<step>/<choice>") and misconception tags over all answers.
  const countQuery = db.all<CountRow>(sql`
    SELECT CASE WHEN j.path = '$.misconceptions' THEN 'tag' ELSE 'option' END AS kind, a.question_id AS questionId,
      CASE WHEN j.path = '$.path' THEN (j.key + 1) || '/' || j.value ELSE j.value END AS value, count(*) AS n
      FROM (${answers}) a, json_tree(a.answer) j
      WHERE j.type = 'text' AND ((j.path = '$' AND j.key = 'choice') OR j.path IN ('$.choices', '$.path', '$.misconceptions'))
      GROUP BY 1, 2, 3
    UNION ALL
    SELECT 'attempts', question_id, NULL, count(*) FROM (${answers}) GROUP BY question_id`);
  const [firstRows, countRows] = await Promise.all([firstQuery, countQuery]);
  return { firstRows, countRows };
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
