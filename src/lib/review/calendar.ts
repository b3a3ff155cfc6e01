// Calendar days in the Netherlands. Reviews fall due at the start of a local day, so a question
// due "in 3 days" is due on the third morning whatever the clock change in between (the
// Netherlands moves between CET and CEST twice a year).
import { TIME_ZONE } from '../time-zone.ts';

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The zone's offset from UTC in ms at an instant (e.g. +1h in winter, +2h in summer). */
function offsetAt(instant: number): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function localDateOf(instant: number): LocalDate {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

/**
 * localDateOf for the start of a UTC hour, remembered: Dutch offsets are whole hours, so an hour
 * has one local date, and the momentum counts (study-activity.ts) ask it for every hour someone
 * studied in a year. Intl's formatToParts for each of them was a sixth of the catalogue's CPU.
 */
export function localDateOfHour(hourStart: number): LocalDate {
  let date = datesOfHours.get(hourStart);
  if (!date) {
    if (datesOfHours.size >= MAX_REMEMBERED_HOURS) datesOfHours.clear();
    datesOfHours.set(hourStart, (date = localDateOf(hourStart)));
  }
  return date;
}
const datesOfHours = new Map<number, LocalDate>();
/** Two years of hours: a year of everyone's streaks, and a bound on memory. */
const MAX_REMEMBERED_HOURS = 2 * 366 * 24;

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant local midnight begins on a date. */
export function startOfLocalDay(date: LocalDate): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  // The offset at local midnight can differ from the offset at UTC midnight; two passes settle it.
  let instant = naive - offsetAt(naive);
  instant = naive - offsetAt(instant);
  return instant;
}

/** Start of the local day `days` after the day of `now`. */
export function startOfDayAfter(now: number, days: number): number {
  return startOfLocalDay(addDays(localDateOf(now), days));
}

/** Today's date in the Netherlands as YYYY-MM-DD (the form of a path's due date). */
export function todayLocal(now: number): string {
  const d = localDateOf(now);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
