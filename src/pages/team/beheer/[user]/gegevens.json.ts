// Admin: a professional's data on their request (AVG). The role guard allows admins only.
import type { APIRoute } from 'astro';
import { getDb } from '../../../../lib/db.ts';
import { requireRole } from '../../../../lib/http/require-user.ts';
import { jsonDownload, text } from '../../../../lib/http/responses.ts';
import { t } from '../../../../lib/i18n/nl.ts';
import { logAudit } from '../../../../lib/privacy/delete-account.ts';
import { exportUserData } from '../../../../lib/privacy/export-data.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const me = requireRole(locals, 'admin');
  const db = await getDb();
  const data = await exportUserData(db, params.user ?? '');
  if (!data) return text(t.errors.notFoundBody, 404);
  await logAudit(db, { actorId: me.id, action: 'gegevens-gedownload', subjectId: data.account.id });
  return jsonDownload(data, `gegevens-${data.account.id}.json`);
};
