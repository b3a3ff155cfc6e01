// `npm run admin -- invite` printed http://localhost:4321/… whatever the site's address was
// (issue 18). The link now starts with --base-url, else PUBLIC_URL, else where the server listens.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEnv } from '../../../src/lib/env.ts';
import { siteLink } from '../../../src/lib/settings/site-address.ts';

describe('the links the admin command prints', () => {
  test('PUBLIC_URL when it is set', () => {
    assert.equal(
      siteLink('/uitnodiging/abc', { PUBLIC_URL: 'https://leergang.gemeente.nl', HOST: '127.0.0.1', PORT: '8080' }),
      'https://leergang.gemeente.nl/uitnodiging/abc',
    );
    assert.equal(siteLink('/uitnodiging/abc', { PUBLIC_URL: 'https://leergang.gemeente.nl/' }), 'https://leergang.gemeente.nl/uitnodiging/abc');
  });

  test('--base-url goes before everything', () => {
    assert.equal(
      siteLink('/wachtwoord-herstellen/x', { PUBLIC_URL: 'https://leergang.gemeente.nl' }, 'https://test.gemeente.nl'),
      'https://test.gemeente.nl/wachtwoord-herstellen/x',
    );
  });

  test('without PUBLIC_URL: the address and port the server listens on', () => {
    assert.equal(siteLink('/uitnodiging/abc', {}), 'http://localhost:4321/uitnodiging/abc');
    assert.equal(siteLink('/uitnodiging/abc', { HOST: '127.0.0.1', PORT: '8080' }), 'http://127.0.0.1:8080/uitnodiging/abc');
    assert.equal(siteLink('/uitnodiging/abc', { HOST: 'leergang.intern', PORT: '80' }), 'http://leergang.intern/uitnodiging/abc');
    assert.equal(siteLink('/uitnodiging/abc', { HOST: '::1', PORT: '4321' }), 'http://[::1]:4321/uitnodiging/abc');
    // Listening on every address is no address to visit: this machine, then.
    assert.equal(siteLink('/uitnodiging/abc', { HOST: '0.0.0.0', PORT: '4000' }), 'http://localhost:4000/uitnodiging/abc');
    assert.equal(siteLink('/uitnodiging/abc', { HOST: '::', PORT: '4000' }), 'http://localhost:4000/uitnodiging/abc');
  });

  test('PUBLIC_URL is checked with the other settings', () => {
    assert.equal(readEnv({}).PUBLIC_URL, undefined);
    assert.equal(readEnv({ PUBLIC_URL: '' }).PUBLIC_URL, undefined);
    assert.equal(readEnv({ PUBLIC_URL: 'https://leergang.gemeente.nl' }).PUBLIC_URL, 'https://leergang.gemeente.nl');
    for (const bad of ['leergang.gemeente.nl', 'ftp://leergang.gemeente.nl', 'https://']) {
      assert.throws(() => readEnv({ PUBLIC_URL: bad }), /PUBLIC_URL/, bad);
    }
  });
});
