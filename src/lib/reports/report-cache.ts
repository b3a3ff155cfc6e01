// Reports that are the same for everyone who may see them (a team's dashboard for each of its
// trainers, the question analysis of a team) are kept until the data changes. Under the
// benchmark's 32 connections a team dashboard cost 12–17 ms of database and rendering work per
// request; a team's trainers opening it again and again between appointments get the same
// numbers as long as nobody wrote anything.
//
// "Nobody wrote anything" is asked of the database handle (db/data-version.ts). It is exact on
// an embedded file: db/embedded-client.ts counts its own writes and asks SQLite (data_version)
// about other processes' commits. On a libSQL server other instances write unseen: the client
// cannot tell, so there nothing is cached and every request computes. REPORT_CACHE_SECONDS
// (60 by default) bounds how long an entry lives anyway: reports depend on today's date (overdue
// paths and reviews); 0 turns the cache off (the benchmark's growth series measures the work itself).
import type { Db } from '../../../db/client.ts';
import { dataVersion } from '../../../db/data-version.ts';
import { getSettings } from '../env.ts';
/** Enough for every team and module of a region; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 2000;

type Entries = Map<string, { version: string; at: number; value: Promise<unknown> }>;
/** Per database handle: tests open many databases in one process. */
const caches = new WeakMap<Db, Entries>();

/**
 * The value of `compute` for `key`, from the cache while the database is unchanged. The value is
 * shared between requests: callers must not change it.
 */
export async function cachedReport<T>(
  db: Db,
  key: string,
  compute: () => Promise<T>,
  now = Date.now(),
  maxAgeMs = getSettings().REPORT_CACHE_SECONDS * 1000,
): Promise<T> {
  if (maxAgeMs === 0) return compute();
  const version = await dataVersion(db);
  if (version === undefined) return compute();
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const cached = entries.get(key);
  if (cached && cached.version === version && now - cached.at < maxAgeMs) return cached.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { version, at: now, value });
  value.catch(() => entries.delete(key));
  return value;
}

/** Forgets everything kept for this database (tests). */
export function clearReportCache(db: Db): void {
  caches.delete(db);
}
