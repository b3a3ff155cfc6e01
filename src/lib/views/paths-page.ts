// The paths page of a team (/team/[team]/leerpaden): the modules a path can hold, the team's
// people, the paths there are (modules in order, who in the team has each and by when, the team's
// assignments), and the page's forms: a new path, assigning one, moving a module up or down,
// changing or deleting a path (after a confirmation step), an assignment's date, withdrawing it.
// Every change redirects back (post/redirect/get); a move comes back to the moved module
// (#m-<path>-<module>). The page only renders this.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import type { FormRefusal, FormSchema, FormValues } from '../http/post-form.ts';
import { seeOther } from '../http/responses.ts';
import { t } from '../i18n/nl.ts';
import { todayLocal } from '../review/calendar.ts';
import {
  deletePath,
  findTeamAssignment,
  listTeamAssignments,
  mayChangePath,
  moveModule,
  pathReach,
  setAssignmentDueDate,
  updatePath,
  withdrawAssignment,
} from '../teams/path-edits.ts';
import { pathHolders, type PathHolder } from '../teams/path-holders.ts';
import { assignPath, createPath, listPaths } from '../teams/paths.ts';
import { mayManageTeams } from '../teams/team-access.ts';
import { listTeamMembers, type Actor } from '../teams/teams.ts';
import { assignForm, deletePathForm, dueDateForm, editPathForm, moveForm, newPathForm, withdrawForm } from './path-forms.ts';

export interface PathView {
  id: string;
  name: string;
  /** The modules in order, by title: "A → B". */
  modules: string;
  steps: { id: string; title: string }[];
  /** May this actor reorder, change or delete it (it reaches no one outside their teams)? */
  mayChange: boolean;
  /** Who in this team has it, and by when. */
  holders: PathHolder[];
  /** This team's assignments of it: to the whole team or to one member. */
  assignments: { id: number; to: string; dueDate: string }[];
}

export interface PathsPage {
  /** The modules a path may hold: the published ones. */
  course: CourseModule[];
  members: Awaited<ReturnType<typeof listTeamMembers>>;
  paths: PathView[];
  /** The earliest due date the assign form accepts. */
  today: string;
  /** `?wijzig=<path>`: the path whose edit form is open. */
  editing?: PathView;
  /** `?verwijder=<path>`: the path whose deletion asks for confirmation, and whom it reaches. */
  deleting?: PathView & { people: number; teams: number };
}

/** `allModules`: the course as getCourse gives it; drafts are left out here. */
export async function loadPathsPage(
  db: Db,
  me: Actor,
  team: { id: string },
  allModules: CourseModule[],
  query = new URLSearchParams(),
  now = Date.now(),
): Promise<PathsPage> {
  const course = allModules.filter((m) => !m.meta.draft);
  const [members, paths] = await Promise.all([listTeamMembers(db, team.id), listPaths(db)]);
  const assignments = await listTeamAssignments(
    db,
    team.id,
    members.map((m) => m.id),
  );
  const holders = await pathHolders(db, team.id, members, assignments, now);
  const titleOf = (id: string) => course.find((m) => m.meta.id === id)?.meta.title ?? allModules.find((m) => m.meta.id === id)?.meta.title ?? id;
  const nameOf = (userId: string | null) => (userId === null ? t.paths.wholeTeam : (members.find((m) => m.id === userId)?.name ?? ''));
  const views: PathView[] = await Promise.all(
    paths.map(async (p) => ({
      id: p.id,
      name: p.name,
      modules: p.moduleIds.map(titleOf).join(' → '),
      steps: p.moduleIds.map((id) => ({ id, title: titleOf(id) })),
      mayChange: await mayChangePath(db, me, p.id),
      holders: holders.get(p.id) ?? [],
      assignments: assignments
        .filter((a) => a.pathId === p.id)
        .map((a) => ({ id: a.id, to: nameOf(a.userId), dueDate: a.dueDate }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.to.localeCompare(b.to)),
    })),
  );
  const editing = views.find((p) => p.id === query.get('wijzig') && p.mayChange);
  const toDelete = views.find((p) => p.id === query.get('verwijder') && p.mayChange);
  const reach = toDelete ? await pathReach(db, toDelete.id) : undefined;
  return {
    course,
    members,
    paths: views,
    today: todayLocal(now),
    editing,
    deleting: toDelete && reach ? { ...toDelete, people: reach.people.length, teams: reach.teams.length } : undefined,
  };
}

type PathsForm =
  | { action: 'pad'; name: string; moduleIds: string[] }
  | { action: 'toewijzen'; pathId: string; to: string; dueDate: string }
  | { action: 'omhoog' | 'omlaag'; pad: string; module: string }
  | { action: 'wijzigen'; pad: string; name: string; moduleIds: string[] }
  | { action: 'verwijderen'; pad: string }
  | { action: 'datum'; toewijzing: number; dueDate: string }
  | { action: 'intrekken'; toewijzing: number };

/** The form that was posted, by its `action`. */
export function pathsFormFor(page: PathsPage): (values: FormValues) => FormSchema<PathsForm> | undefined {
  const known = page.course.map((m) => m.meta.id);
  const forms: Record<string, FormSchema<PathsForm>> = {
    pad: newPathForm(known),
    toewijzen: assignForm,
    omhoog: moveForm,
    omlaag: moveForm,
    wijzigen: editPathForm(known),
    verwijderen: deletePathForm,
    datum: dueDateForm,
    intrekken: withdrawForm,
  };
  return (values) => (typeof values.action === 'string' && Object.hasOwn(forms, values.action) ? forms[values.action] : undefined);
}

const notFound: FormRefusal = { status: 404, message: t.errors.notFoundBody };

/** Does the change and comes back to the page with what was done. Fails closed on every path. */
export async function submitPathsForm(db: Db, me: Actor, team: { id: string }, page: PathsPage, form: PathsForm): Promise<Response | FormRefusal> {
  // The page is for those who manage the team; the route's rule says so too, this is the second lock.
  if (!mayManageTeams(me.role)) return { status: 403, message: t.errors.readOnly };
  const back = (done: string, anchor = '') => seeOther(`/team/${team.id}/leerpaden?klaar=${done}${anchor}`);
  switch (form.action) {
    case 'pad': {
      const id = await createPath(db, { name: form.name, moduleIds: form.moduleIds, createdBy: me.id });
      return back('pad', `#pad-${id}`);
    }
    case 'toewijzen': {
      const { pathId, to, dueDate } = form;
      // A path or person outside this team: refuse rather than assign across teams.
      if (!page.paths.some((p) => p.id === pathId) || (to !== 'team' && !page.members.some((m) => m.id === to))) return notFound;
      await assignPath(db, to === 'team' ? { pathId, dueDate, assignedBy: me.id, teamId: team.id } : { pathId, dueDate, assignedBy: me.id, userId: to });
      return back('toegewezen', `#pad-${pathId}`);
    }
    case 'datum':
    case 'intrekken': {
      const assignment = await findTeamAssignment(db, team.id, form.toewijzing);
      if (!assignment) return notFound;
      if (form.action === 'datum') await setAssignmentDueDate(db, assignment.id, form.dueDate);
      else await withdrawAssignment(db, assignment.id);
      return back(form.action === 'datum' ? 'datum' : 'ingetrokken', `#pad-${assignment.pathId}`);
    }
  }
  // The rest changes the path itself: only when it reaches no one outside the actor's teams.
  if (!page.paths.some((p) => p.id === form.pad)) return notFound;
  if (!(await mayChangePath(db, me, form.pad))) return { status: 403, message: t.paths.notYours };
  switch (form.action) {
    case 'omhoog':
    case 'omlaag': {
      const moved = await moveModule(db, form.pad, form.module, form.action);
      if (moved === 'unknown') return notFound;
      if (moved === 'edge') return { status: 409, message: form.action === 'omhoog' ? t.paths.alreadyFirst : t.paths.alreadyLast };
      return back('verplaatst', `#m-${form.pad}-${form.module}`);
    }
    case 'wijzigen': {
      if ((await updatePath(db, form.pad, { name: form.name, moduleIds: form.moduleIds })) !== 'changed') return notFound;
      return back('gewijzigd', `#pad-${form.pad}`);
    }
    case 'verwijderen':
      if (!(await deletePath(db, form.pad))) return notFound;
      return back('verwijderd');
  }
}

/** The message after a redirect (`?klaar=…`). */
export function pathsDoneMessage(done: string | null): string | undefined {
  const messages: Record<string, string> = {
    pad: t.paths.createdPath,
    toegewezen: t.paths.assigned,
    verplaatst: t.paths.moved,
    gewijzigd: t.paths.changed,
    verwijderd: t.paths.deleted,
    datum: t.paths.dateChanged,
    ingetrokken: t.paths.withdrawn,
  };
  return done !== null && Object.hasOwn(messages, done) ? messages[done] : undefined;
}
