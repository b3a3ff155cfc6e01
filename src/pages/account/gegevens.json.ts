// A professional's own data as a download (AVG right of access).
import type { APIRoute } from 'astro';
import { getDb } from '../../lib/db.ts';
import { requireUser } from '../../lib/http/require-user.ts';
import { jsonDownload } from '../../lib/http/responses.ts';
import { logAudit } from '../../lib/privacy/delete-account.ts';
import { exportUserData } from '../../lib/privacy/export-data.ts';

export const GET: APIRoute = async ({ locals }) => {
  const user = requireUser(locals);
  const db = await getDb();
  const data = await exportUserData(db, user.id);
  await logAudit(db, { actorId: user.id, action: 'gegevens-gedownload', subjectId: user.id });
  return jsonDownload(data, 'mijn-gegevens-leergang-toegang.json');
};
