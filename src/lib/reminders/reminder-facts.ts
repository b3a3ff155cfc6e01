// Reads what due-reminders.ts decides from: the due dates of everyone with a learning path (the
// same rule as their progress page and the dashboard: progress/path-due-dates.ts), what they
// completed, the teams with their trainers and members, who waits in Herhalen, and who may be mailed.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { jsonList } from '../../../db/prepared.ts';
import { getDueDates } from '../progress/path-due-dates.ts';
import type { ModuleDue, Person, ReminderFacts, ReviewsWaiting, TeamFacts } from './due-reminders.ts';

/** `reviewQuestionIds`: the questions of the current course (a review of a removed question does not count). */
export async function readReminderFacts(db: Db, now: number, reviewQuestionIds: readonly string[]): Promise<ReminderFacts> {
  const targeted = (
    await db.all<{ userId: string }>(sql`
      SELECT user_id AS userId FROM path_assignments WHERE user_id IS NOT NULL
      UNION
      SELECT tm.user_id FROM team_members tm JOIN path_assignments pa ON pa.team_id = tm.team_id WHERE tm.role = 'member'`)
  ).map((r) => r.userId);
  const moduleIds = (
    await db.all<{ moduleId: string }>(sql`SELECT DISTINCT step.value AS moduleId FROM learning_paths JOIN json_each(learning_paths.module_ids) AS step`)
  ).map((r) => r.moduleId);
  const dueDates = await getDueDates(db, targeted, moduleIds);
  const completed = new Set(
    (
      await db.all<{ userId: string; moduleId: string }>(
        sql`SELECT user_id AS userId, module_id AS moduleId FROM module_completions WHERE user_id IN (SELECT value FROM json_each(${jsonList(targeted)}))`,
      )
    ).map((r) => `${r.userId}\n${r.moduleId}`),
  );
  const dues: ModuleDue[] = [];
  for (const [userId, modules] of dueDates) {
    for (const [moduleId, dueDate] of modules) dues.push({ userId, moduleId, dueDate, completed: completed.has(`${userId}\n${moduleId}`) });
  }

  const memberships = await db.all<{ teamId: string; name: string; userId: string; role: string }>(
    sql`SELECT t.id AS teamId, t.name AS name, tm.user_id AS userId, tm.role AS role FROM teams t JOIN team_members tm ON tm.team_id = t.id ORDER BY t.name, t.id`,
  );
  const teams = new Map<string, TeamFacts>();
  for (const row of memberships) {
    let team = teams.get(row.teamId);
    if (!team) teams.set(row.teamId, (team = { teamId: row.teamId, name: row.name, trainerIds: [], memberIds: [] }));
    (row.role === 'trainer' ? team.trainerIds : team.memberIds).push(row.userId);
  }

  // Herhalen: per person with a question of the course due now, the count, their last review (of
  // any question: someone who reviews keeps up, whatever the question) and their last such mail.
  const reviews = await db.all<ReviewsWaiting>(sql`
    SELECT r.user_id AS userId, count(*) AS dueNow,
        (SELECT max(reviewed_at) FROM review_items WHERE user_id = r.user_id) AS lastReviewedAt,
        (SELECT max(claimed_at) FROM reminders_sent WHERE user_id = r.user_id AND key LIKE 'herhalen:%') AS lastRemindedAt
      FROM review_items r
      WHERE r.due_at <= ${now} AND r.question_id IN (SELECT value FROM json_each(${jsonList(reviewQuestionIds)}))
      GROUP BY r.user_id`);

  const ids = [...new Set([...targeted, ...memberships.map((m) => m.userId), ...reviews.map((r) => r.userId)])];
  const rows = await db.all<{ userId: string; email: string; name: string; active: number; optedOut: number }>(sql`
    SELECT u.id AS userId, u.email AS email, u.name AS name, u.active AS active, (o.user_id IS NOT NULL) AS optedOut
      FROM users u LEFT JOIN reminder_opt_outs o ON o.user_id = u.id
      WHERE u.id IN (SELECT value FROM json_each(${jsonList(ids)}))`);
  const people = new Map<string, Person>(
    rows.map((r) => [r.userId, { userId: r.userId, email: r.email, name: r.name, active: Boolean(r.active), optedOut: Boolean(r.optedOut) }]),
  );
  return {
    people,
    dues,
    teams: [...teams.values()],
    reviews: reviews.map((r) => ({
      userId: r.userId,
      dueNow: Number(r.dueNow),
      lastReviewedAt: numberOrNull(r.lastReviewedAt),
      lastRemindedAt: numberOrNull(r.lastRemindedAt),
    })),
  };
}

const numberOrNull = (value: number | null): number | null => (value === null ? null : Number(value));
