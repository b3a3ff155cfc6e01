// Hot queries, built once per database handle and run with placeholders. Under load, building a
// query with drizzle cost more than SQLite's work for a small lookup (a fifth of the server's CPU
// on the lesson page, `npm run bench` with BENCH_CPU_PROF); the session lookup set the pattern.
// When to use this rather than the query builder: docs/decisions/0007-wanneer-welke-vorm-van-sql.md.
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { InStatement } from '@libsql/client';
import type { Db } from './client.ts';

/** `build(db)` once per database handle (tests open many), then the same prepared queries. */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}

interface PreparedQuery {
  getQuery(): { sql: string; params: unknown[] };
}

/** A prepared query with its values, as one statement of a batch. */
export function statementOf(query: PreparedQuery, values: Record<string, unknown>): InStatement {
  const { sql, params } = query.getQuery();
  return { sql, args: fillPlaceholders(params, values) as InStatement extends { args?: infer A } ? A : never };
}

/**
 * Prepared statements as one transaction (drizzle's db.batch only takes unbuilt queries). Same
 * guarantee: all of them or none, nothing else of this process in between.
 */
export function batchPrepared(db: Db, statements: InStatement[]) {
  return db.$client.batch(statements, 'write');
}

/** A list of values as ONE placeholder: `col IN (SELECT value FROM json_each(?))` keeps the SQL text the same for any number of them. */
export const jsonList = (values: readonly string[]) => JSON.stringify(values);

const dialect = new SQLiteAsyncDialect();

/**
 * A raw `sql` template (form 4 of decision 0007) built to text once, with `sql.placeholder`s for
 * the values: for raw queries on hot paths, which drizzle cannot `.prepare()`. Run it in a read
 * plan (db/read-together.ts `rawRead`); the rows come back keyed by the column names (alias them).
 */
export function preparedSql(query: SQL) {
  const { sql, params } = dialect.sqlToQuery(query);
  const prepared = { getQuery: () => ({ sql, params }) };
  return {
    /** The statement with its values, to run alone or in a batch. */
    statement: (values: Record<string, unknown>): InStatement => statementOf(prepared, values),
  };
}
