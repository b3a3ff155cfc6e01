// Admin: delete a professional's account on their request (AVG).
import type { APIRoute } from 'astro';
import { getDb } from '../../../../lib/db.ts';
import { requireRole } from '../../../../lib/http/require-user.ts';
import { text } from '../../../../lib/http/responses.ts';
import { t } from '../../../../lib/i18n/nl.ts';
import { deleteAccount } from '../../../../lib/privacy/delete-account.ts';

export const POST: APIRoute = async ({ params, locals, redirect }) => {
  const me = requireRole(locals, 'admin');
  if (params.user === me.id) return text(t.admin.cannotDeleteSelf, 400);
  const deleted = await deleteAccount(await getDb(), { userId: params.user ?? '', actorId: me.id });
  if (!deleted) return text(t.errors.notFoundBody, 404);
  return redirect('/team/beheer?verwijderd', 303);
};
