// The own-data download writes moments as readable ISO date-times in Dutch time
// ("2026-12-03T09:15:00+01:00") instead of epoch milliseconds (issue 18), so a person can read
// their export without a converter. The offset is the one in force at that moment (CET or CEST).
import { TIME_ZONE } from '../time-zone.ts';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const two = (n: number) => String(n).padStart(2, '0');

/** An instant (ms since 1970, UTC) as an ISO 8601 date-time with the Amsterdam offset, to the second. */
export function toAmsterdamIso(instant: number): string {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offsetMinutes = Math.round((wall - Math.floor(instant / 1000) * 1000) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** A field that holds a moment: `at`, or a name ending in `At` (createdAt, dueAt, handedInAt...). */
const MOMENT_FIELD = /^at$|At$/;

/** The type of a value after withReadableTimes: moment fields become strings. */
export type WithReadableTimes<T> = T extends (infer U)[]
  ? WithReadableTimes<U>[]
  : T extends Date
    ? T
    : T extends object
      ? {
          [K in keyof T]: K extends 'at' | `${string}At`
            ? T[K] extends number
              ? string
              : T[K] extends number | null
                ? string | null
                : WithReadableTimes<T[K]>
            : WithReadableTimes<T[K]>;
        }
      : T;

/**
 * A copy of the data with every moment field (a number under a name like `createdAt`) written by
 * toAmsterdamIso. Field names stay as they are; other numbers (scores, steps) are untouched.
 */
export function withReadableTimes<T>(value: T): WithReadableTimes<T> {
  if (Array.isArray(value)) return value.map((item) => withReadableTimes(item)) as WithReadableTimes<T>;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value as WithReadableTimes<T>;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, MOMENT_FIELD.test(key) && typeof field === 'number' ? toAmsterdamIso(field) : withReadableTimes(field)]),
  ) as WithReadableTimes<T>;
}
