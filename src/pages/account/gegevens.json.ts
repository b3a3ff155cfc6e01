import type { APIRoute } from 'astro';
import { getDb } from '../../lib/db.ts';
import { logAudit } from '../../lib/privacy/delete-account.ts';
import { exportUserData } from '../../lib/privacy/export-data.ts';

export const GET: APIRoute = async ({ locals }) => {
  const db = await getDb();
  const user = locals.user!;
  const data = await exportUserData(db, user.id);
  await logAudit(db, { actorId: user.id, action: 'gegevens-gedownload', subjectId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="mijn-gegevens-leergang-toegang.json"',
      'cache-control': 'no-store',
    },
  });
};
