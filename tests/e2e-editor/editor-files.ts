// What the content-editor tests need beside the browser: the files of the project copy the dev
// server runs in (scripts/editor-e2e-server.sh), the content check run there, the editor's
// dialogs, and a judge for "only the formatting changed".
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
// The markdown parser the editor itself uses (dependencies of @keystatic/core): two files that
// parse to the same tree differ in formatting only.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse } from 'yaml';
import { lessonMetaSchema, moduleMetaSchema, questionBankSchema } from '../../src/lib/content/schemas.ts';

export const PROJECT = process.env.EDITOR_PROJECT_DIR!;
export const read = (path: string) => readFileSync(join(PROJECT, path), 'utf8');
export const moduleFolders = () => readdirSync(join(PROJECT, 'content/modules')).sort();
export const lessonSlugs = (folder: string) =>
  readdirSync(join(PROJECT, 'content/modules', folder, 'lessons'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.slice(0, -'.mdx'.length))
    .sort();

/** `npm run content:check` in the copy; its output when it fails. */
export function contentCheck(): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(process.execPath, ['scripts/validate-content.ts'], { cwd: PROJECT, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: `${stdout}\n${stderr}` };
  }
}

/**
 * A file's data as the course reads it: through the loader's own schemas, so what the editor adds
 * when it saves a form (a checkbox's `false`, an empty list a kind of question does not use, the
 * toets settings at their defaults) counts as what it means, and nothing else is forgiven.
 */
export const asCourseReads = {
  module: (data: unknown) => moduleMetaSchema.parse(data),
  questions: (data: unknown) => questionBankSchema.parse(data),
  lesson: (data: unknown) => lessonMetaSchema.parse(data),
};

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

/** An MDX lesson as data and as a markdown tree without positions: what a save may not change. */
export function lessonContent(source: string) {
  const match = FRONTMATTER.exec(source);
  const tree = fromMarkdown(source.slice(match?.[0].length ?? 0), { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node)
          .filter(([k]) => k !== 'position' && k !== 'data')
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return node;
  };
  return { data: parse(match?.[1] ?? '') as Record<string, unknown>, body: strip(tree) };
}

/** The editor's form dialogs stack; the one in front is the last. */
export const frontDialog = (page: Page) => page.getByRole('dialog').last();

/**
 * Opens the item `id` of the list `grid` in its form dialog. Clicked again while the editor is
 * still starting up: a click before its scripts are ready opens nothing.
 */
export async function openItem(page: Page, grid: Locator, id: string) {
  const open = await page.getByRole('dialog').count();
  await expect(async () => {
    await grid.getByRole('row', { name: id, exact: true }).getByText(id, { exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(open + 1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Closes the front dialog with its confirming button ("Done" to edit, "Add" to add). */
export async function confirmDialog(page: Page, button: 'Done' | 'Add') {
  const open = await page.getByRole('dialog').count();
  await frontDialog(page).getByRole('button', { name: button, exact: true }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(open - 1);
}

/**
 * Saves the open entry: the editor's write succeeds, and the editor takes it as saved (nothing
 * left to reset). Before the click, the editor has a change to save (Reset is on).
 */
export async function saveEntry(page: Page) {
  const reset = page
    .getByRole('toolbar')
    .first()
    .getByRole('button', { name: /^Reset/ });
  await expect(reset, 'the editor has a change to save').toBeEnabled();
  const written = page.waitForResponse((r) => r.url().endsWith('/api/keystatic/update') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  expect((await written).status(), 'the save was accepted').toBe(200);
  await expect(reset, 'the editor shows the entry saved').toBeDisabled();
}
