// Admin: delete a professional's account on their request (AVG).
import type { APIRoute } from 'astro';
import { getDb } from '../../../../lib/db.ts';
import { t } from '../../../../lib/i18n/nl.ts';
import { deleteAccount } from '../../../../lib/privacy/delete-account.ts';

export const POST: APIRoute = async ({ params, locals, redirect }) => {
  const me = locals.user!;
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (params.user === me.id) return text(t.admin.cannotDeleteSelf, 400);
  const deleted = await deleteAccount(await getDb(), { userId: params.user ?? '', actorId: me.id });
  if (!deleted) return text(t.errors.notFoundBody, 404);
  return redirect('/team/beheer?verwijderd', 303);
};
