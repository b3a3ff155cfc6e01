// A page's reads as one batch. On a libSQL server (sqld, Turso) every query is a round trip, and a
// lesson page asked eight of them, one after another or a few at a time: sent as one read batch
// they are one round trip (issue 20). On an embedded file the batch is one read transaction, so
// the reads also see one moment of the data (no answer stored between the progress query and the
// list of latest answers).
//
// A plan is the statements and what their results become; plans combine (`readAll`), and
// `readTogether` sends one. Domain code keeps its queries (prepared drizzle queries or
// `preparedSql`) and offers a plan beside its ordinary function (e.g. `latestAnswersPlan` next to
// `getLatestAnswers`, which is then just `readTogether(db, latestAnswersPlan(…))`).
import type { InStatement, ResultSet } from '@libsql/client';
import type { Db } from './client.ts';
import { statementOf } from './prepared.ts';

export interface ReadPlan<T> {
  statements: InStatement[];
  /** Turns the results of `statements`, in their order, into the answer. */
  finish: (results: ResultSet[]) => T;
}

/** A drizzle query prepared with `.prepare()` (for `.all()`): its SQL and how it maps rows. */
interface PreparedAll<Row> {
  getQuery(): { sql: string; params: unknown[] };
  all(values?: Record<string, unknown>): Promise<Row[]>;
}

/** A prepared drizzle query's rows, mapped exactly as its `.all(values)` would map them. */
export function preparedRead<Row>(query: PreparedAll<Row>, values: Record<string, unknown>): ReadPlan<Row[]> {
  // drizzle's own batch maps each result with this method (drizzle-orm/libsql/session.js).
  const mapper = query as unknown as { mapAllResult(result: ResultSet, isFromBatch: true): Row[] };
  return { statements: [statementOf(query, values)], finish: ([result]) => mapper.mapAllResult(result, true) };
}

/** A statement's rows as the database sends them (for `preparedSql`, whose columns are aliased). */
export function rawRead<Row>(statement: InStatement): ReadPlan<Row[]> {
  return { statements: [statement], finish: ([result]) => result.rows as unknown as Row[] };
}

/** No statements at all (nothing to ask for), answering `value`. */
export function noReads<T>(value: T): ReadPlan<T> {
  return { statements: [], finish: () => value };
}

/** The same reads, with the answer made into something else. */
export function mapRead<T, U>(plan: ReadPlan<T>, change: (value: T) => U): ReadPlan<U> {
  return { statements: plan.statements, finish: (results) => change(plan.finish(results)) };
}

type Answers<Plans extends readonly ReadPlan<unknown>[]> = { [K in keyof Plans]: Plans[K] extends ReadPlan<infer T> ? T : never };

/** Several plans as one: all their statements, and each answer in the order of the plans. */
export function readAll<const Plans extends readonly ReadPlan<unknown>[]>(plans: Plans): ReadPlan<Answers<Plans>> {
  return {
    statements: plans.flatMap((plan) => plan.statements),
    finish: (results) => {
      let at = 0;
      return plans.map((plan) => {
        const own = results.slice(at, at + plan.statements.length);
        at += plan.statements.length;
        return plan.finish(own);
      }) as Answers<Plans>;
    },
  };
}

/** Runs a plan as one read batch (one round trip; one read transaction on a file). */
export async function readTogether<T>(db: Db, plan: ReadPlan<T>): Promise<T> {
  if (plan.statements.length === 0) return plan.finish([]);
  return plan.finish(await db.$client.batch(plan.statements, 'read'));
}
