// Issue 19, acceptance test 2: in the browser, a trainer changes the feedback of one option, adds a
// single-choice question and a branching case with three decision points and a red line, and puts
// a Casus and a Kernpunt block in a lesson — all through the editor's forms and insert menu, none
// typed as YAML or tags (and first, in the module's form, a misconception's label and the size of
// the toets). Then the files of the dev server's project copy say exactly that, `content:check`
// passes, and the preview shows the change as professionals will see it.
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { BranchingQuestion, Question } from '../../src/lib/content/schemas.ts';
import { demo, login } from '../e2e/helpers.ts';
import { confirmDialog, contentCheck, frontDialog, openItem, read, saveEntry } from './editor-files.ts';

test.describe.configure({ timeout: 300_000 });

const MODULE = 'content/modules/giz/module.yaml';
const BANK = 'content/modules/giz/questions.yaml';
const LESSON = 'content/modules/giz/lessons/02-breed-kijken.mdx';
/**
 * A picture of the editor at this step, for the trainers' guide (docs/authoring.md): into
 * docs/screenshots with `npm run screenshots` (EDITOR_SCREENSHOTS), else beside the test's results.
 */
async function photograph(page: Page, name: string) {
  await page.waitForTimeout(300); // the editor's controls animate a change (a checkbox's tick): a picture waits it out
  await page.screenshot({ path: join(process.env.EDITOR_SCREENSHOTS ?? test.info().outputDir, `editor-${name}.png`) });
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bank = () => (parse(read(BANK)) as { questions: Question[] }).questions;

/** Fills the text fields of the front dialog, by their labels. */
async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await frontDialog(page).getByRole('textbox', { name: label, exact: true }).fill(value);
}

/** Opens the form for a new item of the list `label` in `scope` (the page or the front dialog). */
async function addItem(page: Page, scope: Locator, label: string) {
  const open = await page.getByRole('dialog').count();
  await scope.getByRole('group', { name: label, exact: true }).getByRole('button', { name: 'Add', exact: true }).first().click();
  await expect(page.getByRole('dialog')).toHaveCount(open + 1);
}

/** Picks `option` in the select field `label` of the front dialog. */
async function select(page: Page, label: string, option: string) {
  await frontDialog(page)
    .getByRole('button', { name: new RegExp(`${label}$`) })
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface ChoiceInput {
  id: string;
  text: string;
  consequence: string;
  quality?: 'matig' | 'onjuist';
  misconception?: string;
  next?: string;
  redLine?: boolean;
}

async function addChoice(page: Page, choice: ChoiceInput) {
  await addItem(page, frontDialog(page), 'Keuzes');
  await fill(page, { 'Vaste id (kleine letters, cijfers, streepjes)': choice.id, Keuze: choice.text, 'Wat er daarna gebeurt': choice.consequence });
  if (choice.quality) await select(page, 'Kwaliteit', choice.quality);
  if (choice.misconception) await fill(page, { 'Misverstand (code)': choice.misconception });
  if (choice.next) await fill(page, { 'Volgend beslismoment (id; leeg: de casus eindigt)': choice.next });
  if (choice.redLine) {
    await frontDialog(page).getByRole('checkbox', { name: 'Rode lijn: de casus stopt met score 0' }).check();
    await photograph(page, 'rode-lijn');
  }
  await confirmDialog(page, 'Add');
}

async function addNode(page: Page, id: string, situation: string, choices: ChoiceInput[]) {
  await addItem(page, frontDialog(page), 'Beslismomenten (vertakte casus)');
  await fill(page, { 'Vaste id (kleine letters, cijfers, streepjes)': id, 'Situatie bij dit beslismoment': situation });
  for (const choice of choices) await addChoice(page, choice);
  await confirmDialog(page, 'Add');
}

const NEW_LABEL = 'Een gesprek voeren waarin je oordeelt in plaats van samen te kijken';
const NEW_FEEDBACK = 'Niet de beste keuze: een verwijzing is niet de enige uitkomst die telt. Ilse heeft net zelf een eerste stap bedacht.';
const SINGLE = { id: 'giz-editor-terugkijken', title: 'Terugkijken met Noor' };
const CASE = { id: 'giz-editor-casus-huisbezoek', title: 'Huisbezoek bij Yara' };
const CASUS = { title: 'Femke en de logeerweekenden', text: 'Femke (9) logeert elk weekend bij haar oma.' };
const KERNPUNT = 'Vraag altijd wat het gezin zelf al geprobeerd heeft.';

test('a trainer edits feedback, adds a question and a branching case, and puts a Casus and a Kernpunt in a lesson', async ({ page }) => {
  await login(page, demo('trainer').email, demo('trainer').password);
  const before = bank();

  // 0. The module: the label of a misconception, and how many questions the toets draws.
  await page.goto('/keystatic/singleton/giz-module');
  await openItem(page, page.getByRole('grid', { name: 'Misverstanden: code en omschrijving' }), 'oordelend-gesprek');
  await fill(page, { 'Omschrijving: wat de professional dan verkeerd denkt of doet': NEW_LABEL });
  await confirmDialog(page, 'Done');
  await page.getByRole('textbox', { name: 'Aantal vragen dat de toets trekt' }).fill('8');
  await saveEntry(page);

  // 1. The feedback of one option of an existing question.
  await page.goto('/keystatic/singleton/giz-questions');
  // The first visit builds the editor's scripts on a fresh dev server: it may take a while.
  await expect(page.getByRole('grid', { name: 'Vragen' }).getByRole('row').first()).toBeVisible({ timeout: 60_000 });
  await photograph(page, 'vragenbank');
  const target = before.find((q) => q.type === 'single')!;
  await openItem(page, page.getByRole('grid', { name: 'Vragen' }), target.id);
  const wrong = target.options.find((o) => !o.correct)!;
  await openItem(page, frontDialog(page).getByRole('grid', { name: /^Opties/ }), wrong.id);
  await fill(page, { 'Feedback: waarom wel of niet': NEW_FEEDBACK });
  await photograph(page, 'feedback');
  await confirmDialog(page, 'Done');
  await confirmDialog(page, 'Done');

  // 2. A new single-choice question.
  await addItem(page, page.getByRole('main'), 'Vragen');
  await fill(page, {
    'Vaste id (kleine letters, cijfers, streepjes)': SINGLE.id,
    'Les (id)': 'giz-breed-kijken',
    Titel: SINGLE.title,
    Situatie: 'Noor heeft met haar vader een weekplanning gemaakt. Wat spreek je af?',
  });
  for (const option of [
    { id: 'a', text: 'Een moment om samen terug te kijken.', correct: true, feedback: 'Juist: de analyse loopt door.' },
    {
      id: 'b',
      text: 'Niets: het gezin heeft een plan, dus het dossier kan dicht zonder verdere afspraak.',
      feedback: 'Niet helemaal: je weet nog niet of het plan werkt.',
      misconception: 'analyse-als-momentopname',
    },
  ]) {
    await addItem(page, frontDialog(page), 'Opties (één juist antwoord of meer juiste antwoorden)');
    await fill(page, {
      'Vaste id (kleine letters, cijfers, streepjes)': option.id,
      'Tekst van de optie': option.text,
      'Feedback: waarom wel of niet': option.feedback,
    });
    if (option.correct) await frontDialog(page).getByRole('checkbox', { name: 'Juist antwoord' }).check();
    if (option.misconception) await fill(page, { 'Misverstand (code)': option.misconception });
    await confirmDialog(page, 'Add');
  }
  await confirmDialog(page, 'Add');

  // 3. A new branching case: three decision points in a row, and a red line at the first.
  await addItem(page, page.getByRole('main'), 'Vragen');
  await select(page, 'Soort vraag', 'Vertakte casus');
  await fill(page, {
    'Vaste id (kleine letters, cijfers, streepjes)': CASE.id,
    'Les (id)': 'giz-breed-kijken',
    Titel: CASE.title,
    Situatie: 'Je gaat op huisbezoek bij Yara (6) en haar moeder.',
    'Eerste beslismoment, id (vertakte casus)': 'binnenkomst',
    'Nabespreking (vertakte casus)': 'Breed kijken begint bij wat het gezin zelf vertelt.',
  });
  await addNode(page, 'binnenkomst', 'Moeder vertelt dat Yara slecht slaapt.', [
    { id: 'vragen', text: 'Je vraagt wat er thuis speelt.', consequence: 'Moeder vertelt over de verhuizing.', next: 'driehoek' },
    {
      id: 'dreigen',
      text: 'Je zegt dat je Veilig Thuis belt als het niet beter gaat.',
      consequence: 'Moeder sluit zich af; het gesprek stopt.',
      quality: 'onjuist',
      misconception: 'oordelend-gesprek',
      redLine: true,
    },
  ]);
  await addNode(page, 'driehoek', 'Jullie lopen de driehoek door.', [
    { id: 'samen', text: 'Je kijkt met moeder naar alle drie de zijden.', consequence: 'Opa blijkt een steun.', next: 'afspraak' },
    {
      id: 'alleen-kind',
      text: 'Je vraagt alleen naar hoe Yara slaapt en wat ze op school doet.',
      consequence: 'Je mist de verhuizing als oorzaak.',
      quality: 'matig',
      misconception: 'alleen-kind-zien',
      next: 'afspraak',
    },
  ]);
  await addNode(page, 'afspraak', 'Wat spreek je af?', [
    { id: 'terugkijken', text: 'Over zes weken samen terugkijken.', consequence: 'Moeder weet waar ze aan toe is.' },
    {
      id: 'verwijzen',
      text: 'Je verwijst meteen naar een slaapkliniek, voor de zekerheid, zonder verder te vragen.',
      consequence: 'De wachtlijst is lang en de oorzaak blijft liggen.',
      quality: 'onjuist',
      misconception: 'zwaarder-dan-nodig',
    },
  ]);
  await confirmDialog(page, 'Add');
  await saveEntry(page);

  // 4. A Casus and a Kernpunt in a lesson, from the editor's insert menu.
  await page.goto('/keystatic/collection/giz-lessons/item/02-breed-kijken');
  const insertAfter = async (heading: string, block: string, text: string) => {
    await page.getByRole('heading', { name: heading, level: 2 }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // "/" opens the insert menu; typing the start of the block's name narrows it (the menu shows
    // only its first dozen items), as a person types: one key at a time.
    await page.keyboard.type('/');
    const menu = page.getByRole('listbox', { name: 'Insert menu' });
    await expect(menu).toBeVisible();
    await page.keyboard.type(block.slice(0, 3), { delay: 150 });
    if (block === 'Casus') await photograph(page, 'blok-invoegen');
    await menu.getByRole('option', { name: block, exact: true }).click();
    // The new block is empty; the trainer clicks into it and writes.
    await page.locator('.ProseMirror-blockParent p:has(> br.ProseMirror-trailingBreak:only-child)').click();
    await page.keyboard.type(text);
  };
  await insertAfter('Alles hangt samen', 'Kernpunt', KERNPUNT);
  await insertAfter('Sterke kanten tellen even zwaar', 'Casus', CASUS.text);
  await page.locator('.ProseMirror-blockParent', { hasText: CASUS.text }).getByRole('button', { name: 'Edit' }).first().click();
  await fill(page, { 'Titel van de casus': CASUS.title });
  await confirmDialog(page, 'Done');
  await saveEntry(page);
  await photograph(page, 'les');

  // The files say exactly that.
  const moduleData = parse(read(MODULE)) as { misconceptions: { code: string; label: string }[]; toets: { questions: number } };
  expect(moduleData.misconceptions.find((m) => m.code === 'oordelend-gesprek')?.label).toBe(NEW_LABEL);
  expect(moduleData.toets.questions).toBe(8);
  const after = bank();
  expect(after).toHaveLength(before.length + 2);
  const edited = after.find((q) => q.id === target.id) as typeof target;
  expect(edited.options.find((o) => o.id === wrong.id)!.feedback).toBe(NEW_FEEDBACK);
  const single = after.find((q) => q.id === SINGLE.id)!;
  expect(single).toMatchObject({ type: 'single', title: SINGLE.title, lesson: 'giz-breed-kijken' });
  expect(single.type === 'single' && single.options.map((o) => [o.id, o.correct])).toEqual([
    ['a', true],
    ['b', false],
  ]);
  const branching = after.find((q) => q.id === CASE.id) as BranchingQuestion;
  expect(branching).toMatchObject({ type: 'branching', title: CASE.title, start: 'binnenkomst' });
  expect(branching.nodes.map((n) => n.id)).toEqual(['binnenkomst', 'driehoek', 'afspraak']);
  expect(branching.nodes[0].choices.map((c) => [c.id, c.next, c.redLine ?? false])).toEqual([
    ['vragen', 'driehoek', false],
    ['dreigen', undefined, true],
  ]);
  const lesson = read(LESSON);
  expect(lesson).toMatch(new RegExp(`<Kernpunt>\\s*${escaped(KERNPUNT)}\\s*</Kernpunt>`));
  expect(lesson).toMatch(new RegExp(`<Casus titel="${escaped(CASUS.title)}">\\s*${escaped(CASUS.text)}\\s*</Casus>`));
  const check = contentCheck();
  expect(check.ok, check.output).toBe(true);

  // The preview: the lesson as professionals see it, and the question bank with its feedback.
  await expect(async () => {
    await page.goto('/modules/giz/giz-breed-kijken');
    await expect(page.getByRole('complementary', { name: `Casus: ${CASUS.title}` })).toContainText(CASUS.text, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByText(KERNPUNT)).toBeVisible();
  await page.getByRole('complementary', { name: `Casus: ${CASUS.title}` }).scrollIntoViewIfNeeded();
  await photograph(page, 'voorbeeld-les');
  await page.goto('/team/voorbeeld/giz');
  await expect(page.getByText(NEW_FEEDBACK)).toBeVisible();
  await expect(page.getByRole('heading', { name: SINGLE.title })).toBeVisible();
  await expect(page.getByRole('heading', { name: CASE.title })).toBeVisible();
});
