// Everything the team's CSV export needs, read at once: the team table (getTeamProgress), the
// paths of its people and their study time and last activity per module. export.csv.ts only
// checks access and sends the file.
import type { Db } from '../../../db/client.ts';
import type { CourseModule } from '../content/course.ts';
import { getPathsOfPeople } from '../progress/path-due-dates.ts';
import { listTeamMembers } from '../teams/teams.ts';
import { teamProgressCsv } from './progress-csv.ts';
import { getTeamActivity } from './team-activity.ts';
import { getTeamProgress } from './team-progress.ts';

export async function teamExportCsv(db: Db, team: { id: string; name: string }, course: CourseModule[], now = Date.now()): Promise<string> {
  const members = await listTeamMembers(db, team.id);
  const ids = members.map((m) => m.id);
  const [rows, paths, activity] = await Promise.all([
    getTeamProgress(
      db,
      members,
      course.map((m) => m.outline),
      now,
    ),
    getPathsOfPeople(db, ids),
    getTeamActivity(
      db,
      ids,
      course.map((m) => m.meta.id),
    ),
  ]);
  return teamProgressCsv(team.name, course, rows, { paths, activity });
}
