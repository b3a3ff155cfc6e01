// The teams page (/team): the teams a trainer or admin manages with their size, the modules to
// analyse, and for an admin the most forgotten questions; and its two forms, a new team and (for
// an admin) a quick invitation of one account. The page only shows what this returns.
import { z } from 'astro/zod';
import type { Db } from '../../../db/client.ts';
import { createInvitation } from '../auth/invitation.ts';
import type { CourseModule } from '../content/course.ts';
import { invitationFormSchema } from '../forms/auth-forms.ts';
import type { FormRefusal, FormSchema, FormValues } from '../http/post-form.ts';
import { seeOther } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';
import { getMostForgottenQuestions } from '../reports/review-health.ts';
import { createTeam, listManagedTeams, listTeamMembers, type Actor } from '../teams/teams.ts';

export interface TeamsOverview {
  teams: { id: string; name: string; members: number }[];
  course: CourseModule[];
  isAdmin: boolean;
  forgotten: Awaited<ReturnType<typeof getMostForgottenQuestions>>;
}

/** `course`: every module, drafts included (they can be previewed and analysed). */
export async function loadTeamsOverview(db: Db, me: Actor, course: CourseModule[]): Promise<TeamsOverview> {
  const teams = await listManagedTeams(db, me);
  const members = await Promise.all(teams.map(async (team) => (await listTeamMembers(db, team.id)).length));
  const isAdmin = me.role === 'admin';
  const questionIds = course.flatMap((m) => m.questions.map((q) => q.id));
  const forgotten = isAdmin ? await getMostForgottenQuestions(db, 10, undefined, questionIds) : [];
  return { teams: teams.map((team, index) => ({ ...team, members: members[index] })), course, isAdmin, forgotten };
}

const newTeamForm = z.object({
  action: z.literal('team'),
  name: z
    .string()
    .trim()
    .min(2, { error: t.validation.tooShort(2) })
    .max(80, { error: t.validation.tooLong(80) }),
});
const inviteForm = invitationFormSchema.extend({ action: z.literal('invite') });

export type TeamsForm = z.infer<typeof newTeamForm> | z.infer<typeof inviteForm>;

/** The form that was posted, by its `action`; the invitation is for admins only. */
export function teamsFormFor(me: Actor): (values: FormValues) => FormSchema<TeamsForm> | undefined {
  return (values) => (values.action === 'team' ? newTeamForm : values.action === 'invite' && me.role === 'admin' ? inviteForm : undefined);
}

/** A new team opens at once; a new invitation stays here and shows its link to copy. */
export async function submitTeamsForm(
  db: Db,
  me: Actor,
  form: TeamsForm,
  site: URL,
): Promise<Response | FormRefusal | { invited: { email: string; link: string } }> {
  if (form.action === 'team') return seeOther(`/team/${await createTeam(db, form.name, me)}`);
  const result = await createInvitation(db, { email: form.email, role: form.role, createdBy: me.id });
  if (!result.ok) return { status: 409, message: t.team.inviteExists };
  return { invited: { email: form.email, link: new URL(`/uitnodiging/${result.token}`, site).href } };
}
