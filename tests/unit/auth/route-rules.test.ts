// The role guard fails closed: every page on disk has a rule, a route without one is refused to
// everyone, and the rules say what the design says (learners their own pages, trainers teams,
// admins accounts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideAccess, EDITOR_ROUTES, isEditorRoute, ROUTE_ACCESS } from '../../../src/lib/auth/roles.ts';
import { routePatternsOnDisk, TEAMLEADER_TEAM_ROUTES } from '../../helpers/routes.ts';

describe('route rules', () => {
  test('every page and endpoint under src/pages has a rule, and every rule a page', () => {
    const onDisk = routePatternsOnDisk();
    assert.ok(onDisk.length > 30, `only ${onDisk.length} routes found: is the pages folder read?`);
    const withoutRule = onDisk.filter((route) => !Object.hasOwn(ROUTE_ACCESS, route));
    assert.deepEqual(withoutRule, [], `routes without an access rule in src/lib/auth/roles.ts: ${withoutRule.join(', ')}`);
    // The content editor's routes are injected by its integration on the dev server, not files.
    const withoutPage = Object.keys(ROUTE_ACCESS).filter((route) => !onDisk.includes(route) && !EDITOR_ROUTES.includes(route));
    assert.deepEqual(withoutPage, [], `rules for routes that do not exist: ${withoutPage.join(', ')}`);
  });

  test('the content editor (dev server only) is for trainers and admins: a learner or teamleader is refused, a visitor must sign in', () => {
    assert.deepEqual([...EDITOR_ROUTES].sort(), ['/api/keystatic/[...params]', '/keystatic/[...params]']);
    for (const route of EDITOR_ROUTES) {
      assert.ok(isEditorRoute(route), route);
      assert.equal(decideAccess(route, null), 'sign-in', route);
      assert.equal(decideAccess(route, 'learner'), 'forbidden', `${route} as learner`);
      assert.equal(decideAccess(route, 'teamleader'), 'forbidden', `${route} as teamleader`);
      assert.equal(decideAccess(route, 'trainer'), 'allow', `${route} as trainer`);
      assert.equal(decideAccess(route, 'admin'), 'allow', `${route} as admin`);
    }
    for (const route of ['/keystatic', '/api/keystatic', '/modules/[module]', '/team/voorbeeld/[module]']) assert.ok(!isEditorRoute(route), route);
  });

  test('a route without a rule is refused to everyone, signed in or not', () => {
    for (const route of ['/nieuwe-pagina', '/team/[team]/nieuw', '', '/constructor', '/__proto__', '/toString']) {
      assert.equal(decideAccess(route, null), 'sign-in', route);
      for (const role of ['learner', 'trainer', 'admin'] as const) assert.equal(decideAccess(route, role), 'forbidden', `${route} as ${role}`);
    }
  });

  test('public pages are open to all', () => {
    for (const route of [
      '/',
      '/inloggen',
      '/uitnodiging/[token]',
      '/wachtwoord-vergeten',
      '/wachtwoord-herstellen/[token]',
      '/404',
      '/500',
      '/geen-toegang',
      '/privacy',
      '/toegankelijkheid',
      '/inloggen/organisatie',
      '/inloggen/organisatie/terug',
      '/certificaat/controleren',
      '/certificaat/controleren/[code]',
    ]) {
      assert.equal(decideAccess(route, null), 'allow', route);
    }
    const publicRoutes = Object.entries(ROUTE_ACCESS)
      .filter(([, access]) => access === 'public')
      .map(([route]) => route);
    assert.equal(publicRoutes.length, 14, `public routes changed: ${publicRoutes.join(', ')}`);
  });

  test('learning pages need a session and are open to every role', () => {
    for (const route of [
      '/modules',
      '/modules/[module]/[lesson]',
      '/voortgang',
      '/api/antwoorden',
      '/antwoord',
      '/reflectie',
      '/account/wachtwoord',
      '/uitloggen',
    ]) {
      assert.equal(decideAccess(route, null), 'sign-in', route);
      for (const role of ['learner', 'trainer', 'admin', 'teamleader'] as const) assert.equal(decideAccess(route, role), 'allow', `${route} as ${role}`);
    }
  });

  test('every team route is for trainers and admins; account management for admins only', () => {
    const teamRoutes = routePatternsOnDisk().filter((route) => route === '/team' || route.startsWith('/team/'));
    assert.ok(teamRoutes.length >= 10);
    for (const route of teamRoutes) {
      assert.equal(decideAccess(route, null), 'sign-in', route);
      assert.equal(decideAccess(route, 'learner'), 'forbidden', route);
      const adminOnly = route === '/team/beheer' || route.startsWith('/team/beheer/');
      assert.equal(decideAccess(route, 'trainer'), adminOnly ? 'forbidden' : 'allow', route);
      assert.equal(decideAccess(route, 'admin'), 'allow', route);
      // A teamleader reads; which team is checked per page (src/lib/teams/team-access.ts).
      const leaderReads = TEAMLEADER_TEAM_ROUTES.includes(route);
      assert.equal(decideAccess(route, 'teamleader'), leaderReads ? 'allow' : 'forbidden', route);
    }
  });
});
