// Acceptance test 3 of issue 19 at the editor's door: a save that would break the course (a
// branching step pointing to a missing step, a single-choice question without a correct option)
// is found before anything is written, with the Dutch message naming file, question and field;
// a harmless save passes; and the real content/ is never touched. Real files, the real checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { checkProposedChange, isContentPath } from '../../../src/lib/content/proposed-change.ts';
import { refuseBrokenEditorSave, isEditorSave } from '../../../src/lib/http/editor-save-check.ts';

const BANK = 'content/modules/giz/questions.yaml';
const original = readFileSync(BANK, 'utf8');

interface Bank {
  questions: { id: string; type: string; options?: { correct?: boolean }[]; nodes?: { choices: { next?: string }[] }[] }[];
}

/** The giz question bank with `edit` applied, as the editor would send it. */
function editedBank(edit: (bank: Bank) => void): Uint8Array {
  const bank = parse(original) as Bank;
  edit(bank);
  return Buffer.from(stringify(bank));
}

describe('checking an editor save before it is written', () => {
  test('saving a file unchanged (or re-formatted) passes', () => {
    assert.deepEqual(checkProposedChange('.', { additions: [{ path: BANK, contents: Buffer.from(original) }], deletions: [] }), []);
    assert.deepEqual(checkProposedChange('.', { additions: [{ path: BANK, contents: editedBank(() => {}) }], deletions: [] }), []);
  });

  test('a branching step pointing to a missing step is named by file, question and field', () => {
    let where = '';
    const contents = editedBank((bank) => {
      const index = bank.questions.findIndex((q) => q.type === 'branching');
      bank.questions[index].nodes![0].choices[0].next = 'bestaat-niet';
      where = `questions.${index}.nodes.0.choices.0.next`;
    });
    const errors = checkProposedChange('.', { additions: [{ path: BANK, contents }], deletions: [] });
    assert.ok(
      errors.some((e) => e.file === BANK && e.field === where && e.message.includes('"bestaat-niet", dat niet bestaat')),
      JSON.stringify(errors),
    );
  });

  test('a single-choice question without a correct option is refused with a 422 and the Dutch list', async () => {
    let index = -1;
    const contents = editedBank((bank) => {
      index = bank.questions.findIndex((q) => q.type === 'single');
      for (const option of bank.questions[index].options!) option.correct = false;
    });
    const body = JSON.stringify({ additions: [{ path: BANK, contents: Buffer.from(contents).toString('base64url') }], deletions: [] });
    const request = new Request('http://localhost/api/keystatic/update', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.ok(isEditorSave(request, new URL(request.url)));
    const refusal = await refuseBrokenEditorSave(request, '.');
    assert.equal(refusal?.status, 422);
    const message = await refusal!.text();
    assert.match(message, /^Niet opgeslagen: /);
    assert.ok(message.includes(`${BANK} › questions.${index}.options`), message);
    assert.ok(message.includes('precies één juiste optie'), message);
    // Only this file's errors are listed; what follows elsewhere (links to giz lessons) is counted.
    assert.ok(!message.includes('content/modules/triage/'), message);
    assert.match(message, /Daardoor kloppen ook \d+ verwijzingen in andere bestanden niet/);
    // The request can still be read by the editor's own handler after the check.
    assert.equal(await request.text(), body);
  });

  test('a save that keeps the course valid is let through; a body that is not a save is left to the editor', async () => {
    const ok = JSON.stringify({ additions: [{ path: BANK, contents: Buffer.from(original).toString('base64url') }], deletions: [] });
    assert.equal(await refuseBrokenEditorSave(new Request('http://localhost/api/keystatic/update', { method: 'POST', body: ok }), '.'), undefined);
    assert.equal(await refuseBrokenEditorSave(new Request('http://localhost/api/keystatic/update', { method: 'POST', body: 'geen json' }), '.'), undefined);
    assert.ok(!isEditorSave(new Request('http://localhost/api/keystatic/tree'), new URL('http://localhost/api/keystatic/tree')));
  });

  test('deleting a lesson the bank still points to is an error too', () => {
    const errors = checkProposedChange('.', { additions: [], deletions: [{ path: 'content/modules/giz/lessons/01-waarom-giz.mdx' }] });
    assert.ok(errors.some((e) => e.file === BANK && e.field.endsWith('.lesson')), JSON.stringify(errors.slice(0, 3)));
  });

  test('only plain paths under content/ are applied, and content/ itself is never written', () => {
    for (const path of ['content/modules/giz/module.yaml', 'content/begrippen.yaml']) assert.ok(isContentPath(path), path);
    for (const path of ['src/pages/index.astro', 'content/../package.json', 'content//x', './content/x', 'content\\x', 'content', '/content/x']) assert.ok(!isContentPath(path), path);
    assert.deepEqual(checkProposedChange('.', { additions: [{ path: 'content/../src/middleware.ts', contents: Buffer.from('x') }], deletions: [] }), []);
    assert.equal(readFileSync(BANK, 'utf8'), original);
  });
});
