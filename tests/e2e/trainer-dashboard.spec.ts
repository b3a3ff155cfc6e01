// The trainer's dashboard, its CSV and the question analysis as a trainer uses them (issue 18,
// Trainers): the table fits a 1280 px screen with short module names, the name column stays in
// view when the table scrolls, each person's leerpad, due date and "te laat" are shown and
// exported, and the analysis speaks in misconception labels and answer texts, never in ids.
import AxeBuilder from '@axe-core/playwright';
import { STATEMENT_ENV } from './statement-settings.ts';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { answerWrongly, course, demo, e2eQuery, giz, login } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe violations on ${what}`,
  ).toEqual([]);
}

/** A new team of the demo trainer with these colleagues, each of whom accepted the invitation. */
async function teamWith(browser: Browser, label: string, people: string[]) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const trainer = await context.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`${label} ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamUrl = new URL(trainer.url()).pathname;
  const teamId = teamUrl.split('/')[2];
  const emailOf = (name: string) => `${name.toLowerCase().replace(/\W+/g, '-')}-${stamp}@gemeente.nl`;
  await trainer.goto(`${teamUrl}/uitnodigen`);
  await trainer.getByLabel('Lijst met collega’s').fill(people.map((name) => `${name};${emailOf(name)}`).join('\n'));
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: /uitnodiging(en)? maken/ }).click();
  const learners: Record<string, Page> = {};
  for (const name of people) {
    const link = await trainer.getByLabel(`Link ${emailOf(name)}`).inputValue();
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(link);
    await learner.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
    await learner.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
    await learner.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect(learner).toHaveURL(/\/modules$/);
    learners[name] = learner;
  }
  const close = async () => {
    for (const page of Object.values(learners)) await page.context().close();
    await context.close();
  };
  return { stamp, trainer, teamUrl, teamId, emailOf, learners, close };
}

test('the dashboard fits 1280 px, keeps the names in view and shows leerpad, due date and "te laat"; the CSV has them too', async ({ browser }) => {
  const team = await teamWith(browser, 'Dashboardteam', ['Anouk Jansen', 'Dirk Smit']);
  const { trainer, stamp } = team;
  // A path for the whole team, due far ahead, and Dirk's own copy that was due in 2020. Written
  // into the database: the leerpaden page is another part of the issue, and a past date cannot be
  // chosen there.
  const path = `Inwerken ${stamp}`;
  await e2eQuery("insert into learning_paths (id, name, module_ids, created_at) values (?, ?, json_array('giz', 'triage'), ?)", [
    `pad-${stamp}`,
    path,
    Date.now(),
  ]);
  await e2eQuery('insert into path_assignments (path_id, team_id, due_date, created_at) values (?, ?, ?, ?)', [
    `pad-${stamp}`,
    team.teamId,
    '2099-12-16',
    Date.now(),
  ]);
  await e2eQuery("insert into path_assignments (path_id, user_id, due_date, created_at) select ?, id, '2020-01-31', ? from users where email = ?", [
    `pad-${stamp}`,
    Date.now(),
    team.emailOf('Dirk Smit'),
  ]);
  // Anouk answers a question, so she has a last activity.
  const anouk = team.learners['Anouk Jansen'];
  const q = giz.questions.find((x) => x.type === 'single')!;
  await anouk.goto(`/modules/giz/vragen/${q.id}`);
  await answerWrongly(anouk, q);

  await trainer.goto(team.teamUrl);
  const table = trainer.getByRole('table', { name: 'Voortgang per professional' });
  await expect(table).toBeVisible();

  // Each person: the leerpad, the next due date as the learner reads it, and "te laat" in words.
  const pathCell = (name: string) => table.getByRole('row', { name: new RegExp(name) }).locator('td.path-cell');
  const words = (...parts: string[]) => new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}$`);
  await expect(pathCell('Anouk Jansen')).toHaveText(words(path, 'Af op 16 december 2099'));
  await expect(pathCell('Dirk Smit')).toHaveText(words(path, 'Af op 31 januari 2020', 'Te laat'));

  // Short module headers: none wraps over more than two lines; the full title is there for screen readers.
  const modules = course.filter((m) => !m.meta.draft);
  for (const mod of modules) {
    const header = table.getByRole('columnheader', { name: mod.meta.title, exact: true });
    await expect(header, mod.meta.title).toHaveCount(1);
    const lines = await header.evaluate((th) => {
      const range = document.createRange();
      range.selectNodeContents(th.querySelector('[aria-hidden="true"]') ?? th);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, `${mod.meta.shortTitle ?? mod.meta.title}: lines`).toBeLessThanOrEqual(2);
  }
  // At 1280 × 800 the whole table is in view: nothing to scroll, nothing past the window's edge.
  const fit = await table.evaluate((t) => {
    const wrap = t.parentElement!;
    return { scroll: wrap.scrollWidth, client: wrap.clientWidth, right: wrap.getBoundingClientRect().right, window: document.documentElement.clientWidth };
  });
  expect(fit.scroll, 'the table does not need to scroll').toBeLessThanOrEqual(fit.client);
  expect(fit.right).toBeLessThanOrEqual(fit.window);
  await expectNoViolations(trainer, 'team dashboard at 1280 px');

  // On a narrow screen the table scrolls sideways and the names stay in view.
  await trainer.setViewportSize({ width: 390, height: 844 });
  const wrap = trainer.getByRole('region', { name: 'Voortgang per professional' });
  await wrap.scrollIntoViewIfNeeded();
  await wrap.evaluate((el) => el.scrollTo({ left: 600 }));
  const name = table.getByRole('rowheader', { name: 'Dirk Smit' });
  await expect(name).toBeInViewport();
  const [nameBox, wrapBox] = [await name.boundingBox(), await wrap.boundingBox()];
  expect(await wrap.evaluate((el) => el.scrollLeft), 'the table did scroll').toBeGreaterThan(100);
  expect(Math.abs(nameBox!.x - wrapBox!.x), 'the name column stuck to the left edge').toBeLessThan(2);
  await expectNoViolations(trainer, 'team dashboard at 390 px');
  await trainer.setViewportSize({ width: 1280, height: 800 });

  // The CSV: the new columns with the values of these two people.
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Voortgang downloaden (CSV)' }).click();
  const text = (await (await (await download).createReadStream()).toArray()).join('');
  const [header, ...lines] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
  const columns = ['Module', 'Leerpad', 'Af op (JJJJ-MM-DD)', 'Te laat', 'Studietijd (minuten)', 'Laatste activiteit'].map((c) => header.indexOf(c));
  expect(
    columns.every((i) => i >= 0),
    header.join(';'),
  ).toBe(true);
  const line = (person: string, mod: string) => columns.map((i) => lines.find((l) => l[0] === person && l[3] === mod)![i]);
  expect(line('Dirk Smit', giz.meta.title)).toEqual([giz.meta.title, path, '2020-01-31', 'ja', '0', '']);
  const anoukGiz = line('Anouk Jansen', giz.meta.title);
  expect(anoukGiz.slice(0, 5)).toEqual([giz.meta.title, path, '2099-12-16', 'nee', '0']);
  expect(anoukGiz[5]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
  const veiligheid = modules.find((m) => m.meta.id === 'veiligheid')!;
  expect(line('Anouk Jansen', veiligheid.meta.title)).toEqual([veiligheid.meta.title, '', '', 'nee', '0', '']);
  await team.close();
});

test('the question analysis shows misconception labels and answer texts, and "te weinig pogingen" as a note', async ({ browser }) => {
  const team = await teamWith(browser, 'Analyseteam', ['Sanne Bakker']);
  const learner = team.learners['Sanne Bakker'];
  const single = giz.questions.find((x) => x.type === 'single')!;
  const branching = giz.questions.find((x) => x.type === 'branching')!;
  for (const q of [single, branching]) {
    await learner.goto(`/modules/giz/vragen/${q.id}`);
    await answerWrongly(learner, q);
  }
  const { trainer } = team;
  await trainer.goto(`/team/analyse/giz?team=${team.teamId}`);
  await expect(trainer.getByText('Gebaseerd op 1 professional.')).toBeVisible();

  // Misconceptions by their labels from module.yaml, never by their codes.
  const list = trainer.locator('ol.misconceptions');
  const wrongOption = single.type === 'single' ? single.options.find((o) => !o.correct)! : undefined;
  await expect(list).toContainText(giz.meta.misconceptions[wrongOption!.misconception!]);
  for (const code of Object.keys(giz.meta.misconceptions)) await expect(list).not.toContainText(code);

  // The chosen answers of the branching case: decision and choice text, no step or choice ids.
  const row = trainer.locator(`#analyse-${branching.id}`);
  await row.getByText('Gekozen antwoorden').click();
  const answers = row.locator('details li');
  await expect(answers.first()).toContainText('Beslissing 1: ');
  if (branching.type !== 'branching') throw new Error('giz has a branching case');
  const choiceTexts = branching.nodes.flatMap((n) => n.choices.map((c) => c.text));
  for (const text of await answers.allTextContents()) {
    const [, decision, choice] = /^Beslissing (\d+): (.+): \d+/s.exec(text.trim()) ?? [];
    expect(decision, text).toBeDefined();
    expect(choiceTexts, text).toContain(choice.trim());
    expect(text).not.toMatch(/\d+\/[a-z0-9-]+/);
  }

  // Too few people is information: a quiet note, not an alert.
  const note = row.locator('[data-flag="te-weinig-pogingen"]');
  await expect(note).toHaveText('Te weinig pogingen om iets te zeggen');
  await expect(note).not.toHaveAttribute('role', 'alert');
  expect(await note.evaluate((el) => el.closest('[role="alert"], .flag-list, .alert'))).toBeNull();

  // Every question links to its question bank in the editing environment (CONTENT_EDITOR_URL), by id.
  const editorLinks = trainer.locator('a[data-editor-link]');
  expect(await editorLinks.count()).toBe(giz.questions.length);
  const toBranching = row.getByRole('link', { name: new RegExp(`^Bewerken in de editor \\(vraag ${branching.id}\\)`) });
  await expect(toBranching).toHaveAttribute('href', `${STATEMENT_ENV.CONTENT_EDITOR_URL}/keystatic/singleton/giz-questions`);
  await expect(toBranching).toHaveAccessibleName(`Bewerken in de editor (vraag ${branching.id}): ${branching.title}`);
  await expectNoViolations(trainer, '/team/analyse/giz');
  await team.close();
});
