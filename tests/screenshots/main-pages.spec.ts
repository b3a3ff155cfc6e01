// Photographs of the main pages at desktop and phone size for the README (docs/screenshots/), made
// the way a user gets there: a new professional's first visit, a lesson, feedback on a question,
// search, the completion screen and certificate, and a trainer's team with three colleagues.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { answerWrongly, completeLessons, demo, giz, login, takeToets } from '../e2e/helpers.ts';

const OUT = 'docs/screenshots';
const SIZES = { desktop: { width: 1280, height: 800 }, telefoon: { width: 390, height: 844 } } as const;
const PASSWORD = 'een-goed-wachtwoord-2026';

/** Both sizes of one page; `focus` is scrolled to the top of the picture (the feedback, not the question above it). */
async function shoot(page: Page, name: string, focus?: Locator): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    if (focus) await focus.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${OUT}/${name}-${size}.png` });
  }
}

async function accept(browser: Browser, link: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: SIZES.desktop })).newPage();
  await page.goto(link);
  await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page).toHaveURL(/\/modules$/);
  return page;
}

test('the main pages, desktop and phone', async ({ browser }) => {
  const stamp = `${Date.now()}`;
  const trainerContext = await browser.newContext({ viewport: SIZES.desktop });
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill('Wijkteam Noord');
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamId = new URL(trainer.url()).pathname.split('/')[2];
  await trainer.goto(`/team/${teamId}/uitnodigen`);
  const people = [
    ['Anouk Jansen', `anouk-${stamp}@gemeente.nl`],
    ['Bram de Boer', `bram-${stamp}@gemeente.nl`],
    ['Carla Visser', `carla-${stamp}@gemeente.nl`],
  ];
  await trainer.getByLabel('Lijst met collega’s').fill(people.map(([name, email]) => `${name};${email}`).join('\n'));
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '3 uitnodigingen maken' }).click();
  const links = await Promise.all(people.map(([, email]) => trainer.getByLabel(`Link ${email}`).inputValue()));

  // Anouk: the first visit, a lesson, a wrong answer, search, then the whole module.
  const anouk = await accept(browser, links[0]);
  await shoot(anouk, 'welkom');
  await anouk.goto(`/modules/giz/${giz.lessons[1].id}`);
  await shoot(anouk, 'les');
  const question = giz.questions.find((q) => q.type === 'single')!;
  await anouk.goto(`/modules/giz/vragen/${question.id}`);
  await answerWrongly(anouk, question);
  await shoot(anouk, 'feedback', anouk.locator(`#vraag-${question.id} .verdict`));
  await anouk.goto('/zoeken?q=afwegingskader');
  await shoot(anouk, 'zoeken');
  await completeLessons(anouk, giz);
  await takeToets(anouk, giz, 'goed');
  await anouk.goto('/modules/giz/afgerond');
  await shoot(anouk, 'afgerond');
  await anouk.goto('/voortgang/certificaat/giz');
  await shoot(anouk, 'certificaat');
  await anouk.goto('/voortgang');
  await shoot(anouk, 'voortgang');

  // Bram has begun; Carla has not.
  const bram = await accept(browser, links[1]);
  await bram.goto(`/modules/giz/${giz.lessons[0].id}`);
  await accept(browser, links[2]);

  await trainer.goto(`/team/${teamId}`);
  await shoot(trainer, 'teamdashboard');
  await trainer.goto('/team/analyse/giz');
  await shoot(trainer, 'vraaganalyse');
  await trainerContext.close();
});
