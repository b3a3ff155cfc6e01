// Issue 18, Trainers: leerpaden reordered with up/down buttons without JavaScript, changed and
// deleted (with a confirmation step), who has which path by when; the read-only teamleider, who
// sees their own team's dashboard, export and professional pages and gets 403/404 everywhere else,
// with nothing changed in the database; the admin's own page; axe on the new and changed pages.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { routePatternsOnDisk } from '../helpers/routes.ts';
import { course, demo, e2eQuery, inviteTeamleader, login } from './helpers.ts';

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT}`;
const formHeaders = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };
const published = course.filter((m) => !m.meta.draft);
const [first, second, third] = published;

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${what}`,
  ).toEqual([]);
}

/** The demo trainer makes a team and invites one colleague into it, who accepts. */
async function teamWithMember(browser: Browser, trainer: Page, label: string) {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const teamName = `${label} ${stamp}`;
  await trainer.goto('/team');
  await trainer.getByLabel('Naam van het team').fill(teamName);
  await trainer.getByRole('button', { name: 'Team aanmaken' }).click();
  const teamUrl = new URL(trainer.url()).pathname;
  await trainer.goto(`${teamUrl}/uitnodigen`);
  const email = `lid-${stamp}@gemeente.nl`;
  const name = `Lid ${label} ${stamp}`;
  await trainer.getByLabel('Lijst met collega’s').fill(`${name},${email}`);
  await trainer.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await trainer.getByRole('button', { name: '1 uitnodiging maken' }).click();
  const link = await trainer.getByLabel(`Link ${email}`).inputValue();
  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(link);
  await member.getByLabel('Kies een wachtwoord').fill('een-goed-wachtwoord-2026');
  await member.getByLabel('Herhaal het wachtwoord').fill('een-goed-wachtwoord-2026');
  await member.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(member).toHaveURL(/\/modules$/);
  const [{ id: memberId }] = (await e2eQuery('select id from users where email = ?', [email])) as unknown as { id: string }[];
  return { teamName, teamUrl, teamId: teamUrl.split('/').pop()!, member, memberContext: context, memberName: name, memberId };
}

const orderOf = (page: Page, pathName: string) =>
  page
    .getByRole('list', { name: `Volgorde van ${pathName}` })
    .locator('li .path-order-title')
    .allInnerTexts();

test('leerpaden without JavaScript: reorder with up/down, change, see who has it, change the date, delete after confirming', async ({ browser }) => {
  test.setTimeout(240_000);
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  await login(setupPage, demo('trainer').email, demo('trainer').password);
  const { teamUrl, member, memberContext, memberName } = await teamWithMember(browser, setupPage, 'Paden');
  await setup.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const trainer = await context.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  await trainer.goto(`${teamUrl}/leerpaden`);
  await expect(trainer.getByLabel(/^Plek van/)).toHaveCount(0);
  const pathName = `Inwerken ${Date.now()}`;
  await trainer.getByLabel('Naam van het leerpad').fill(pathName);
  for (const mod of [third, first, second]) await trainer.getByRole('checkbox', { name: mod.meta.title, exact: true }).check();
  await trainer.getByRole('button', { name: 'Leerpad opslaan' }).click();
  await expect(trainer.getByText('Leerpad opgeslagen.')).toBeVisible();
  expect(await orderOf(trainer, pathName)).toEqual([first.meta.title, second.meta.title, third.meta.title]);
  // Leerpaden are shared, so other tests' paths with the same modules may be on this page too.
  const order = trainer.getByRole('list', { name: `Volgorde van ${pathName}` });

  // The first cannot go up, the last cannot go down.
  await expect(order.getByRole('button', { name: `Omhoog (${first.meta.title} een plek naar voren)` })).toBeDisabled();
  await expect(order.getByRole('button', { name: `Omlaag (${third.meta.title} een plek naar achteren)` })).toBeDisabled();
  // Down with the first: the page comes back at the moved module, which has the focus.
  await order.getByRole('button', { name: `Omlaag (${first.meta.title} een plek naar achteren)` }).click();
  await expect(trainer.getByText('Volgorde opgeslagen.')).toBeVisible();
  expect(await orderOf(trainer, pathName)).toEqual([second.meta.title, first.meta.title, third.meta.title]);
  expect(new URL(trainer.url()).hash).toMatch(new RegExp(`^#m-[a-z2-7]{24}-${first.meta.id}$`));
  await expect(order.locator(`li[id$="-${first.meta.id}"]`).filter({ hasText: first.meta.title })).toBeFocused();
  await order.getByRole('button', { name: `Omhoog (${third.meta.title} een plek naar voren)` }).click();
  expect(await orderOf(trainer, pathName)).toEqual([second.meta.title, third.meta.title, first.meta.title]);

  // Change it: a new name, one module fewer; what stays keeps its order.
  await trainer.getByRole('link', { name: `Wijzigen leerpad ${pathName}` }).click();
  await expect(trainer.getByRole('heading', { name: `Leerpad „${pathName}” wijzigen` })).toBeVisible();
  const newName = `${pathName} (kort)`;
  await trainer.getByLabel('Naam van het leerpad').first().fill(newName);
  await trainer.locator('#wijzigen').getByRole('checkbox', { name: third.meta.title, exact: true }).uncheck();
  await trainer.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(trainer.getByText('Leerpad gewijzigd.')).toBeVisible();
  expect(await orderOf(trainer, newName)).toEqual([second.meta.title, first.meta.title]);

  // Assign it to the whole team; the table says who has it and by when.
  await trainer.getByLabel('Leerpad', { exact: true }).selectOption({ label: newName });
  await trainer.getByLabel('Aan', { exact: true }).selectOption({ label: 'Het hele team' });
  await trainer.getByLabel('Af op (datum)').fill('2099-12-31');
  await trainer.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(trainer.getByText('Toegewezen.')).toBeVisible();
  const holders = trainer.getByRole('table', { name: `Wie heeft „${newName}” en wanneer moet het af zijn` });
  await expect(holders.getByRole('row', { name: new RegExp(memberName) })).toContainText('het team');
  await expect(holders.getByRole('row', { name: new RegExp(memberName) })).toContainText('31 december 2099');
  await expect(holders.getByRole('row', { name: new RegExp(memberName) })).toContainText('0 van 2 modules');

  // A new due date in the assignments table (the date field is styled like the others).
  const assignments = trainer.getByRole('table', { name: `Toewijzingen van „${newName}” in dit team` });
  await assignments.getByLabel('Af op voor Het hele team').fill('2099-06-30');
  await assignments.getByRole('button', { name: 'Datum opslaan voor Het hele team' }).click();
  await expect(trainer.getByText('Datum opgeslagen.')).toBeVisible();
  await expect(holders.getByRole('row', { name: new RegExp(memberName) })).toContainText('30 juni 2099');
  const dateBorder = await trainer.locator('#datum').evaluate((el) => getComputedStyle(el).borderTopWidth);
  expect(dateBorder).toBe(await trainer.locator('#padnaam').evaluate((el) => getComputedStyle(el).borderTopWidth));

  // The member sees it on their own page.
  await member.goto('/modules');
  await expect(member.getByRole('article', { name: newName })).toBeVisible();

  // Delete: a confirmation step says whom it reaches and what happens; cancel first, then confirm.
  await trainer.getByRole('link', { name: `Verwijderen leerpad ${newName}` }).click();
  const confirm = trainer.locator('#verwijderen');
  await expect(confirm.getByRole('heading', { name: `Leerpad „${newName}” verwijderen?` })).toBeVisible();
  await expect(confirm).toContainText('1 persoon heeft dit leerpad (ook via 1 team).');
  await expect(confirm).toContainText('Wat ze al in de modules deden, blijft bewaard');
  await confirm.getByRole('link', { name: 'Annuleren' }).click();
  await expect(trainer.locator('#verwijderen')).toHaveCount(0);
  await trainer.getByRole('link', { name: `Verwijderen leerpad ${newName}` }).click();
  await trainer.getByRole('button', { name: 'Ja, leerpad verwijderen' }).click();
  await expect(trainer.getByText('Leerpad verwijderd.')).toBeVisible();
  await expect(trainer.getByRole('heading', { name: newName })).toHaveCount(0);
  expect(await e2eQuery('select count(*) as n from learning_paths where name = ?', [newName])).toEqual([expect.objectContaining({ n: 0 })]);
  await member.goto('/modules');
  await expect(member.getByRole('article', { name: newName })).toHaveCount(0);
  await context.close();
  await memberContext.close();
});

test('a teamleider sees the dashboard, export and people of their own team and can change nothing', async ({ browser, playwright }) => {
  test.setTimeout(360_000);
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await login(trainer, demo('trainer').email, demo('trainer').password);
  const own = await teamWithMember(browser, trainer, 'Eigen');
  const other = await teamWithMember(browser, trainer, 'Ander');
  // A path in the own team, to try to change.
  await trainer.goto(`${own.teamUrl}/leerpaden`);
  const leaderPath = `Leiderpad ${Date.now()}`;
  await trainer.getByLabel('Naam van het leerpad').fill(leaderPath);
  await trainer.getByRole('checkbox', { name: first.meta.title, exact: true }).check();
  await trainer.getByRole('checkbox', { name: second.meta.title, exact: true }).check();
  await trainer.getByRole('button', { name: 'Leerpad opslaan' }).click();
  const pathId = /#pad-([a-z2-7]{24})$/.exec(trainer.url())?.[1];
  expect(pathId).toBeTruthy();
  await trainer.getByLabel('Leerpad', { exact: true }).selectOption({ label: leaderPath });
  await trainer.getByLabel('Af op (datum)').fill('2099-12-31');
  await trainer.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(trainer.getByText('Toegewezen.')).toBeVisible();
  const [{ id: assignmentId }] = (await e2eQuery('select id from path_assignments where path_id = ?', [pathId!])) as unknown as { id: number }[];
  await trainerContext.close();

  const leader = await inviteTeamleader(browser, [own.teamName]);
  const page = leader.page;
  await page.goto('/modules');
  await expect(page.getByText('Teamleider', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('link', { name: own.teamName })).toBeVisible();
  await expect(page.getByRole('link', { name: other.teamName })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Team aanmaken' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Voorbeeld met antwoorden/ })).toHaveCount(0);
  await expectNoViolations(page, '/team als teamleider');

  await page.getByRole('link', { name: own.teamName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(own.teamName);
  await expect(page.getByRole('row', { name: new RegExp(own.memberName) })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Collega’s uitnodigen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Leerpaden toewijzen' })).toHaveCount(0);
  await expectNoViolations(page, 'dashboard als teamleider');
  const csv = await page.request.get(`${own.teamUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(own.memberName);
  await page.getByRole('link', { name: own.memberName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(own.memberName);
  await expect(page.getByRole('heading', { name: 'Herstellink maken' })).toHaveCount(0);

  // Another team, and everything of the trainer's: refused.
  const get = async (path: string) => (await page.request.get(path, { maxRedirects: 0 })).status();
  expect(await get(other.teamUrl)).toBe(404);
  expect(await get(`${other.teamUrl}/export.csv`)).toBe(404);
  expect(await get(`${other.teamUrl}/professional/${other.memberId}`)).toBe(404);
  expect(await get(`${own.teamUrl}/professional/${other.memberId}`)).toBe(404);
  for (const path of [
    `${own.teamUrl}/leerpaden`,
    `${own.teamUrl}/uitnodigen`,
    `/team/analyse/${first.meta.id}`,
    `/team/voorbeeld/${first.meta.id}`,
    '/team/beheer',
  ])
    expect(await get(path), path).toBe(403);

  // Every route under /team, POSTed with a form it would act on: 403 (or, for the pages that take
  // no form, no change), and the database exactly as before.
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(
        [
          'select id, name from teams order by id',
          'select team_id, user_id, role from team_members order by team_id, user_id, role',
          'select id, name, module_ids from learning_paths order by id',
          'select id, path_id, team_id, user_id, due_date from path_assignments order by id',
          'select id, email, role from invitations order by id',
          'select id, user_id from password_resets order by id',
          'select id, role, active from users order by id',
          'select count(*) as n from audit_log',
        ].map((sql) => e2eQuery(sql)),
      ),
    );
  const before = await snapshot();
  const member = own.memberId;
  const posts: Record<string, { body: string; status: number }> = {
    '/team': { body: 'action=team&name=Stiekem+team', status: 403 },
    '/team/[team]': { body: 'action=team&name=Stiekem', status: 200 }, // a page without forms: shown again, nothing done
    '/team/[team]/export.csv': { body: '', status: 404 }, // GET only
    '/team/[team]/leerpaden': { body: `action=omhoog&pad=${pathId}&module=${second.meta.id}`, status: 403 },
    '/team/[team]/uitnodigen': { body: 'action=confirm&lijst=Sluip,sluip@gemeente.nl&rol=learner', status: 403 },
    '/team/[team]/professional/[user]': { body: 'action=herstellink', status: 403 },
    '/team/analyse/[module]': { body: 'a=b', status: 403 },
    '/team/voorbeeld/[module]': { body: 'a=b', status: 403 },
    '/team/beheer': { body: 'action=invite&email=sluip2@gemeente.nl&role=admin', status: 403 },
    '/team/beheer/uitnodigingen': { body: `action=intrekken&uitnodiging=${'0'.repeat(64)}`, status: 403 },
    '/team/beheer/[user]': { body: 'action=rol&role=admin', status: 403 },
    '/team/beheer/[user]/gegevens.json': { body: '', status: 403 },
    '/team/beheer/[user]/verwijderen': { body: '', status: 403 },
    '/team/beheer/[user]/herstellink': { body: 'action=herstellink', status: 403 },
  };
  const teamRoutes = routePatternsOnDisk().filter((r) => r === '/team' || r.startsWith('/team/'));
  expect(Object.keys(posts).sort(), 'every route under /team is tried').toEqual(teamRoutes.sort());
  const params: Record<string, string> = { team: own.teamId, user: member, module: first.meta.id };
  const actual: Record<string, number> = {};
  for (const route of teamRoutes) {
    const path = route.replace(/\[(\w+)\]/g, (_, name: string) => params[name]);
    actual[route] = (await page.request.post(path, { headers: formHeaders, data: posts[route].body, maxRedirects: 0 })).status();
  }
  expect(actual).toEqual(Object.fromEntries(Object.entries(posts).map(([route, p]) => [route, p.status])));
  // The other leerpaden forms as well, and the same forms on another team.
  for (const body of [
    `action=pad&name=Stiekem&module=${first.meta.id}`,
    `action=toewijzen&pathId=${pathId}&to=team&dueDate=2099-01-01`,
    `action=wijzigen&pad=${pathId}&name=Stiekem&module=${first.meta.id}`,
    `action=verwijderen&pad=${pathId}`,
    `action=datum&toewijzing=${assignmentId}&dueDate=2099-01-01`,
    `action=intrekken&toewijzing=${assignmentId}`,
  ]) {
    for (const teamUrl of [own.teamUrl, other.teamUrl])
      expect((await page.request.post(`${teamUrl}/leerpaden`, { headers: formHeaders, data: body, maxRedirects: 0 })).status(), body).toBe(403);
  }
  expect(await snapshot(), 'nothing changed in the database').toBe(before);

  // Anonymous, for comparison: the same POSTs only send to the login page.
  const anonymous = await playwright.request.newContext({ baseURL: ORIGIN });
  expect((await anonymous.post('/team', { headers: formHeaders, data: 'action=team&name=X', maxRedirects: 0 })).status()).toBe(302);
  await anonymous.dispose();
  await leader.context.close();
  await own.memberContext.close();
  await other.memberContext.close();
});

test('administration has its own page: accounts and the invitation under Beheer, teams and analyses on /team', async ({ browser }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await login(admin, demo('admin').email, demo('admin').password);
  await admin.goto('/team');
  await expect(admin.getByLabel('Werk-e-mailadres van de collega')).toHaveCount(0);
  await expect(admin.getByRole('heading', { name: 'Vraaganalyse per module' })).toBeVisible();
  await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
  await expect(admin).toHaveURL(/\/team\/beheer$/);
  await expect(admin.getByRole('heading', { level: 1, name: 'Accounts beheren' })).toBeVisible();
  await expect(admin.getByRole('region', { name: /Accounts, pagina 1/ })).toBeVisible();
  await expect(admin.getByLabel('Werk-e-mailadres van de collega')).toBeVisible();
  await expect(admin.getByLabel('Rol', { exact: true }).first()).toBeVisible();
  await context.close();
});

// One test per screen size, so each fits its time on a busy machine.
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 320, height: 700 },
]) {
  test(`the changed pages pass axe at ${viewport.width} px, without sideways scrolling`, async ({ browser }) => {
    test.setTimeout(360_000);
    const setup = await browser.newContext();
    const setupPage = await setup.newPage();
    await login(setupPage, demo('trainer').email, demo('trainer').password);
    const team = await teamWithMember(browser, setupPage, 'Axe');
    await setupPage.goto(`${team.teamUrl}/leerpaden`);
    const pathName = `Axepad met een vrij lange naam ${Date.now()}`;
    await setupPage.getByLabel('Naam van het leerpad').fill(pathName);
    for (const mod of [first, second, third]) await setupPage.getByRole('checkbox', { name: mod.meta.title, exact: true }).check();
    await setupPage.getByRole('button', { name: 'Leerpad opslaan' }).click();
    const pathId = /#pad-([a-z2-7]{24})$/.exec(setupPage.url())![1];
    await setupPage.getByLabel('Leerpad', { exact: true }).selectOption({ label: pathName });
    await setupPage.getByLabel('Af op (datum)').fill('2099-12-31');
    await setupPage.getByRole('button', { name: 'Toewijzen' }).click();
    await setup.close();
    const leader = await inviteTeamleader(browser, [team.teamName]);
    await leader.context.close();

    {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await login(page, demo('trainer').email, demo('trainer').password);
      const pages = [
        `${team.teamUrl}/leerpaden`,
        `${team.teamUrl}/leerpaden?wijzig=${pathId}#wijzigen`,
        `${team.teamUrl}/leerpaden?verwijder=${pathId}#verwijderen`,
        team.teamUrl,
        '/team',
      ];
      for (const path of pages) {
        await page.goto(path);
        await expectNoViolations(page, `${path} at ${viewport.width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
      }
      await context.close();
      const adminContext = await browser.newContext({ viewport });
      const admin = await adminContext.newPage();
      await login(admin, demo('admin').email, demo('admin').password);
      for (const path of ['/team/beheer', `/team/beheer/${leader.userId}`, '/team']) {
        await admin.goto(path);
        await expectNoViolations(admin, `${path} (admin) at ${viewport.width} px`);
        const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
      }
      await adminContext.close();
    }
  });
}
