// One line per person about their learning paths, for the trainer's dashboard: which paths, the
// next date something is due, and whether anything is late. "Late" is read from the module
// statuses (module-status.ts, through the team table), never decided a second way.
import type { PersonPath } from '../progress/path-due-dates.ts';
import type { ProgressCell } from './team-progress.ts';

export interface PathSummary {
  /** The names of the person's paths, earliest due first; empty without a path. */
  names: string[];
  /** The earliest due date (YYYY-MM-DD) of a module on a path that is not completed yet, or null when none is open. */
  nextDue: string | null;
  /** Some module of a path is late: its status is "te-laat". */
  late: boolean;
}

export function summarisePaths(paths: readonly PersonPath[], cells: ReadonlyMap<string, ProgressCell>): PathSummary {
  const open = [...cells.values()].filter((cell) => cell.status !== 'afgerond' && cell.dueDate !== null);
  const nextDue = open.map((cell) => cell.dueDate!).sort()[0] ?? null;
  return { names: paths.map((p) => p.name), nextDue, late: [...cells.values()].some((cell) => cell.status === 'te-laat') };
}
