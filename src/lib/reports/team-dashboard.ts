// What a team's dashboard shows (src/pages/team/[team]/index.astro): the professional × module
// table with its filters and sorting, the charts, reviews and completions on older versions. The
// page only loads the team and the course and renders this.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import { shortTitleOf } from '../content/short-title.ts';
import { compareDutch, formatDayMonth, t } from '../i18n/nl.ts';
import { MODULE_STATUSES } from '../progress/module-status.ts';
import { getPathsOfPeople } from '../progress/path-due-dates.ts';
import { summarisePaths } from './path-summary.ts';
import { listPaths } from '../teams/paths.ts';
import { listTeamMembers, listTeamTrainers } from '../teams/teams.ts';
import { cachedReport } from './report-cache.ts';
import { getMostForgottenQuestions, getOverdueReviewsPerPerson } from './review-health.ts';
import { getTeamCompletionsOverTime, getTeamProgress, type TeamProgressRow } from './team-progress.ts';

export type DashboardSort = 'naam' | 'voortgang';

export async function getTeamDashboard(db: Db, team: { id: string; name: string }, course: CourseModule[], params: URLSearchParams, now = Date.now()) {
  const members = await listTeamMembers(db, team.id);
  // The over-time chart follows one onboarding path when chosen, else all modules.
  const paths = await listPaths(db);
  const chosenPath = paths.find((p) => p.id === params.get('leerpad'));
  const chartModuleIds = chosenPath ? chosenPath.moduleIds : course.map((m) => m.meta.id);
  const memberIds = members.map((m) => m.id);
  const questionIds = course.flatMap((m) => m.questions.map((q) => q.id));
  // The same for every trainer of the team until someone writes: see report-cache.ts.
  const [rows, overdue, forgotten, overTime, trainers, pathsOfPeople] = await cachedReport(
    db,
    `team\u0000${team.id}\u0000${chartModuleIds.join(',')}`,
    () =>
      Promise.all([
        getTeamProgress(
          db,
          members,
          course.map((m) => m.outline),
          now,
        ),
        getOverdueReviewsPerPerson(db, now, memberIds, questionIds),
        getMostForgottenQuestions(db, 10, memberIds, questionIds),
        getTeamCompletionsOverTime(db, team.id, chartModuleIds, 12, now),
        listTeamTrainers(db, team.id),
        getPathsOfPeople(db, memberIds),
      ]),
    now,
  );

  const filterStatus = MODULE_STATUSES.find((s) => s === params.get('status'));
  const filterModule = course.find((m) => m.meta.id === params.get('module'))?.meta.id;
  const sort: DashboardSort = params.get('sorteer') === 'voortgang' ? 'voortgang' : 'naam';
  const shownModules = filterModule ? course.filter((m) => m.meta.id === filterModule) : course;
  const completedCount = (row: TeamProgressRow) => [...row.cells.values()].filter((c) => c.status === 'afgerond').length;
  const shownRows = rows
    .filter((row) => !filterStatus || shownModules.some((m) => row.cells.get(m.meta.id)?.status === filterStatus))
    .map((row) => ({ ...row, completed: completedCount(row), path: summarisePaths(pathsOfPeople.get(row.userId) ?? [], row.cells) }))
    .sort((a, b) => (sort === 'voortgang' ? b.completed - a.completed : 0) || compareDutch(a.name, b.name));

  const bars = course.map((mod) => {
    const done = rows.filter((r) => r.cells.get(mod.meta.id)?.status === 'afgerond').length;
    const pct = rows.length === 0 ? 0 : (done / rows.length) * 100;
    // The short name on the chart, where space is short; the full title in its text and its table.
    return {
      label: shortTitleOf(mod.meta),
      title: mod.meta.title,
      value: pct,
      text: t.dashboard.completedChartLabel(mod.meta.title, Math.round(pct), done, rows.length),
      done,
    };
  });
  // As a share of everything the path asks of the team: members × modules.
  const possible = Math.max(1, members.length * chartModuleIds.length);
  const points = overTime.map((b) => ({ label: formatDayMonth(b.weekStart), value: Math.round((b.cumulative / possible) * 100) }));
  const overTimeTitle = chosenPath ? t.dashboard.pathOverTime(chosenPath.name) : t.dashboard.overTimeChart;
  const older = rows.flatMap((row) =>
    course
      .filter((mod) => {
        const cell = row.cells.get(mod.meta.id);
        return cell?.completedVersion && cell.completedVersion !== mod.meta.version;
      })
      .map((mod) => ({ name: row.name, module: mod.meta.title, version: row.cells.get(mod.meta.id)!.completedVersion!, current: mod.meta.version })),
  );

  return {
    rows,
    shownRows,
    shownModules,
    statuses: MODULE_STATUSES,
    filterStatus,
    filterModule,
    sort,
    overdue,
    forgotten,
    trainers,
    paths,
    chosenPath,
    bars,
    points,
    overTimeTitle,
    older,
  };
}
