import { expect, test, type Browser } from '@playwright/test';
import Papa from 'papaparse';
import { demo, e2eQuery, giz, login, tokensFor } from './helpers.ts';

async function acceptLink(browser: Browser, link: string, name?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  if (name) await expect(page.getByLabel('Je naam')).toHaveValue(name);
  else await page.getByLabel('Je naam').fill('Nieuwe Collega');
  await page.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page).toHaveURL(/\/modules$/);
  return { context, page };
}

test('a trainer onboards a team from a list, assigns a path, follows progress and exports it', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const trainerContext = await browser.newContext({ acceptDownloads: true });
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Wijkteam Noord ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  await expect(trainer.getByRole('heading', { name: `Team Wijkteam Noord ${stamp}`, level: 1 })).toBeVisible();
  const teamUrl = trainer.url();
  const teamId = teamUrl.split('/team/')[1];
  expect(teamId, 'the team was made and has an id').toMatch(/^[A-Za-z0-9_-]{8,}$/);

  // A pasted list with a bad row, plus a CSV file: the preview says what is wrong, nothing is written yet.
  await trainer.getByRole('link', { name: 'Collega’s uitnodigen' }).click();
  await trainer
    .getByLabel('Lijst met collega’s')
    .fill(
      `naam;e-mail\nAnouk Jansen;anouk-${stamp}@gemeente.nl\nCarla Visser;carla-${stamp}@gemeente.nl\nDirk Smit;dirk-${stamp}@gemeente.nl\nFout Adres;geen-adres`,
    );
  await trainer
    .getByLabel('Of kies een CSV-bestand')
    .setInputFiles({ name: 'collegas.csv', mimeType: 'text/csv', buffer: Buffer.from(`Bram de Boer,bram-${stamp}@gemeente.nl\n`) });
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(trainer.getByText('1 regel bevat een fout')).toBeVisible();
  await expect(trainer.getByRole('row', { name: /Fout Adres/ })).toContainText('"geen-adres" is geen geldig e-mailadres');
  await trainer.getByRole('button', { name: '4 uitnodigingen maken' }).click();
  await expect(trainer.getByRole('status').getByText('Uitnodigingen gemaakt.')).toBeVisible();
  const linkFor = (name: string) => trainer.getByLabel(`Link ${name}-${stamp}@gemeente.nl`).inputValue();
  const [anoukLink, bramLink, carlaLink, dirkLink] = [await linkFor('anouk'), await linkFor('bram'), await linkFor('carla'), await linkFor('dirk')];

  // A path for the whole team.
  await trainer.goto(`${teamUrl}/leerpaden`);
  await trainer.getByLabel('Naam van het leerpad').fill(`Inwerken ${stamp}`);
  await trainer.getByRole('checkbox', { name: giz.meta.title, exact: true }).check();
  await trainer.getByRole('button', { name: 'Leerpad opslaan' }).click();
  await expect(trainer.getByText('Leerpad opgeslagen.')).toBeVisible();
  await trainer.getByLabel('Leerpad', { exact: true }).selectOption({ label: `Inwerken ${stamp}` });
  await trainer.getByLabel('Aan').selectOption({ label: 'Het hele team' });
  await trainer.getByLabel('Af op (datum)').fill('2099-12-31');
  await trainer.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(trainer.getByText('Toegewezen.')).toBeVisible();

  // The new colleague joins (after the path was assigned) and sees it.
  const { page: learner, context: learnerContext } = await acceptLink(browser, anoukLink, 'Anouk Jansen');
  const path = learner.getByRole('article', { name: `Inwerken ${stamp}` });
  await expect(path).toContainText('Af op 31 december 2099');
  await expect(path.getByRole('link', { name: `Volgende: ${giz.meta.title}` })).toBeVisible();

  // Progress shows up for the trainer.
  await trainer.goto(teamUrl);
  await expect(trainer.getByRole('row', { name: /Anouk Jansen/ })).toContainText('Niet begonnen');
  const q = giz.questions.find((x) => x.type === 'single')!;
  if (q.type !== 'single') return;
  const answer = await learner.request.post('/api/antwoorden', {
    headers: { origin: new URL(learner.url()).origin },
    data: {
      moduleId: 'giz',
      questionId: q.id,
      idempotencyKey: `e2e-${stamp}-aaaaaaaaaa`,
      answer: { type: 'single', choice: (await tokensFor(`anouk-${stamp}@gemeente.nl`))(q.id, q.options.find((o) => o.correct)!.id) },
    },
  });
  expect(answer.status()).toBe(201);
  await trainer.reload();
  await expect(trainer.getByRole('row', { name: /Anouk Jansen/ })).toContainText('Bezig');
  // The over-time chart can follow the path.
  await trainer.getByLabel('Leerpad', { exact: true }).selectOption({ label: `Inwerken ${stamp}` });
  await trainer.getByRole('button', { name: 'Grafiek tonen' }).click();
  await expect(trainer.getByRole('heading', { name: `Voortgang van leerpad „Inwerken ${stamp}” in de afgelopen 12 weken` })).toBeVisible();
  await expect(trainer.getByRole('img', { name: /Voortgang van leerpad/ })).toBeVisible();
  // Filtering without JavaScript, on a team with members in every status: Anouk is busy, Bram
  // has not begun, Carla completed GIZ, Dirk is late with a path of his own. The completion and
  // the past due date are written into the database: reaching them through the pages would take
  // a whole module and a calendar.
  for (const [link, name] of [
    [bramLink, 'Bram de Boer'],
    [carlaLink, 'Carla Visser'],
    [dirkLink, 'Dirk Smit'],
  ])
    await (await acceptLink(browser, link, name)).context.close();
  await e2eQuery(
    "insert into module_completions (user_id, module_id, completed_at, score, content_version) select id, 'giz', ?, 0.9, ? from users where email = ?",
    [Date.now(), giz.meta.version, `carla-${stamp}@gemeente.nl`],
  );
  await e2eQuery(
    "insert into path_assignments (path_id, user_id, due_date, created_at) select p.id, u.id, '2020-01-31', ? from learning_paths p, users u where p.name = ? and u.email = ?",
    [Date.now(), `Inwerken ${stamp}`, `dirk-${stamp}@gemeente.nl`],
  );
  const people = ['Anouk Jansen', 'Bram de Boer', 'Carla Visser', 'Dirk Smit'];
  const shown: Record<string, string[]> = {
    Bezig: ['Anouk Jansen'],
    Afgerond: ['Carla Visser'],
    'Te laat': ['Dirk Smit'],
    'Niet begonnen': people, // everyone has a module not begun yet
  };
  for (const [label, expected] of Object.entries(shown)) {
    await trainer.goto(teamUrl);
    await trainer.getByLabel('Toon status').selectOption({ label });
    await trainer.getByRole('button', { name: 'Toepassen' }).click();
    for (const person of people) {
      await expect(trainer.getByRole('row', { name: new RegExp(person) }), `filter ${label}: ${person}`).toHaveCount(expected.includes(person) ? 1 : 0);
    }
  }

  // The export is a CSV with Dutch columns that parses.
  const downloadPromise = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Voortgang downloaden (CSV)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^voortgang-wijkteam-noord-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await download.createReadStream()).toArray()).join('');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]).toEqual([
    'Naam',
    'E-mailadres',
    'Team',
    'Module',
    'Status',
    'Toetspogingen',
    'Beste gehaalde toetsscore (%)',
    'Afgerond op',
    'Afgerond vóór de toets',
    'Versie bij afronding',
    'Huidige versie',
    'Leerpad',
    'Af op (JJJJ-MM-DD)',
    'Te laat',
    'Studietijd (minuten)',
    'Laatste activiteit',
  ]);
  const gizRow = parsed.data.find((r) => r[0] === 'Anouk Jansen' && r[3] === giz.meta.title)!;
  expect(gizRow[4]).toBe('Bezig');

  // Access, over HTTP: a learner gets 403 on every trainer page and the export; another trainer
  // does not find this team at all.
  for (const path of [
    `/team/${teamId}`,
    `/team/${teamId}/export.csv`,
    `/team/${teamId}/uitnodigen`,
    `/team/${teamId}/leerpaden`,
    '/team/analyse/giz',
    '/team/voorbeeld/giz',
    '/team',
  ]) {
    const response = await learner.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await login(other, demo('admin').email, demo('admin').password);
  expect((await other.request.get(`/team/${teamId}`)).status()).toBe(200);
  await otherContext.close();
  await learnerContext.close();
  await trainerContext.close();
});

test('a trainer of another team cannot see this team, its export or its people', async ({ browser }) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await login(owner, demo('trainer').email, demo('trainer').password);
  await owner.goto('/team');
  await owner.getByLabel('Naam van het team').fill(`Geheim team ${stamp}`);
  await owner.getByRole('button', { name: 'Team aanmaken' }).click();
  await expect(owner.getByRole('heading', { name: `Team Geheim team ${stamp}`, level: 1 })).toBeVisible();
  const teamId = owner.url().split('/team/')[1];
  // Without this, a failed creation would test /team/undefined, whose 404s prove nothing.
  expect(teamId, 'the team was made and has an id').toMatch(/^[A-Za-z0-9_-]{8,}$/);
  expect((await owner.request.get(`/team/${teamId}`)).status(), 'its own trainer sees the team').toBe(200);

  // A second trainer, invited by the admin.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  await admin.goto('/team/beheer');
  await admin.getByLabel('Werk-e-mailadres van de collega').fill(`opleider-b-${stamp}@gemeente.nl`);
  await admin.locator('#veld-role').selectOption('trainer');
  await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const link = await admin.getByLabel('Uitnodigingslink').inputValue();
  const { page: otherTrainer, context } = await acceptLink(browser, link);
  for (const path of [
    `/team/${teamId}`,
    `/team/${teamId}/export.csv`,
    `/team/${teamId}/uitnodigen`,
    `/team/${teamId}/leerpaden`,
    `/team/${teamId}/professional/aaaaaaaaaaaaaaaaaaaaaaaa`,
  ]) {
    expect((await otherTrainer.request.get(path)).status(), path).toBe(404);
  }
  const post = await otherTrainer.request.post(`/team/${teamId}/uitnodigen`, {
    headers: { origin: new URL(otherTrainer.url()).origin, 'content-type': 'application/x-www-form-urlencoded' },
    data: `action=confirm&rol=learner&lijst=${encodeURIComponent(`Indringer,indringer-${stamp}@gemeente.nl`)}`,
  });
  expect(post.status()).toBe(404);
  await context.close();
  await adminContext.close();
  await ownerContext.close();
});

test('the question analysis points a trainer to a flawed question', async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Analyseteam ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  await trainer.getByRole('link', { name: 'Collega’s uitnodigen' }).click();
  const emails = Array.from({ length: 5 }, (_, i) => `analyse-${i}-${stamp}@gemeente.nl`);
  await trainer.getByLabel('Lijst met collega’s').fill(emails.join('\n'));
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '5 uitnodigingen maken' }).click();

  // Five professionals all fall for the same wrong option.
  const q = giz.questions.find((x) => x.type === 'single')!;
  if (q.type !== 'single') return;
  const distractor = q.options.find((o) => !o.correct)!;
  for (const email of emails) {
    const link = await trainer.getByLabel(`Link ${email}`).inputValue();
    const { page, context } = await acceptLink(browser, link);
    const response = await page.request.post('/api/antwoorden', {
      headers: { origin: new URL(page.url()).origin },
      data: {
        moduleId: 'giz',
        questionId: q.id,
        idempotencyKey: `an-${email}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 60),
        answer: { type: 'single', choice: (await tokensFor(email))(q.id, distractor.id) },
      },
    });
    expect(response.status()).toBe(201);
    await context.close();
  }

  const teamId = new URL(trainer.url()).pathname.split('/')[2];
  await trainer.goto(`/team/analyse/giz?team=${teamId}`);
  await expect(trainer.getByText('Gebaseerd op 5 professionals.')).toBeVisible();
  const row = trainer.locator(`#analyse-${q.id}`);
  await expect(row).toContainText('Bijna iedereen heeft het fout');
  await expect(row).toContainText('Een fout antwoord wordt vaker gekozen dan het goede');
  await expect(row.locator('td').nth(2)).toHaveText('0%');
  // The misconception by its label from module.yaml, not by its code.
  await expect(trainer.getByText(giz.meta.misconceptions[distractor.misconception!])).toBeVisible();
  await expect(trainer.getByText(distractor.misconception!)).toHaveCount(0);
  await trainerContext.close();
});
