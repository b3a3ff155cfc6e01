// The question analysis links to the content editor only where there is one (issue 19): the
// development server to itself, a production site to CONTENT_EDITOR_URL, otherwise nowhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEnv } from '../../../src/lib/env.ts';
import { contentEditorBase, questionBankEditorHref } from '../../../src/lib/settings/editor-address.ts';

test('where the editor is, seen from the question analysis', () => {
  assert.equal(contentEditorBase({ dev: false }), undefined, 'a production site without the setting: no link');
  assert.equal(contentEditorBase({ dev: true }), '', 'the development server: its own editor');
  assert.equal(contentEditorBase({ dev: true, CONTENT_EDITOR: 'uit' }), undefined, 'the editor left out of the development server');
  assert.equal(contentEditorBase({ dev: false, CONTENT_EDITOR_URL: 'https://bewerken.gemeente.nl/' }), 'https://bewerken.gemeente.nl');
  assert.equal(questionBankEditorHref('', 'giz'), '/keystatic/singleton/giz-questions');
  assert.equal(questionBankEditorHref('https://bewerken.gemeente.nl', 'giz'), 'https://bewerken.gemeente.nl/keystatic/singleton/giz-questions');
  assert.equal(questionBankEditorHref(undefined, 'giz'), undefined);
});

test('CONTENT_EDITOR_URL must be an http(s) address, with a Dutch message', () => {
  assert.equal(readEnv({ CONTENT_EDITOR_URL: 'https://bewerken.gemeente.nl' }).CONTENT_EDITOR_URL, 'https://bewerken.gemeente.nl');
  assert.equal(readEnv({ CONTENT_EDITOR_URL: '' }).CONTENT_EDITOR_URL, undefined);
  assert.throws(() => readEnv({ CONTENT_EDITOR_URL: 'ftp://bewerken' }), /CONTENT_EDITOR_URL moet een http\(s\)-adres zijn/);
});
