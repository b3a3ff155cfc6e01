// Every request passes here: security headers, the cross-site guard, the session and the role
// check. Routes never decide access themselves; src/lib/auth/roles.ts holds the rules (a route's
// requireUser/requireRole, src/lib/http/require-user.ts, is a typed second line, answered here).
import type { APIContext } from 'astro';
import { defineMiddleware, sequence } from 'astro:middleware';
import { decideAccess, isEditorRoute } from './lib/auth/roles.ts';
import { validateSessionToken } from './lib/auth/session.ts';
import { getDb, resetDatabaseConnections } from './lib/db.ts';
import { isDatabaseBusy } from '../db/database-busy.ts';
import { refuseAccess } from './lib/http/refuse-access.ts';
import { refusalOf } from './lib/http/require-user.ts';
import { json, text } from './lib/http/responses.ts';
import { isEditorSave, refuseBrokenEditorSave } from './lib/http/editor-save-check.ts';
import { isCrossSiteRequest } from './lib/http/same-origin.ts';
import { withSecurityHeaders } from './lib/http/security-headers.ts';
import { deleteSessionCookie, isSecureRequest, SESSION_COOKIE, setSessionCookie } from './lib/http/session-cookie.ts';
import { pruneWhenDue } from './lib/privacy/retention-schedule.ts';
import { remindWhenDue } from './lib/reminders/app-schedule.ts';
import { t } from './lib/i18n/nl.ts';

// Every rendered response: security headers, HSTS over HTTPS, and no-store (the cache rule is in
// security-headers.ts). Static files get theirs from the server entry (src/server-entry.ts).
// A prerendered page is built without a request (its headers cannot be read then); it is served
// as a static file and gets its headers there.
// The content editor (development server only) gets its own CSP (EDITOR_CSP), and only for those
// it lets in: a refusal on an editor path keeps the site's CSP.
const securityHeaders = defineMiddleware(async ({ url, request, isPrerendered, routePattern, locals }, next) => {
  const response = await next();
  const editor = isEditorRoute(routePattern) && decideAccess(routePattern, locals.user?.role ?? null) === 'allow';
  return withSecurityHeaders(response, !isPrerendered && isSecureRequest(url, request.headers), editor);
});

/**
 * A busy database (another process held the write lock past the busy timeout) is a 503 with a
 * Dutch message, not a crash: nothing was written and trying again works.
 */
const databaseBusy = defineMiddleware(async ({ url, request }, next) => {
  try {
    return await next();
  } catch (error) {
    if (!isDatabaseBusy(error)) {
      // The build is --silent (scripts/start.sh), so Astro itself logs nothing: without this line
      // an operator would see a 500 and no trace of why. Method and path only, no body or cookies.
      console.error(`[leergang] onverwachte fout bij ${request.method} ${url.pathname}:`, error);
      throw error;
    }
    await resetDatabaseConnections();
    const headers = { 'retry-after': '2' };
    if (url.pathname.startsWith('/api/')) return json({ error: t.errors.busy }, 503, headers);
    return text(t.errors.busy, 503, headers);
  }
});

const sameOrigin = defineMiddleware(async ({ request, url }, next) => {
  if (isCrossSiteRequest(request, url)) {
    return text(t.errors.crossSite, 403);
  }
  return next();
});

/**
 * Routes that exist but are no page to visit are "not found" for everyone, signed in or not:
 * the image endpoint Astro adds to every server build (the site transforms no images), and the
 * 500 page asked for by its own address (it is what Astro shows when rendering fails; visited
 * directly it answered a 500 to a request that had nothing wrong with it).
 */
const notAPage = defineMiddleware(async (context, next) => {
  if (context.routePattern === IMAGE_ENDPOINT || (context.routePattern === '/500' && isOwnAddress(context.url, '/500'))) return notFound(context);
  return next();
});

const session = defineMiddleware(async ({ cookies, locals, url, request, isPrerendered }, next) => {
  locals.user = null;
  locals.session = null;
  if (isPrerendered) return next();
  void pruneWhenDue(); // expired personal data: on the first request, then daily (not awaited)
  remindWhenDue(); // e-mail reminders (only with SMTP_URL): at most every few minutes, not awaited
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

/**
 * The role check, and its second line: a route that finds no user or the wrong role throws
 * AccessRefused (src/lib/http/require-user.ts), answered here as if this guard had refused.
 */
const roleGuard = defineMiddleware(async (context, next) => {
  // The route that will render, not the URL: see src/lib/auth/roles.ts.
  const decision = decideAccess(context.routePattern, context.locals.user?.role ?? null);
  if (decision !== 'allow') return refuseAccess(decision, context);
  try {
    return await next();
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === undefined) throw error;
    return refuseAccess(refusal, context);
  }
});

/**
 * The content editor's save (development server only, after the role guard let it in): refused
 * with the Dutch list of errors when the course would no longer pass content:check.
 */
const editorSaveCheck = defineMiddleware(async ({ request, url, routePattern }, next) => {
  if (isEditorRoute(routePattern) && isEditorSave(request, url)) {
    const refusal = await refuseBrokenEditorSave(request, process.cwd());
    if (refusal) return refusal;
  }
  return next();
});

// The image endpoint's route, as set in astro.config.mjs (image.endpoint.route).
const IMAGE_ENDPOINT = '/_image';

/** Whether the request's own path is `path` (not an error page rendered for another path). */
function isOwnAddress(url: URL, path: string): boolean {
  try {
    return decodeURI(url.pathname).replace(/\/+$/, '') === path;
  } catch {
    return false;
  }
}

async function notFound(context: APIContext): Promise<Response> {
  const page = await context.rewrite('/404');
  return new Response(page.body, { status: 404, headers: page.headers });
}

export const onRequest = sequence(securityHeaders, databaseBusy, sameOrigin, notAPage, session, roleGuard, editorSaveCheck);
