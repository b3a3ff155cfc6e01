// Responses that are not pages carry their content type with the charset, and a download is
// indented, named and never stored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvDownload, json, jsonDownload, seeOther, text } from '../../../src/lib/http/responses.ts';

describe('responses', () => {
  test('json: the data, the status, extra headers, UTF-8', async () => {
    const response = json({ error: 'Log eerst in.' }, 401, { 'retry-after': '2' });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('retry-after'), '2');
    assert.equal(await response.text(), '{"error":"Log eerst in."}');
    assert.equal(json([]).status, 200);
  });

  test('text: plain UTF-8', async () => {
    const response = text('Geen toegang', 403);
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(await response.text(), 'Geen toegang');
  });

  test('jsonDownload: indented, an attachment with its name, no-store', async () => {
    const response = jsonDownload({ a: 1 }, 'mijn-gegevens.json');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="mijn-gegevens.json"');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(await response.text(), '{\n  "a": 1\n}');
  });

  test('csvDownload: the text as given, a CSV attachment with its name, no-store', async () => {
    const response = csvDownload('\uFEFF"Naam"\r\n', 'voortgang-noord-2026-03-01.csv');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="voortgang-noord-2026-03-01.csv"');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), new TextEncoder().encode('\uFEFF"Naam"\r\n'));
  });

  test('seeOther: a 303 to the path, no body', async () => {
    const response = seeOther('/team/abc?klaar=pad');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/team/abc?klaar=pad');
    assert.equal(await response.text(), '');
  });
});
