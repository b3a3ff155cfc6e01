// The team's progress as a CSV file with Dutch column names (progress-csv.ts writes it). For the
// team's trainers, admins and the team's teamleader (reading only).
import type { APIRoute } from 'astro';
import { getCourse } from '../../../lib/content/course.ts';
import { getDb } from '../../../lib/db.ts';
import { t } from '../../../lib/i18n/nl.ts';
import { teamProgressCsv, teamProgressFileName } from '../../../lib/reports/progress-csv.ts';
import { getTeamProgress } from '../../../lib/reports/team-progress.ts';
import { loadViewableTeam } from '../../../lib/teams/load-team.ts';
import { listTeamMembers } from '../../../lib/teams/teams.ts';
import { requireRole } from '../../../lib/http/require-user.ts';
import { csvDownload, text } from '../../../lib/http/responses.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const db = await getDb();
  const team = await loadViewableTeam(db, requireRole(locals, 'trainer', 'admin', 'teamleader'), params.team);
  if (!team) return text(t.errors.notFoundBody, 404);
  const course = (await getCourse()).filter((m) => !m.meta.draft);
  const members = await listTeamMembers(db, team.id);
  const now = Date.now();
  const rows = await getTeamProgress(
    db,
    members,
    course.map((m) => m.outline),
    now,
  );
  return csvDownload(teamProgressCsv(team.name, course, rows), teamProgressFileName(team.name, now));
};
