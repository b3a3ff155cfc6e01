// Every request passes here: security headers, the cross-site guard, the session and the role
// check. Routes never decide access themselves; src/lib/auth/roles.ts holds the rules.
import { defineMiddleware, sequence } from 'astro:middleware';
import { decideAccess } from './lib/auth/roles.ts';
import { validateSessionToken } from './lib/auth/session.ts';
import { getDb, resetDatabaseConnections } from './lib/db.ts';
import { isDatabaseBusy } from './lib/http/database-busy.ts';
import { isCrossSiteRequest } from './lib/http/same-origin.ts';
import { withSecurityHeaders } from './lib/http/security-headers.ts';
import { deleteSessionCookie, isSecureRequest, SESSION_COOKIE, setSessionCookie } from './lib/http/session-cookie.ts';
import { t } from './lib/i18n/nl.ts';

const securityHeaders = defineMiddleware(async (_context, next) => withSecurityHeaders(await next()));

/**
 * A busy database (another process held the write lock past the busy timeout) is a 503 with a
 * Dutch message, not a crash: nothing was written and trying again works.
 */
const databaseBusy = defineMiddleware(async ({ url }, next) => {
  try {
    return await next();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    await resetDatabaseConnections();
    const headers = { 'retry-after': '2' };
    if (url.pathname.startsWith('/api/')) return new Response(JSON.stringify({ error: t.errors.busy }), { status: 503, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    return new Response(t.errors.busy, { status: 503, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  }
});

const sameOrigin = defineMiddleware(async ({ request, url }, next) => {
  if (isCrossSiteRequest(request, url)) {
    return new Response(t.errors.crossSite, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return next();
});

const session = defineMiddleware(async ({ cookies, locals, url, request, isPrerendered }, next) => {
  locals.user = null;
  locals.session = null;
  if (isPrerendered) return next();
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const secure = isSecureRequest(url, request.headers);
    const result = await validateSessionToken(await getDb(), token);
    if (result.session) {
      locals.user = result.user;
      locals.session = result.session;
      if (result.renewed) setSessionCookie(cookies, token, result.session.expiresAt, secure);
    } else {
      deleteSessionCookie(cookies, secure);
    }
  }
  return next();
});

const roleGuard = defineMiddleware(async (context, next) => {
  const { url, locals } = context;
  // The route that will render, not the URL: see src/lib/auth/roles.ts.
  const decision = decideAccess(context.routePattern, locals.user?.role ?? null);
  if (decision === 'allow') return next();
  const isApi = url.pathname.startsWith('/api/');
  if (decision === 'sign-in') {
    if (isApi) return jsonError(t.errors.signInFirst, 401);
    const back = url.pathname + url.search;
    return context.redirect(`/inloggen?terug=${encodeURIComponent(back)}`, 302);
  }
  if (isApi) return jsonError(t.errors.forbidden, 403);
  const page = await context.rewrite('/geen-toegang');
  return new Response(page.body, { status: 403, headers: page.headers });
});

function jsonError(message: string, status: number): Response {
  return new Response(JSON.stringify({ error: message }), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

export const onRequest = sequence(securityHeaders, databaseBusy, sameOrigin, session, roleGuard);
