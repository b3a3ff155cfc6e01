// How the site says no to a request without the right session or role: for the API a JSON error
// (401, 403), for a page the way to the login (back here afterwards) or the 403 page. The role
// guard in src/middleware.ts answers with this, both for its own decision and for an
// AccessRefused a route threw (src/lib/http/require-user.ts), so the two cannot drift apart.
import { t } from '../i18n/nl.ts';
import type { Refusal } from './require-user.ts';
import { json, text } from './responses.ts';

/** The parts of Astro's context this needs (tests pass their own). */
export interface RefusalContext {
  url: URL;
  redirect(path: string, status?: 302): Response;
  rewrite(path: string): Promise<Response>;
}

export async function refuseAccess(refusal: Refusal, context: RefusalContext): Promise<Response> {
  const { url } = context;
  const isApi = url.pathname.startsWith('/api/');
  if (refusal === 'sign-in') {
    if (isApi) return json({ error: t.errors.signInFirst }, 401);
    return context.redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}`, 302);
  }
  if (isApi) return json({ error: t.errors.forbidden }, 403);
  let page: Response;
  try {
    page = await context.rewrite('/geen-toegang');
  } catch {
    // A route that read its form before refusing cannot be rewritten (Astro will not resend the
    // body): the refusal still stands, in plain words.
    return text(t.errors.forbidden, 403);
  }
  return new Response(page.body, { status: 403, headers: page.headers });
}
