// Admin: a professional's data on their request (AVG). The role guard allows admins only.
import type { APIRoute } from 'astro';
import { getDb } from '../../../../lib/db.ts';
import { t } from '../../../../lib/i18n/nl.ts';
import { logAudit } from '../../../../lib/privacy/delete-account.ts';
import { exportUserData } from '../../../../lib/privacy/export-data.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const db = await getDb();
  const data = await exportUserData(db, params.user ?? '');
  if (!data) return new Response(t.errors.notFoundBody, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  await logAudit(db, { actorId: locals.user!.id, action: 'gegevens-gedownload', subjectId: data.account.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="gegevens-${data.account.id}.json"`,
      'cache-control': 'no-store',
    },
  });
};
