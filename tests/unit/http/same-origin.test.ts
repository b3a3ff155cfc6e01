// The cross-site guard is the only origin check (Astro's checkOrigin is off), so it must refuse
// everything Astro's refused and more: JSON as well as forms, a missing Origin, `Origin: null`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCrossSiteRequest } from '../../../src/lib/http/same-origin.ts';

const SITE = 'https://leergang.gemeente.nl';
const url = new URL(`${SITE}/inloggen`);

function request(method: string, headers: Record<string, string>): Request {
  return new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : 'a=b' });
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_TYPE = { 'content-type': 'application/json' };

describe('isCrossSiteRequest', () => {
  const refused: [string, string, Record<string, string>][] = [
    ['form post from another site', 'POST', { ...FORM, origin: 'https://evil.example' }],
    ['JSON post from another site', 'POST', { ...JSON_TYPE, origin: 'https://evil.example' }],
    ['post without a content type from another site', 'POST', { origin: 'https://evil.example' }],
    ['our host over plain http', 'POST', { ...FORM, origin: 'http://leergang.gemeente.nl' }],
    ['a sibling subdomain', 'POST', { ...FORM, origin: 'https://evil.gemeente.nl' }],
    ['Origin: null', 'POST', { ...FORM, origin: 'null' }],
    ['JSON with Origin: null', 'POST', { ...JSON_TYPE, origin: 'null' }],
    ['form post without Origin or Sec-Fetch-Site', 'POST', FORM],
    ['JSON post without Origin or Sec-Fetch-Site', 'POST', JSON_TYPE],
    ['post with no headers at all', 'POST', {}],
    ['no Origin, Sec-Fetch-Site cross-site', 'POST', { ...FORM, 'sec-fetch-site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site same-site', 'POST', { ...JSON_TYPE, 'sec-fetch-site': 'same-site' }],
    ['no Origin, Sec-Fetch-Site nonsense', 'POST', { ...FORM, 'sec-fetch-site': 'whatever' }],
    ['PUT from another site', 'PUT', { ...JSON_TYPE, origin: 'https://evil.example' }],
    ['DELETE without Origin', 'DELETE', {}],
    ['PATCH with Origin: null', 'PATCH', { origin: 'null' }],
  ];
  for (const [name, method, headers] of refused) {
    test(`refuses ${name}`, () => assert.equal(isCrossSiteRequest(request(method, headers), url), true));
  }

  const allowed: [string, string, Record<string, string>][] = [
    ['a form post from our own pages', 'POST', { ...FORM, origin: SITE }],
    ['a JSON post from our own pages', 'POST', { ...JSON_TYPE, origin: SITE }],
    ['no Origin but Sec-Fetch-Site same-origin', 'POST', { ...FORM, 'sec-fetch-site': 'same-origin' }],
    ['no Origin but Sec-Fetch-Site none (typed by the user)', 'POST', { ...FORM, 'sec-fetch-site': 'none' }],
    ['GET from anywhere', 'GET', { origin: 'https://evil.example' }],
    ['HEAD without headers', 'HEAD', {}],
    ['OPTIONS without headers', 'OPTIONS', {}],
  ];
  for (const [name, method, headers] of allowed) {
    test(`allows ${name}`, () => assert.equal(isCrossSiteRequest(request(method, headers), url), false));
  }
});
