// The team's progress as a CSV file with Dutch column names.
import type { APIRoute } from 'astro';
import { getCourse } from '../../../lib/content/course.ts';
import { getDb } from '../../../lib/db.ts';
import { t } from '../../../lib/i18n/nl.ts';
import { toCsv } from '../../../lib/reports/progress-csv.ts';
import { getTeamProgress } from '../../../lib/reports/team-progress.ts';
import { todayLocal } from '../../../lib/teams/paths.ts';
import { loadManagedTeam } from '../../../lib/teams/load-team.ts';
import { listTeamMembers } from '../../../lib/teams/teams.ts';
import { requireRole } from '../../../lib/http/require-user.ts';

const HEADER = ['Naam', 'E-mailadres', 'Team', 'Module', 'Status', 'Toetspogingen', 'Beste gehaalde toetsscore (%)', 'Afgerond op', 'Afgerond vóór de toets', 'Versie bij afronding', 'Huidige versie'];

export const GET: APIRoute = async ({ params, locals }) => {
  const db = await getDb();
  const team = await loadManagedTeam(db, requireRole(locals, 'trainer', 'admin'), params.team);
  if (!team) return new Response(t.errors.notFoundBody, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const course = (await getCourse()).filter((m) => !m.meta.draft);
  const members = await listTeamMembers(db, team.id);
  const rows = await getTeamProgress(db, members, team.id, course.map((m) => m.outline));
  const statusLabel = { ...t.status, 'te-laat': t.myPaths.overdue };
  const date = (ms: number | null) => (ms === null ? '' : new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms));
  const lines = rows.flatMap((row) =>
    course.map((mod) => {
      const cell = row.cells.get(mod.meta.id)!;
      return [
        row.name,
        row.email,
        team.name,
        mod.meta.title,
        statusLabel[cell.status],
        cell.toetsAttempts,
        cell.bestPassedToets === null ? '' : Math.round(cell.bestPassedToets * 100),
        date(cell.completedAt),
        cell.completedBeforeToets ? 'ja' : '',
        cell.completedVersion ?? '',
        mod.meta.version,
      ];
    }),
  );
  const fileName = `voortgang-${team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team'}-${todayLocal(Date.now())}.csv`;
  return new Response(toCsv(HEADER, lines), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
};
