// Issue 17 part 2, through the browser: for one professional, the catalogue and "Mijn voortgang"
// (as the learner), the team dashboard, the trainer's page for that professional and the CSV
// export (as the trainer) show the same status for every module.
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { course, demo, e2eQuery, giz, login } from './helpers.ts';

const published = course.filter((m) => !m.meta.draft);
const title = (id: string) => published.find((m) => m.meta.id === id)!.meta.title;

/** Title → status text, read from rows that each hold a module title and one status element. */
async function statusesOf(rows: Locator, titleOf: (row: Locator) => Locator, statusOf: (row: Locator) => Locator): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const row of await rows.all()) found[(await titleOf(row).innerText()).trim()] = (await statusOf(row).innerText()).trim();
  return found;
}

async function dashboardStatuses(page: Page, name: string): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Voortgang per professional' });
  // A module column is headed by its short title, with the full title for screen readers.
  const titles = await table
    .locator('thead th.module-col')
    .evaluateAll((ths) => ths.map((th) => (th.querySelector('.visually-hidden') ?? th).textContent!.trim()));
  const row = table.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });
  const cells = (await row.locator('.cell-status').allInnerTexts()).map((s) => s.trim());
  expect(cells.length, 'one status per module column').toBe(titles.length);
  return Object.fromEntries(titles.map((tt, i) => [tt, cells[i]]));
}

test('catalogue, Mijn voortgang, dashboard, professional page and CSV agree on every module', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const name = `Eva Status ${stamp}`;
  const email = `eva-status-${stamp}@gemeente.nl`;
  const trainerContext = await browser.newContext({ acceptDownloads: true });
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Team Status ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  await expect(trainer.getByRole('heading', { name: `Team Status ${stamp}`, level: 1 })).toBeVisible();
  const teamUrl = trainer.url();

  await trainer.getByRole('link', { name: 'Collega’s uitnodigen' }).click();
  await trainer.getByLabel('Lijst met collega’s').fill(`naam;e-mail\n${name};${email}`);
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '1 uitnodiging maken' }).click();
  const link = await trainer.getByLabel(`Link ${email}`).inputValue();

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(link);
  await learner.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await learner.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await learner.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(learner).toHaveURL(/\/modules$/);

  // GIZ begun through its first lesson; Toegang completed and Veiligheid not begun, both on a
  // path that was due in 2020. The completion and the past due date are written into the
  // database, as in teams.spec.ts: reaching them through the pages would take a module and a calendar.
  await learner.goto(`/modules/giz/${giz.lessons[0].id}`);
  await expect(learner.getByRole('heading', { name: giz.lessons[0].title, level: 1 })).toBeVisible();
  const toegang = published.find((m) => m.meta.id === 'toegang')!;
  await e2eQuery(
    "insert into module_completions (user_id, module_id, completed_at, score, content_version) select id, 'toegang', ?, 0.9, ? from users where email = ?",
    [Date.now(), toegang.meta.version, email],
  );
  await e2eQuery('insert into learning_paths (id, name, module_ids, created_by, created_at) select ?, ?, ?, id, ? from users where email = ?', [
    `pad-${stamp}`,
    `Te laat ${stamp}`,
    JSON.stringify(['toegang', 'veiligheid']),
    Date.now(),
    demo('trainer').email,
  ]);
  await e2eQuery("insert into path_assignments (path_id, user_id, due_date, created_at) select ?, id, '2020-01-31', ? from users where email = ?", [
    `pad-${stamp}`,
    Date.now(),
    email,
  ]);

  const expected = Object.fromEntries(
    published.map((m) => [
      m.meta.title,
      m.meta.id === 'giz' ? 'Bezig' : m.meta.id === 'toegang' ? 'Afgerond' : m.meta.id === 'veiligheid' ? 'Te laat' : 'Niet begonnen',
    ]),
  );
  expect(expected[title('veiligheid')]).toBe('Te laat');

  // The learner: the catalogue's cards and Mijn voortgang.
  await learner.goto('/modules');
  const catalogue = await statusesOf(
    learner.locator('article.module-card'),
    (card) => card.locator('h2'),
    (card) => card.locator('.meta-line .status'),
  );
  await learner.goto('/voortgang');
  const mine = await statusesOf(
    learner.getByRole('table', { name: 'Mijn voortgang' }).locator('tbody tr'),
    (row) => row.locator('th'),
    (row) => row.locator('.status'),
  );
  // A late module not begun still offers to begin.
  await learner.goto('/modules');
  await expect(learner.getByRole('article', { name: title('veiligheid') }).getByRole('link', { name: 'Beginnen' })).toBeVisible();

  // The trainer: the dashboard, the professional's page and the CSV.
  await trainer.goto(teamUrl);
  const dashboard = await dashboardStatuses(trainer, name);
  await trainer.getByRole('link', { name, exact: true }).click();
  await expect(trainer.getByRole('heading', { name: `Voortgang van ${name}`, level: 1 })).toBeVisible();
  const professional = await statusesOf(
    trainer.getByRole('table', { name: `Voortgang per module van ${name}` }).locator('tbody tr'),
    (row) => row.locator('th'),
    (row) => row.locator('.status'),
  );
  await trainer.goto(teamUrl);
  const downloadPromise = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Voortgang downloaden (CSV)' }).click();
  const text = (await (await (await downloadPromise).createReadStream()).toArray()).join('');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const csv = Object.fromEntries(parsed.data.filter((r) => r[1] === email).map((r) => [r[3], r[4]]));

  expect({ catalogue, mine, dashboard, professional, csv }).toEqual({
    catalogue: expected,
    mine: expected,
    dashboard: expected,
    professional: expected,
    csv: expected,
  });
  await learnerContext.close();
  await trainerContext.close();
});
