import type { APIRoute } from 'astro';
import { invalidateSession } from '../lib/auth/session.ts';
import { getDb } from '../lib/db.ts';
import { deleteSessionCookie, isSecureRequest } from '../lib/http/session-cookie.ts';

export const POST: APIRoute = async ({ locals, cookies, url, request, redirect }) => {
  if (locals.session) await invalidateSession(await getDb(), locals.session.id);
  deleteSessionCookie(cookies, isSecureRequest(url, request.headers));
  return redirect('/inloggen?uitgelogd', 303);
};
