// The team's progress as CSV a municipality can file: Dutch column names, semicolons (what Dutch
// Excel expects), a byte-order mark so accents survive, and no cell that a spreadsheet would run
// as a formula.
import Papa from 'papaparse';
import type { CourseModule } from '../content/course.ts';
import { formatMinutes, formatNumericDate, t } from '../i18n/nl.ts';
import type { PersonPath } from '../progress/path-due-dates.ts';
import { todayLocal } from '../review/calendar.ts';
import { toAmsterdamIso as localIsoDateTime } from '../privacy/readable-times.ts';
import type { ModuleActivity } from './team-activity.ts';
import type { TeamProgressRow } from './team-progress.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises spreadsheet formula injection (OWASP): a leading quote makes it plain text. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : safeCell(cell))));
  return `\uFEFF${Papa.unparse({ fields: header.map(safeCell), data }, { delimiter: ';', newline: '\r\n', quotes: true })}\r\n`;
}

/** What the export adds to the team's table: each person's paths, and study time and last activity per module. */
export interface ExportExtras {
  paths: ReadonlyMap<string, readonly PersonPath[]>;
  /** Keyed by `${userId}\u0000${moduleId}` (getTeamActivity). */
  activity: ReadonlyMap<string, ModuleActivity>;
}

/**
 * The export of a team's table (getTeamProgress): one line per member and module, the status in
 * the words of the dashboard. Per line also the paths that hold the module, its due date (ISO),
 * whether it is late (the status "te-laat", not decided again), the study time in minutes and
 * the last activity (ISO, Dutch time).
 */
export function teamProgressCsv(teamName: string, course: Pick<CourseModule, 'meta'>[], rows: TeamProgressRow[], extras: ExportExtras): string {
  const lines = rows.flatMap((row) =>
    course.map((mod) => {
      const cell = row.cells.get(mod.meta.id)!;
      const activity = extras.activity.get(`${row.userId}\u0000${mod.meta.id}`);
      const paths = (extras.paths.get(row.userId) ?? []).filter((p) => p.moduleIds.includes(mod.meta.id));
      return [
        row.name,
        row.email,
        teamName,
        mod.meta.title,
        t.status[cell.status],
        cell.toetsAttempts,
        cell.bestPassedToets === null ? '' : Math.round(cell.bestPassedToets * 100),
        cell.completedAt === null ? '' : formatNumericDate(cell.completedAt),
        cell.completedBeforeToets ? t.progressCsv.yes : '',
        cell.completedVersion ?? '',
        mod.meta.version,
        paths.map((p) => p.name).join(', '),
        cell.dueDate ?? '',
        cell.status === 'te-laat' ? t.progressCsv.yes : t.progressCsv.no,
        formatMinutes(activity?.studyTimeMs ?? 0),
        activity?.lastActivityAt == null ? '' : localIsoDateTime(activity.lastActivityAt),
      ];
    }),
  );
  return toCsv(t.progressCsv.header, lines);
}

export function teamProgressFileName(teamName: string, now: number): string {
  return `voortgang-${
    teamName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'team'
  }-${todayLocal(now)}.csv`;
}
