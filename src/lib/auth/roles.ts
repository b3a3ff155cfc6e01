// Which role may open which page. The middleware asks this for every request, so a route cannot
// forget its check.
//
// Fail closed: the rules are keyed by Astro's route pattern (the page file that will render, as
// `context.routePattern` names it), and a route without a rule is refused to everyone. A new page
// is therefore unreachable until someone decides who may see it; tests/unit/auth/route-rules.test.ts
// fails for any file under src/pages without a rule here, and for a rule without a page.
// Keying by the route that renders, not by a URL prefix, also means no spelling of a URL
// (trailing slashes, encodings, a look-alike prefix) can reach a page under another page's rule.
import type { Role } from '../../../db/schema.ts';

export type Access = 'public' | 'signed-in' | readonly Role[];

const STAFF = ['trainer', 'admin'] as const satisfies readonly Role[];
const ADMIN = ['admin'] as const satisfies readonly Role[];
// Who may look at a team: staff, and a teamleader (only their own teams, and only reading:
// src/lib/teams/team-access.ts decides per team and per action).
const TEAM_VIEWERS = ['trainer', 'admin', 'teamleader'] as const satisfies readonly Role[];

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  // Open to everyone: the front door, the error pages, statements every visitor may read, and the
  // invitation link (its token is the credential).
  '/': 'public',
  '/404': 'public',
  '/500': 'public',
  '/inloggen': 'public',
  '/geen-toegang': 'public',
  '/privacy': 'public',
  '/toegankelijkheid': 'public',
  '/uitnodiging/[token]': 'public',
  '/wachtwoord-vergeten': 'public',
  '/wachtwoord-herstellen/[token]': 'public',
  // Signing in with an organisation account: the way out to the provider and the way back.
  '/inloggen/organisatie': 'public',
  '/inloggen/organisatie/terug': 'public',
  // Checking a certificate: an auditor or employer has no account; the code is the credential.
  '/certificaat/controleren': 'public',
  '/certificaat/controleren/[code]': 'public',

  // A signed-in professional, whatever the role: their own learning and their own account.
  '/uitloggen': 'signed-in',
  '/modules': 'signed-in',
  '/modules/[module]': 'signed-in',
  '/modules/[module]/[lesson]': 'signed-in',
  '/modules/[module]/instaptoets': 'signed-in',
  '/modules/[module]/toets': 'signed-in',
  '/modules/[module]/afgerond': 'signed-in',
  '/modules/[module]/vragen': 'signed-in',
  '/modules/[module]/vragen/[question]': 'signed-in',
  '/antwoord': 'signed-in',
  '/api/antwoorden': 'signed-in',
  '/reflectie': 'signed-in',
  '/herhalen': 'signed-in',
  '/zoeken': 'signed-in',
  '/begrippen': 'signed-in',
  '/voortgang': 'signed-in',
  '/voortgang/certificaat/[module]': 'signed-in',
  '/account/gegevens': 'signed-in',
  '/account/gegevens.json': 'signed-in',
  '/account/wachtwoord': 'signed-in',
  '/account/herinneringen': 'signed-in',
  '/uitnodigingen': 'signed-in',

  // Trainers and admins: teams (which team is checked per page: src/lib/teams/load-team.ts). A
  // teamleader reads the team list, a dashboard, its export and a professional's page.
  '/team': TEAM_VIEWERS,
  '/team/[team]': TEAM_VIEWERS,
  '/team/[team]/export.csv': TEAM_VIEWERS,
  '/team/[team]/leerpaden': STAFF,
  '/team/[team]/uitnodigen': STAFF,
  '/team/[team]/professional/[user]': TEAM_VIEWERS,
  '/team/analyse/[module]': STAFF,
  '/team/voorbeeld/[module]': STAFF,

  // The content editor (Keystatic, docs/decisions/0010-keystatic-als-inhoudseditor.md): trainers and
  // admins. Its routes are injected by the integration on the development server only (no file
  // under src/pages; EDITOR_ROUTES below); the production build has no editor at all.
  '/keystatic/[...params]': STAFF,
  '/api/keystatic/[...params]': STAFF,

  // Admins only: every account, pending invitations, one person's account and data.
  '/team/beheer': ADMIN,
  '/team/beheer/uitnodigingen': ADMIN,
  '/team/beheer/[user]': ADMIN,
  '/team/beheer/[user]/gegevens.json': ADMIN,
  '/team/beheer/[user]/verwijderen': ADMIN,
  '/team/beheer/[user]/herstellink': ADMIN,
};

/**
 * The content editor's routes, as the Keystatic integration injects them (`astro dev` only): the
 * editor's page and its read/write API. They have no page file, so the route-rules test and the
 * middleware's editor CSP take them from here.
 */
export const EDITOR_ROUTES: readonly string[] = ['/keystatic/[...params]', '/api/keystatic/[...params]'];

/** Whether a route pattern is one of the content editor's. */
export function isEditorRoute(routePattern: string): boolean {
  return EDITOR_ROUTES.includes(routePattern);
}

/** The rule for a route pattern; undefined when the route has none (and is then refused). */
export function accessFor(routePattern: string): Access | undefined {
  return Object.hasOwn(ROUTE_ACCESS, routePattern) ? ROUTE_ACCESS[routePattern] : undefined;
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decideAccess(routePattern: string, role: Role | null): AccessDecision {
  const access = accessFor(routePattern);
  if (access === 'public') return 'allow';
  if (role === null) return 'sign-in';
  if (access === undefined) return 'forbidden';
  if (access === 'signed-in') return 'allow';
  return access.includes(role) ? 'allow' : 'forbidden';
}
