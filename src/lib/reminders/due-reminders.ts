// Which reminders are due, decided from plain rows and a clock: no database, no mail. The job
// (run-reminders.ts) reads the rows, asks this, claims each reminder and sends it. Every reminder
// has a key that names it for good (kind, person, module and due date, or week), so the claim
// table can refuse a second one whoever asks and however often.
import { isPastDue } from '../progress/module-status.ts';
import { addDays, localDateOf, todayLocal } from '../review/calendar.ts';

/** A person who may get a mail. */
export interface Person {
  userId: string;
  email: string;
  name: string;
  active: boolean;
  /** Turned reminders off on the account page. */
  optedOut: boolean;
}

/** One module on a person's learning paths: its earliest due date (progress/path-due-dates.ts). */
export interface ModuleDue {
  userId: string;
  moduleId: string;
  /** YYYY-MM-DD, a local date in the Netherlands. */
  dueDate: string;
  completed: boolean;
}

/** A team with who leads it and who is in it. */
export interface TeamFacts {
  teamId: string;
  name: string;
  trainerIds: string[];
  memberIds: string[];
}

/** A person's spaced review (Herhalen): how many questions wait now, and when they last reviewed one. */
export interface ReviewsWaiting {
  userId: string;
  /** Questions of the current course that are due now. */
  dueNow: number;
  /** The last time they answered a question while it was due; null: never. */
  lastReviewedAt: number | null;
  /** When the last Herhalen reminder went out; null: never. */
  lastRemindedAt: number | null;
}

export interface ReminderFacts {
  people: Map<string, Person>;
  dues: ModuleDue[];
  teams: TeamFacts[];
  reviews: ReviewsWaiting[];
}

export type LearnerReminderKind = 'voor-deadline' | 'te-laat';

/** One mail to a learner: every module of one kind that is due, each with its own key. */
export interface LearnerReminder {
  kind: LearnerReminderKind;
  person: Person;
  modules: { moduleId: string; dueDate: string; key: string }[];
}

/** One weekly mail to a trainer: the people in their teams that are late, per team. */
export interface TrainerDigest {
  kind: 'weekoverzicht';
  person: Person;
  key: string;
  teams: { teamId: string; name: string; people: { name: string; modules: { moduleId: string; dueDate: string }[] }[] }[];
}

/** One mail a week at most to a learner whose Herhalen has been waiting for a week or more. */
export interface ReviewReminder {
  kind: 'herhalen';
  person: Person;
  key: string;
  dueNow: number;
}

export type Reminder = LearnerReminder | TrainerDigest | ReviewReminder;

/** The keys of a reminder: one per module for a learner, one per week for a digest or a review reminder. */
export function keysOf(reminder: Reminder): string[] {
  return 'modules' in reminder ? reminder.modules.map((m) => m.key) : [reminder.key];
}

const mayMail = (person: Person | undefined): person is Person => person !== undefined && person.active && !person.optedOut && person.email !== '';

/**
 * Before the due date: from `daysBefore` days ahead up to and including the day itself, once per
 * module and due date. After it: once, as "te laat". A completed module gets nothing.
 */
export function learnerReminders(facts: ReminderFacts, now: number, daysBefore: number): LearnerReminder[] {
  const today = todayLocal(now);
  const byPersonAndKind = new Map<string, LearnerReminder>();
  for (const due of facts.dues) {
    if (due.completed) continue;
    const person = facts.people.get(due.userId);
    if (!mayMail(person)) continue;
    let kind: LearnerReminderKind;
    if (isPastDue(due.dueDate, now)) kind = 'te-laat';
    else if (daysBetween(today, due.dueDate) <= daysBefore) kind = 'voor-deadline';
    else continue;
    const id = `${kind}:${due.userId}`;
    let reminder = byPersonAndKind.get(id);
    if (!reminder) byPersonAndKind.set(id, (reminder = { kind, person, modules: [] }));
    reminder.modules.push({ moduleId: due.moduleId, dueDate: due.dueDate, key: `${kind}:${due.userId}:${due.moduleId}:${due.dueDate}` });
  }
  for (const reminder of byPersonAndKind.values()) reminder.modules.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.moduleId.localeCompare(b.moduleId));
  return [...byPersonAndKind.values()];
}

/**
 * Once per ISO week (Monday to Sunday in the Netherlands), for each trainer of a team with someone
 * late: the late members of their teams, and only theirs. No one late: no mail.
 */
export function trainerDigests(facts: ReminderFacts, now: number): TrainerDigest[] {
  const week = isoWeek(todayLocal(now));
  const lateByPerson = new Map<string, { moduleId: string; dueDate: string }[]>();
  for (const due of facts.dues) {
    if (due.completed || !isPastDue(due.dueDate, now)) continue;
    const list = lateByPerson.get(due.userId) ?? [];
    list.push({ moduleId: due.moduleId, dueDate: due.dueDate });
    lateByPerson.set(due.userId, list);
  }
  const digests = new Map<string, TrainerDigest>();
  for (const team of facts.teams) {
    const people = team.memberIds
      .map((id) => ({ person: facts.people.get(id), modules: lateByPerson.get(id) }))
      .filter((p): p is { person: Person; modules: { moduleId: string; dueDate: string }[] } => p.person?.active === true && p.modules !== undefined)
      .map(({ person, modules }) => ({ name: person.name, modules: [...modules].sort((a, b) => a.dueDate.localeCompare(b.dueDate)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    if (people.length === 0) continue;
    for (const trainerId of team.trainerIds) {
      const trainer = facts.people.get(trainerId);
      if (!mayMail(trainer)) continue;
      let digest = digests.get(trainerId);
      if (!digest) digests.set(trainerId, (digest = { kind: 'weekoverzicht', person: trainer, key: `weekoverzicht:${trainerId}:${week}`, teams: [] }));
      digest.teams.push({ teamId: team.teamId, name: team.name, people });
    }
  }
  return [...digests.values()];
}

/** Days without a review before Herhalen sends a reminder: someone who reviews weekly gets none. */
export const REVIEW_QUIET_DAYS = 7;

/**
 * A learner with questions due in Herhalen who has not reviewed any for REVIEW_QUIET_DAYS days
 * (or never), and had no such mail in those days either: so at most one a week, also across the
 * turn of a week (the key per ISO week keeps parallel runs to one). Keeping up: no mail.
 */
export function reviewReminders(facts: ReminderFacts, now: number): ReviewReminder[] {
  const week = isoWeek(todayLocal(now));
  const quietSince = now - REVIEW_QUIET_DAYS * 86_400_000;
  const reminders: ReviewReminder[] = [];
  for (const review of facts.reviews) {
    const person = facts.people.get(review.userId);
    if (!mayMail(person) || review.dueNow < 1) continue;
    if ((review.lastReviewedAt ?? 0) > quietSince || (review.lastRemindedAt ?? 0) > quietSince) continue;
    reminders.push({ kind: 'herhalen', person, key: `herhalen:${review.userId}:${week}`, dueNow: review.dueNow });
  }
  return reminders;
}

/** Whole days from one local date to another (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO week of a local date, e.g. "2026-W49": weeks begin on Monday; week 1 holds the first Thursday. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The local date `days` after today, for tests and callers that think in dates. */
export function localDateAfter(now: number, days: number): string {
  const d = addDays(localDateOf(now), days);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
