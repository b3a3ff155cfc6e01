// Where a person stands in a module, in one word: the one rule and the one vocabulary that the
// learner's pages, the trainer's dashboard, the trainer's page for one professional and the CSV
// export all use, so a trainer and the learner never see two different answers.
import { t } from '../i18n/nl.ts';
import { todayLocal } from '../review/calendar.ts';

/** Every status, in the order the dashboard's filter offers them. Labels: `t.status` in nl.ts. */
export const MODULE_STATUSES = ['niet-begonnen', 'bezig', 'afgerond', 'te-laat'] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];

/** The Dutch word for each status; written here against the list so a new status cannot go without one. */
export const STATUS_LABELS: Readonly<Record<ModuleStatus, string>> = t.status;

/**
 * What the status is decided from. Each view reads these from the same tables with the same
 * filters: only lessons and practice questions that are still in the module count.
 */
export interface ModuleStatusFacts {
  /** When the module was completed (its module_completions row), or null. */
  completedAt: number | null;
  /** Current lessons opened, read or tested out (a lesson_progress row). */
  lessonsTouched: number;
  /** Current practice questions answered at least once. */
  questionsAnswered: number;
  /** Afsluitende toetsen begun: handed in (passed or not) or still open. */
  toetsAttempts: number;
  /** The earliest due date (YYYY-MM-DD) of the person's learning paths that hold the module, or null. */
  dueDate: string | null;
}

/** Anything done in the module at all: what separates "bezig" from "niet begonnen". */
export function hasStarted(facts: ModuleStatusFacts): boolean {
  return facts.lessonsTouched > 0 || facts.questionsAnswered > 0 || facts.toetsAttempts > 0;
}

/** A due date has passed once its day is over, in the Netherlands (as learning paths count it). */
export function isPastDue(dueDate: string, now: number): boolean {
  return todayLocal(now) > dueDate;
}

/**
 * Completed wins; otherwise a module on a path whose due date has passed is late, whether it was
 * begun or not (the learner sees that as well as the trainer); otherwise begun or not.
 */
export function moduleStatus(facts: ModuleStatusFacts, now: number): ModuleStatus {
  if (facts.completedAt !== null) return 'afgerond';
  if (facts.dueDate !== null && isPastDue(facts.dueDate, now)) return 'te-laat';
  return hasStarted(facts) ? 'bezig' : 'niet-begonnen';
}
