// Issue 18, "Bugs found" in daily use, in the browser: the result of an invitation appears where
// the eye is; /privacy and /toegankelijkheid know who is signed in; a trainer's page for one
// professional names the person, writes dates as the learner sees them and says what its figures
// are; "Team Noord" is not "Team Team Noord"; a branching step and the invite result table have
// short accessible names.
import { expect, test } from '@playwright/test';
import { completeLessons, course, demo, giz, inviteNewUser, login, takeToets } from './helpers.ts';

test.use({ viewport: { width: 1280, height: 720 } });

test('an invitation made on /team/beheer shows its link in view, at the top of the page', async ({ page }) => {
  await login(page, demo('admin').email, demo('admin').password);
  await page.goto('/team/beheer');
  const email = `zicht-${Date.now()}-${Math.floor(Math.random() * 1e6)}@gemeente.nl`;
  await page.getByLabel('Werk-e-mailadres van de collega').fill(email);
  await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const result = page.getByRole('status').filter({ hasText: `Uitnodiging voor ${email} gemaakt.` });
  await expect(result).toBeVisible();
  await expect.soft(result).toBeInViewport();
  await expect.soft(page.getByLabel('Uitnodigingslink')).toBeInViewport();
  expect.soft(new URL(page.url()).hash).toBe('#resultaat');
});

test('/privacy and /toegankelijkheid show the menu to someone signed in, and no "Inloggen"', async ({ page, browser }) => {
  await login(page, demo('learner').email, demo('learner').password);
  for (const path of ['/privacy', '/toegankelijkheid']) {
    await page.goto(path);
    await expect.soft(page.getByRole('navigation', { name: 'Hoofdmenu' }), path).toBeVisible();
    await expect.soft(page.getByRole('link', { name: 'Inloggen', exact: true }), path).toHaveCount(0);
    await expect.soft(page.getByRole('button', { name: 'Uitloggen' }), path).toBeVisible();
  }
  // Signed out, the same pages still offer to sign in.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const path of ['/privacy', '/toegankelijkheid']) {
    await visitor.goto(path);
    await expect(visitor.getByRole('link', { name: 'Inloggen', exact: true }), path).toBeVisible();
    await expect(visitor.getByRole('navigation', { name: 'Hoofdmenu' }), path).toHaveCount(0);
  }
  await anonymous.close();
});

test('a branching step is a group with a short name and the situation as its description', async ({ browser }) => {
  const { page, context } = await inviteNewUser(browser);
  const branching = giz.questions.find((q) => q.type === 'branching')!;
  if (branching.type !== 'branching') return;
  const start = branching.nodes.find((n) => n.id === branching.start)!;
  await page.goto(`/modules/giz/vragen/${branching.id}`);
  const group = page.locator(`#vraag-${branching.id}`).getByRole('group', { name: 'Stap 1: wat doe je?', exact: true });
  await expect(group).toBeVisible();
  await expect(group).toHaveAccessibleDescription(start.situation.trim().replace(/\s+/g, ' '));
  const choice = start.choices.find((c) => c.next)!;
  await group.getByLabel(choice.text, { exact: true }).check();
  await page.locator(`#vraag-${branching.id}`).getByRole('button', { name: 'Antwoord controleren' }).click();
  await expect(page.locator(`#vraag-${branching.id}`).getByRole('group', { name: 'Stap 2: wat doe je?', exact: true })).toBeVisible();
  await context.close();
});

test('a trainer invites "Team Noord" and follows one professional: names, dates and figures say what they are', async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(`Team Noord ${stamp}`);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  await expect.soft(trainer.getByRole('heading', { level: 1 })).toHaveText(`Team Noord ${stamp}`);
  const teamUrl = trainer.url();

  // The bulk invitation: the result is in view after confirming, in a table with a short name.
  const name = `Noor Noordhuis ${stamp}`;
  const email = `noor-${stamp}@gemeente.nl`;
  await trainer.getByRole('link', { name: 'Collega’s uitnodigen' }).click();
  await trainer.getByLabel('Lijst met collega’s').fill(`${name};${email}`);
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '1 uitnodiging maken' }).click();
  const made = trainer.getByRole('status').filter({ hasText: 'Uitnodigingen gemaakt.' });
  await expect.soft(made).toBeInViewport();
  await expect.soft(trainer.getByRole('table', { name: 'Resultaat van de uitnodigingen', exact: true })).toBeVisible();
  const link = await trainer.getByLabel(`Link ${email}`).inputValue();

  // A path with a due date for the whole team.
  await trainer.goto(`${teamUrl}/leerpaden`);
  await trainer.getByLabel('Naam van het leerpad').fill(`Inwerken ${stamp}`);
  await trainer.getByRole('checkbox', { name: giz.meta.title, exact: true }).check();
  await trainer.getByRole('button', { name: 'Leerpad opslaan' }).click();
  await trainer.getByLabel('Leerpad', { exact: true }).selectOption({ label: `Inwerken ${stamp}` });
  await trainer.getByLabel('Aan').selectOption({ label: 'Het hele team' });
  await trainer.getByLabel('Af op (datum)').fill('2099-12-16');
  await trainer.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(trainer.getByText('Toegewezen.')).toBeVisible();

  // The colleague joins, completes GIZ with its toets and begins another module.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto(link);
  await learner.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await learner.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await learner.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(learner).toHaveURL(/\/modules$/);
  await completeLessons(learner, giz);
  const { score, passed } = await takeToets(learner, giz, 'goed');
  expect(passed).toBe(true);
  const other = course.find((m) => m.meta.id !== 'giz' && !m.meta.draft && m.lessons.length > 1)!;
  await completeLessons(learner, { meta: other.meta, lessons: [other.lessons[0]] });
  const begunPercent = Math.floor((1 / (other.lessons.length + 1)) * 100);

  // The trainer's page for this professional.
  await trainer.goto(teamUrl);
  await trainer.getByRole('link', { name, exact: true }).click();
  await expect(trainer.getByRole('heading', { name: `Voortgang van ${name}`, level: 1 })).toBeVisible();
  await expect.soft(trainer.getByText('Af op 16 december 2099')).toBeVisible();
  await expect.soft(trainer.getByText('2099-12-16')).toHaveCount(0);
  const table = trainer.getByRole('table', { name: `Voortgang per module van ${name}`, exact: true });
  await expect.soft(table).toBeVisible();
  const rowOf = (title: string) => trainer.locator('tbody tr').filter({ has: trainer.getByRole('rowheader', { name: title, exact: true }) });
  await expect.soft(rowOf(giz.meta.title)).toContainText('Afgerond (100% van de lessen en de toets gedaan)');
  await expect.soft(rowOf(giz.meta.title)).toContainText(`beste toetsscore ${score}% (gehaald)`);
  await expect.soft(rowOf(other.meta.title)).toContainText(`Bezig (${begunPercent}% van de lessen en de toets gedaan)`);
  await learnerContext.close();
  await trainerContext.close();
});
