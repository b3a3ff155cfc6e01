// Issue 19, acceptance test 1: a trainer opens and saves every module, lesson and question bank in
// the editor, and nothing but the formatting changes. The editor only saves a form that differs
// from what it loaded, so each file gets one small edit first, as a trainer's save would: a letter
// added to its title (in a question bank, the first question's). Afterwards each file means the
// same to the course as before apart from that letter (read through the loader's schemas, so the
// editor's defaults count as what they mean), each lesson's text parses to the same markdown tree,
// and `content:check` passes.
// The saves land in the dev server's project copy (scripts/editor-e2e-server.sh).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { demo, login } from '../e2e/helpers.ts';
import {
  asCourseReads,
  confirmDialog,
  contentCheck,
  frontDialog,
  lessonContent,
  lessonSlugs,
  moduleFolders,
  openItem,
  PROJECT,
  read,
  saveEntry,
} from './editor-files.ts';

test.describe.configure({ timeout: 600_000 });

/** Adds a letter to the title field in `scope` and saves. `open`/`close` reach a field in a dialog. */
async function addLetterToTitle(page: Page, scope: () => Locator, open = async () => {}, close = async () => {}) {
  await open();
  const field = scope().getByRole('textbox', { name: 'Titel', exact: true });
  await field.fill(`${await field.inputValue()}x`);
  await close();
  await saveEntry(page);
}

test('opening and saving every module, lesson and question bank changes the formatting at most', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  const files: { path: string; before: string; kind: 'yaml' | 'mdx' }[] = [];
  for (const folder of moduleFolders()) {
    const base = `content/modules/${folder}`;
    files.push({ path: `${base}/module.yaml`, before: read(`${base}/module.yaml`), kind: 'yaml' });
    files.push({ path: `${base}/questions.yaml`, before: read(`${base}/questions.yaml`), kind: 'yaml' });
    for (const slug of lessonSlugs(folder)) files.push({ path: `${base}/lessons/${slug}.mdx`, before: read(`${base}/lessons/${slug}.mdx`), kind: 'mdx' });
  }

  const started = Date.now();
  const form = () => page.getByRole('main');
  for (const folder of moduleFolders()) {
    await page.goto(`/keystatic/singleton/${folder}-module`);
    await addLetterToTitle(page, form);

    await page.goto(`/keystatic/singleton/${folder}-questions`);
    const firstId = (parse(read(`content/modules/${folder}/questions.yaml`)) as { questions: { id: string }[] }).questions[0].id;
    await addLetterToTitle(
      page,
      () => frontDialog(page),
      () => openItem(page, page.getByRole('grid', { name: 'Vragen' }), firstId),
      () => confirmDialog(page, 'Done'),
    );

    for (const slug of lessonSlugs(folder)) {
      await page.goto(`/keystatic/collection/${folder}-lessons/item/${slug}`);
      await addLetterToTitle(page, form);
    }
  }

  for (const { path, before, kind } of files) {
    expect(statSync(join(PROJECT, path)).mtimeMs, `${path} was written by the editor`).toBeGreaterThan(started);
    const after = read(path);
    if (kind === 'mdx') {
      const expected = lessonContent(before);
      (expected.data as { title: string }).title += 'x';
      const saved = lessonContent(after);
      expect(asCourseReads.lesson(saved.data), path).toEqual(asCourseReads.lesson(expected.data));
      expect(saved.body, `${path}: the text of the lesson`).toEqual(expected.body);
      continue;
    }
    const expected = parse(before) as { title?: string; questions?: { title: string }[] };
    if (expected.questions) expected.questions[0].title += 'x';
    else expected.title += 'x';
    const reads = expected.questions ? asCourseReads.questions : asCourseReads.module;
    expect(reads(parse(after)), path).toEqual(reads(expected));
  }
  const check = contentCheck();
  expect(check.ok, check.output).toBe(true);
});
