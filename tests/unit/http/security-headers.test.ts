// The headers on rendered responses: the security set always, HSTS only over HTTPS, and the cache
// rule (no-store, whatever the route set) even on responses whose headers cannot be changed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EDITOR_CSP,
  NO_STORE,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
  securityHeadersFor,
  withSecurityHeaders,
} from '../../../src/lib/http/security-headers.ts';

describe('security headers', () => {
  test('HSTS for one year with subdomains, over HTTPS only', () => {
    assert.equal(STRICT_TRANSPORT_SECURITY, 'max-age=31536000; includeSubDomains');
    assert.equal(securityHeadersFor(true)['Strict-Transport-Security'], STRICT_TRANSPORT_SECURITY);
    assert.equal(securityHeadersFor(false)['Strict-Transport-Security'], undefined);
    for (const secure of [true, false]) {
      assert.match(securityHeadersFor(secure)['Content-Security-Policy'], /frame-ancestors 'none'/);
      assert.equal(securityHeadersFor(secure)['X-Content-Type-Options'], 'nosniff');
      assert.equal(securityHeadersFor(secure)['Referrer-Policy'], 'same-origin');
    }
  });

  test('a rendered page gets every header and no-store, even where it asked to be cached', () => {
    const page = new Response('<p>persoonlijk</p>', { headers: { 'cache-control': 'public, max-age=3600' } });
    const sent = withSecurityHeaders(page, true);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(sent.headers.get(name), value, name);
    assert.equal(sent.headers.get('strict-transport-security'), STRICT_TRANSPORT_SECURITY);
    assert.equal(sent.headers.get('cache-control'), NO_STORE);
  });

  test('the content editor gets its own CSP: inline script and style, still nothing from elsewhere', () => {
    const sent = withSecurityHeaders(new Response('<div id="keystatic"></div>'), false, true);
    assert.equal(sent.headers.get('content-security-policy'), EDITOR_CSP);
    assert.match(EDITOR_CSP, /script-src 'self' 'unsafe-inline';/);
    assert.match(EDITOR_CSP, /style-src 'self' 'unsafe-inline';/);
    for (const kept of ["default-src 'self'", "connect-src 'self'", "font-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'"])
      assert.ok(EDITOR_CSP.includes(kept), kept);
    assert.doesNotMatch(EDITOR_CSP, /https?:|\*/, 'no other origin');
    assert.equal(sent.headers.get('cache-control'), NO_STORE);
    assert.equal(withSecurityHeaders(new Response('x'), false).headers.get('content-security-policy'), SECURITY_HEADERS['Content-Security-Policy']);
  });

  test('a header a route set itself is kept (other than the cache rule)', () => {
    const sent = withSecurityHeaders(new Response(null, { headers: { 'referrer-policy': 'no-referrer' } }), false);
    assert.equal(sent.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(sent.headers.get('strict-transport-security'), null);
  });

  test('a response with immutable headers is copied, not left bare', () => {
    const redirect = Response.redirect('https://leergang.gemeente.nl/modules', 302);
    const sent = withSecurityHeaders(redirect, true);
    assert.equal(sent.status, 302);
    assert.equal(sent.headers.get('location'), 'https://leergang.gemeente.nl/modules');
    assert.equal(sent.headers.get('cache-control'), NO_STORE);
    assert.match(sent.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(sent.headers.get('strict-transport-security'), STRICT_TRANSPORT_SECURITY);
  });
});
