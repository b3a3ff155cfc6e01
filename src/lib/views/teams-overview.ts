// The teams page (/team): the teams a trainer or admin manages (a teamleader: leads) with their
// size, the modules to analyse, and for an admin the most forgotten questions; and its one form, a
// new team. Administration (accounts, a quick invitation) has its own page, /team/beheer. The page
// only shows what this returns.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import type { FormRefusal, FormSchema, FormValues } from '../http/post-form.ts';
import { seeOther } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';
import { getMostForgottenQuestions } from '../reports/review-health.ts';
import { mayManageTeams } from '../teams/team-access.ts';
import { createTeam, listTeamMembers, listViewableTeams, type Actor } from '../teams/teams.ts';

export interface TeamsOverview {
  teams: { id: string; name: string; members: number }[];
  /** The modules to analyse and preview; none for a teamleader, who only reads their teams. */
  course: CourseModule[];
  isAdmin: boolean;
  /** May make a team and analyse modules (trainer, admin); a teamleader may not. */
  mayManage: boolean;
  forgotten: Awaited<ReturnType<typeof getMostForgottenQuestions>>;
}

/** `course`: every module, drafts included (they can be previewed and analysed). */
export async function loadTeamsOverview(db: Db, me: Actor, course: CourseModule[]): Promise<TeamsOverview> {
  const teams = await listViewableTeams(db, me);
  const members = await Promise.all(teams.map(async (team) => (await listTeamMembers(db, team.id)).length));
  const isAdmin = me.role === 'admin';
  const mayManage = mayManageTeams(me.role);
  const questionIds = course.flatMap((m) => m.questions.map((q) => q.id));
  const forgotten = isAdmin ? await getMostForgottenQuestions(db, 10, undefined, questionIds) : [];
  return { teams: teams.map((team, index) => ({ ...team, members: members[index] })), course: mayManage ? course : [], isAdmin, mayManage, forgotten };
}

/** Someone who may not make teams (a teamleader) gets 403 for any post here, unread. */
export function teamsFormRefusal(me: Actor): FormRefusal | undefined {
  return mayManageTeams(me.role) ? undefined : { status: 403, message: t.errors.readOnly };
}

const newTeamForm = z.object({
  action: z.literal('team'),
  name: z
    .string()
    .trim()
    .min(2, { error: t.validation.tooShort(2) })
    .max(80, { error: t.validation.tooLong(80) }),
});
export type TeamsForm = z.infer<typeof newTeamForm>;

/** The form that was posted, by its `action`. */
export function teamsFormFor(): (values: FormValues) => FormSchema<TeamsForm> | undefined {
  return (values) => (values.action === 'team' ? newTeamForm : undefined);
}

/** A new team opens at once. */
export async function submitTeamsForm(db: Db, me: Actor, form: TeamsForm): Promise<Response | FormRefusal> {
  if (!mayManageTeams(me.role)) return { status: 403, message: t.errors.readOnly };
  return seeOther(`/team/${await createTeam(db, form.name, me)}`);
}
