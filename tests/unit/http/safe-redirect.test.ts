// `terug` after logging in: hostile values fall back to /modules, our own paths survive intact,
// and whatever comes out is safe in a Location header and stays on the site when a browser
// resolves it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_RETURN_PATH, MAX_RETURN_PATH_LENGTH, safeReturnTarget } from '../../../src/lib/http/safe-redirect.ts';

const SITE = 'https://leergang.gemeente.nl';

// The value as the page receives it: already percent-decoded once by URLSearchParams.
const HOSTILE: [string, string][] = [
  ['protocol-relative', '//evil.example'],
  ['protocol-relative with path', '//evil.example/modules'],
  ['three slashes', '///evil.example'],
  ['backslash after slash', '/\\evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['slash backslash slash', '/\\/evil.example'],
  ['tab between slashes (the reported /%09/evil)', '/\t/evil.example'],
  ['newline between slashes', '/\n/evil.example'],
  ['carriage return between slashes', '/\r/evil.example'],
  ['CR LF header injection', '/modules\r\nSet-Cookie: lt_sessie=x'],
  ['LF alone', '/modules\nx'],
  ['U+2028 line separator', '/modules\u2028x'],
  ['U+2029 paragraph separator', '/modules\u2029x'],
  ['NUL', '/modules\u0000'],
  ['DEL', '/modules\u007f'],
  ['C1 control (NEL)', '/modules\u0085'],
  ['vertical tab', '/\u000b/evil.example'],
  ['leading space before //', ' //evil.example'],
  ['absolute https elsewhere', 'https://evil.example/modules'],
  ['absolute http elsewhere', 'http://evil.example'],
  ['our host over another scheme', 'http://leergang.gemeente.nl/modules'],
  ['our host on another port', 'https://leergang.gemeente.nl:8443/modules'],
  ['look-alike host', 'https://leergang.gemeente.nl.evil.example/modules'],
  ['userinfo trick', 'https://leergang.gemeente.nl@evil.example/'],
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: upper case with spaces', ' JaVaScRiPt:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['dot segment collapsing to //', '/.//evil.example'],
  ['parent segment collapsing to //', '/a/..//evil.example'],
  ['encoded dots collapsing to //', '/%2e%2e//evil.example'],
  ['encoded dot collapsing to //', '/%2e//evil.example'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['very long', `/modules/${'a'.repeat(MAX_RETURN_PATH_LENGTH)}`],
  ['empty', ''],
];

// Values that stay on the site: kept, in their URL-encoded form.
const OWN: [string, string, string][] = [
  ['a page', '/modules', '/modules'],
  ['query and fragment', '/team/abc?status=bezig&pad=p1#tabel', '/team/abc?status=bezig&pad=p1#tabel'],
  ['the home page', '/', '/'],
  ['an absolute URL on our own origin', `${SITE}/voortgang?x=1`, '/voortgang?x=1'],
  ['encoded tab stays encoded (not a control character to the browser)', '/%09/evil.example', '/%09/evil.example'],
  ['encoded slash stays encoded', '/%2F/evil.example', '/%2F/evil.example'],
  ['encoded backslash stays encoded', '/%5Cevil.example', '/%5Cevil.example'],
  ['encoded CR LF stays encoded', '/modules%0D%0ASet-Cookie:x', '/modules%0D%0ASet-Cookie:x'],
  ['non-ASCII is percent-encoded', '/modules/ë?q=ö', '/modules/%C3%AB?q=%C3%B6'],
  ['a space is percent-encoded', '/ /evil.example', '/%20/evil.example'],
];

describe('safeReturnTarget', () => {
  for (const [name, value] of HOSTILE) {
    test(`refuses ${name}`, () => {
      assert.equal(safeReturnTarget(value, SITE), DEFAULT_RETURN_PATH);
    });
  }

  for (const [name, value, expected] of OWN) {
    test(`keeps ${name}`, () => {
      assert.equal(safeReturnTarget(value, SITE), expected);
    });
  }

  test('missing values and a custom fallback', () => {
    assert.equal(safeReturnTarget(null, SITE), DEFAULT_RETURN_PATH);
    assert.equal(safeReturnTarget(undefined, SITE), DEFAULT_RETURN_PATH);
    assert.equal(safeReturnTarget('//evil.example', SITE, '/'), '/');
  });

  test('whatever comes out is a same-origin path that a Location header can carry', () => {
    const values = [...HOSTILE.map(([, v]) => v), ...OWN.map(([, v]) => v)];
    // The same values once more as a browser could send them still encoded, and twice encoded.
    values.push(...values.map((v) => encodeURIComponent(v)), ...values.map((v) => encodeURIComponent(encodeURIComponent(v))));
    for (const value of values) {
      const target = safeReturnTarget(value, SITE);
      assert.match(target, /^\/(?![/\\])/, `${JSON.stringify(value)} → ${target}`);
      assert.doesNotMatch(target, /[^\x21-\x7e]/, `${JSON.stringify(value)} → ${JSON.stringify(target)}: not printable ASCII`);
      assert.equal(new URL(target, SITE).origin, SITE, `${JSON.stringify(value)} → ${target} leaves the site`);
      assert.doesNotThrow(() => new Headers({ location: target }));
    }
  });
});

describe('returnTo of the answer and reflection forms', () => {
  test('follows the same rule as the login', async () => {
    const { safeReturnPath } = await import('../../../src/lib/forms/auth-forms.ts');
    for (const [label, value] of HOSTILE) assert.equal(safeReturnPath(value), DEFAULT_RETURN_PATH, label);
    assert.equal(safeReturnPath('/modules/giz/les-1#vraag-a'), '/modules/giz/les-1#vraag-a');
  });
});
