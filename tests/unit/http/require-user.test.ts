// The second line behind the role guard: a route that asks for a user or a role gets a typed user,
// or an AccessRefused that the middleware answers exactly as the guard answers its own refusals
// (a redirect to the login or a 401 for the API without a session; the 403 page or a 403 for the
// API with the wrong role).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionUser } from '../../../src/lib/auth/session.ts';
import { t } from '../../../src/lib/i18n/nl.ts';
import { refuseAccess, type RefusalContext } from '../../../src/lib/http/refuse-access.ts';
import { AccessRefused, refusalOf, requireRole, requireUser } from '../../../src/lib/http/require-user.ts';

const trainer: SessionUser = { id: 'u1', email: 'opleider@gemeente.nl', name: 'Olga', role: 'trainer' };

/** What Astro's context does for these calls: a redirect is a Location header, a rewrite renders another page. */
function context(
  path: string,
  rewrite: (path: string) => Promise<Response> = async () => new Response('<h1>Geen toegang</h1>', { headers: { 'content-type': 'text/html' } }),
): RefusalContext & { rewrites: string[] } {
  const rewrites: string[] = [];
  return {
    url: new URL(path, 'https://leergang.gemeente.nl'),
    redirect: (location, status = 302) => new Response(null, { status, headers: { Location: location } }),
    rewrite: (target) => {
      rewrites.push(target);
      return rewrite(target);
    },
    rewrites,
  };
}

function refusal(run: () => unknown): AccessRefused {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof AccessRefused, `expected AccessRefused, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to throw');
}

describe('requireUser and requireRole', () => {
  test('a signed-in user comes back as is', () => {
    assert.equal(requireUser({ user: trainer }), trainer);
    assert.equal(requireRole({ user: trainer }, 'trainer', 'admin'), trainer);
  });

  test('no user: refused with sign-in, whatever the role asked', () => {
    assert.equal(refusal(() => requireUser({ user: null })).refusal, 'sign-in');
    assert.equal(refusal(() => requireRole({ user: null }, 'admin')).refusal, 'sign-in');
  });

  test('a role not among those allowed: refused as forbidden', () => {
    assert.equal(refusal(() => requireRole({ user: trainer }, 'admin')).refusal, 'forbidden');
    assert.equal(refusal(() => requireRole({ user: { ...trainer, role: 'learner' } }, 'trainer', 'admin')).refusal, 'forbidden');
  });

  test('refusalOf finds the refusal, also when wrapped, and nothing in other errors', () => {
    assert.equal(refusalOf(new AccessRefused('forbidden')), 'forbidden');
    assert.equal(refusalOf(new Error('rendering failed', { cause: new AccessRefused('sign-in') })), 'sign-in');
    assert.equal(refusalOf(new Error('database is locked')), undefined);
    assert.equal(refusalOf(undefined), undefined);
  });
});

describe('refuseAccess: the answer to a refusal', () => {
  test('a page without a session goes to the login, with the way back', async () => {
    const response = await refuseAccess('sign-in', context('/team/beheer?zoek=an'));
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/inloggen?terug=%2Fteam%2Fbeheer%3Fzoek%3Dan');
  });

  test('the API without a session: 401 with a Dutch JSON error', async () => {
    const response = await refuseAccess('sign-in', context('/api/antwoorden'));
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await response.json(), { error: t.errors.signInFirst });
  });

  test('a page with the wrong role: the 403 page (the /geen-toegang page rendered in its place)', async () => {
    const ctx = context('/team/beheer');
    const response = await refuseAccess('forbidden', ctx);
    assert.equal(response.status, 403);
    assert.deepEqual(ctx.rewrites, ['/geen-toegang']);
    assert.equal(await response.text(), '<h1>Geen toegang</h1>');
    assert.equal(response.headers.get('content-type'), 'text/html');
  });

  test('the API with the wrong role: 403 with a Dutch JSON error', async () => {
    const response = await refuseAccess('forbidden', context('/api/antwoorden'));
    assert.equal(response.status, 403);
    assert.deepEqual(await response.json(), { error: t.errors.forbidden });
  });

  test('a page that cannot be rewritten any more is still refused, in plain text', async () => {
    const response = await refuseAccess(
      'forbidden',
      context('/team/beheer', async () => {
        throw new Error('RewriteWithBodyUsed');
      }),
    );
    assert.equal(response.status, 403);
    assert.equal(await response.text(), t.errors.forbidden);
  });

  test('a thrown AccessRefused is answered like the guard’s own decision', async () => {
    for (const [path, locals, roles] of [
      ['/team', { user: null }, ['trainer', 'admin']],
      ['/api/antwoorden', { user: null }, ['learner', 'trainer', 'admin']],
      ['/team/beheer', { user: trainer }, ['admin']],
      ['/api/antwoorden', { user: trainer }, ['admin']],
    ] as const) {
      const thrown = refusal(() => requireRole(locals, ...roles));
      const decision = locals.user === null ? 'sign-in' : 'forbidden';
      const [fromThrow, fromGuard] = await Promise.all([refuseAccess(refusalOf(thrown)!, context(path)), refuseAccess(decision, context(path))]);
      assert.equal(fromThrow.status, fromGuard.status, path);
      assert.equal(fromThrow.headers.get('location'), fromGuard.headers.get('location'), path);
      assert.equal(await fromThrow.text(), await fromGuard.text(), path);
    }
  });
});
