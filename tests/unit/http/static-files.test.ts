// Which requests the server sends to the adapter's static-file handler (only paths of files in
// dist/client) and which straight to Astro (everything else): see src/lib/http/static-files.ts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathOfRequest, routeStaticFiles, staticPathsOf } from '../../../src/lib/http/static-files.ts';

const client = mkdtempSync(join(tmpdir(), 'static-files-'));
after(() => rmSync(client, { recursive: true, force: true }));
mkdirSync(join(client, '_astro'));
mkdirSync(join(client, 'privacy'));
writeFileSync(join(client, 'enhance.js'), '');
writeFileSync(join(client, '_astro', 'Page.abc.css'), '');
writeFileSync(join(client, 'privacy', 'index.html'), '');
writeFileSync(join(client, 'naam met spatie.txt'), '');

describe('static files', () => {
  test('every file, and every folder with and without its slash, is a static path', () => {
    const paths = staticPathsOf(client);
    assert.deepEqual(
      [...paths].sort(),
      ['/_astro', '/_astro/', '/_astro/Page.abc.css', '/enhance.js', '/naam met spatie.txt', '/privacy', '/privacy/', '/privacy/index.html'].sort(),
    );
  });

  test('the root is static only with an index.html, and a missing folder gives no paths', () => {
    assert.equal(staticPathsOf(client).has('/'), false);
    writeFileSync(join(client, 'index.html'), '');
    assert.equal(staticPathsOf(client).has('/'), true);
    rmSync(join(client, 'index.html'));
    assert.equal(staticPathsOf(join(client, 'bestaat-niet')).size, 0);
  });

  test('a request path is looked up without query or fragment, decoded', () => {
    assert.equal(pathOfRequest('/enhance.js?v=2'), '/enhance.js');
    assert.equal(pathOfRequest('/privacy#kop'), '/privacy');
    assert.equal(pathOfRequest('/naam%20met%20spatie.txt'), '/naam met spatie.txt');
    assert.equal(pathOfRequest(undefined), '/');
    assert.equal(pathOfRequest('/%E0%A4%A'), '/%E0%A4%A'); // undecodable: as sent (the guard refuses it before)
  });

  test('files go to the static handler, pages to Astro alone', () => {
    const seen: string[] = [];
    const route = routeStaticFiles(
      staticPathsOf(client),
      (req) => void seen.push(`static ${req.url}`),
      (req) => void seen.push(`astro ${req.url}`),
    );
    const res = {} as ServerResponse;
    for (const url of ['/enhance.js', '/_astro/Page.abc.css?x=1', '/privacy', '/modules', '/', '/enhance.js/', '/inloggen']) {
      void route({ url } as IncomingMessage, res);
    }
    assert.deepEqual(seen, [
      'static /enhance.js',
      'static /_astro/Page.abc.css?x=1',
      'static /privacy',
      'astro /modules',
      'astro /',
      'astro /enhance.js/',
      'astro /inloggen',
    ]);
  });
});
