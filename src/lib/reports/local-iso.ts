// A moment as an ISO 8601 date-time in Dutch time with its offset, e.g. 2026-03-10T08:00:00+01:00:
// what a spreadsheet or another system reads without doubt, in the clock the trainer lives by.
import { TIME_ZONE } from '../time-zone.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

export function localIsoDateTime(ms: number): string {
  const p = Object.fromEntries(parts.formatToParts(ms).map((part) => [part.type, part.value]));
  // longOffset reads "GMT+01:00" (or "GMT" at offset zero, which Europe/Amsterdam never has).
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
