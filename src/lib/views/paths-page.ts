// The paths page of a team (/team/[team]/leerpaden): the modules a path can hold, the team's
// people, the paths there are (with their modules by title), and the page's two forms: a new
// path, and assigning a path to the team or one person in it. The page only renders this.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import type { FormRefusal, FormSchema, FormValues } from '../http/post-form.ts';
import { seeOther } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';
import { assignForm, newPathForm } from './path-forms.ts';
import { todayLocal } from '../review/calendar.ts';
import { assignPath, createPath, listPaths } from '../teams/paths.ts';
import { listTeamMembers, type Actor } from '../teams/teams.ts';

export interface PathsPage {
  /** The modules a path may hold: the published ones. */
  course: CourseModule[];
  members: Awaited<ReturnType<typeof listTeamMembers>>;
  paths: { id: string; name: string; modules: string }[];
  /** The earliest due date the assign form accepts. */
  today: string;
}

/** `allModules`: the course as getCourse gives it; drafts are left out here. */
export async function loadPathsPage(db: Db, team: { id: string }, allModules: CourseModule[], now = Date.now()): Promise<PathsPage> {
  const course = allModules.filter((m) => !m.meta.draft);
  const [members, paths] = await Promise.all([listTeamMembers(db, team.id), listPaths(db)]);
  const titleOf = (id: string) => course.find((m) => m.meta.id === id)?.meta.title ?? id;
  return { course, members, paths: paths.map((p) => ({ id: p.id, name: p.name, modules: p.moduleIds.map(titleOf).join(' → ') })), today: todayLocal(now) };
}

type PathsForm = { action: 'pad'; name: string; moduleIds: string[] } | { action: 'toewijzen'; pathId: string; to: string; dueDate: string };

/** The form that was posted, by its `action`. */
export function pathsFormFor(page: PathsPage): (values: FormValues) => FormSchema<PathsForm> | undefined {
  const newPath = newPathForm(page.course.map((m) => m.meta.id));
  return (values) => (values.action === 'pad' ? newPath : values.action === 'toewijzen' ? assignForm : undefined);
}

/** Saves the path or the assignment and comes back to the page with what was done. */
export async function submitPathsForm(db: Db, me: Actor, team: { id: string }, page: PathsPage, form: PathsForm): Promise<Response | FormRefusal> {
  if (form.action === 'pad') {
    await createPath(db, { name: form.name, moduleIds: form.moduleIds, createdBy: me.id });
    return seeOther(`/team/${team.id}/leerpaden?klaar=pad`);
  }
  const { pathId, to, dueDate } = form;
  // A path or person outside this team: refuse rather than assign across teams.
  if (!page.paths.some((p) => p.id === pathId) || (to !== 'team' && !page.members.some((m) => m.id === to)))
    return { status: 404, message: t.errors.notFoundBody };
  await assignPath(db, to === 'team' ? { pathId, dueDate, assignedBy: me.id, teamId: team.id } : { pathId, dueDate, assignedBy: me.id, userId: to });
  return seeOther(`/team/${team.id}/leerpaden?klaar=toegewezen`);
}
