// The team's progress as a CSV file with Dutch column names (team-export.ts reads it, progress-csv.ts
// writes it). For the team's trainers, admins and the team's teamleider (reading only).
import type { APIRoute } from 'astro';
import { getCourse } from '../../../lib/content/course.ts';
import { getDb } from '../../../lib/db.ts';
import { t } from '../../../lib/i18n/nl.ts';
import { teamProgressFileName } from '../../../lib/reports/progress-csv.ts';
import { teamExportCsv } from '../../../lib/reports/team-export.ts';
import { loadViewableTeam } from '../../../lib/teams/load-team.ts';
import { requireRole } from '../../../lib/http/require-user.ts';
import { csvDownload, text } from '../../../lib/http/responses.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const db = await getDb();
  const team = await loadViewableTeam(db, requireRole(locals, 'trainer', 'admin', 'teamleader'), params.team);
  if (!team) return text(t.errors.notFoundBody, 404);
  const course = (await getCourse()).filter((m) => !m.meta.draft);
  const now = Date.now();
  return csvDownload(await teamExportCsv(db, team, course, now), teamProgressFileName(team.name, now));
};
