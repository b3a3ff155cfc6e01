// A write that waited longer than the busy timeout for another process's lock. Nothing was
// written; the user can simply try again, and should be told so.
export function isDatabaseBusy(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED' || (typeof e.message === 'string' && /database is locked|SQLITE_BUSY/.test(e.message)))
      return true;
    current = e.cause;
  }
  return false;
}
