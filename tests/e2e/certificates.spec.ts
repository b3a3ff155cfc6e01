// Certificates as the people involved meet them (issue 18): a learner completes a module and
// opens the certificate (organisation, module, version, score, verification code and URL); it
// prints as exactly one A4 page; an auditor without an account checks the code (name, module,
// date, and not the e-mail address or the score), also by typing it; after the learner deletes
// the account the same code says "no longer valid"; an unknown code is a Dutch 404. Axe scans the
// verification pages on desktop and at 320 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { completeLessons, course, e2eQuery, giz, inviteNewUser, takeToets } from './helpers.ts';
import { STATEMENT_ENV } from './statement-settings.ts';

// Axe scans and a PDF on a busy machine take their time; a hang still fails.
test.describe.configure({ timeout: 180_000 });

// The organisation the browser tests' server is started with (playwright.config.ts).
const ORGANISATION = STATEMENT_ENV.ORGANISATION_NAME;
const CODE = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/;

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The pages of a PDF as Chromium writes it: every page object, not the /Pages tree. */
function pdfPages(pdf: Buffer): { count: number; sizes: number[][] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s]+)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
  return { count, sizes };
}

/** A4 is 210 × 297 mm: 595.3 × 841.9 points; Chromium rounds to whole pixels (595.92 × 842.88). */
function expectA4(sizes: number[][]) {
  expect(sizes.length, 'one page size').toBe(1);
  const [x, y, width, height] = sizes[0];
  expect([x, y]).toEqual([0, 0]);
  expect(Math.abs(width - 595.28), `width ${width} pt`).toBeLessThan(2);
  expect(Math.abs(height - 841.89), `height ${height} pt`).toBeLessThan(2);
}

test('a certificate names what it certifies, prints on one A4 page, is checked by anyone with its code and dies with the account', async ({ browser }) => {
  const learner = await inviteNewUser(browser);
  const { page } = learner;
  await completeLessons(page, giz);
  expect(await takeToets(page, giz, 'goed')).toEqual({ passed: true, score: 100 });

  await page.goto('/voortgang/certificaat/giz');
  const certificate = page.locator('article.certificate');
  await expect(certificate.locator('.certificate-org')).toContainText(ORGANISATION);
  await expect(certificate.getByRole('heading', { level: 1, name: 'Certificaat van deelname' })).toBeVisible();
  await expect(certificate.locator('.recipient')).toHaveText(learner.name);
  await expect(certificate.locator('.module-title')).toHaveText(giz.meta.title);
  const details = certificate.locator('.certificate-details');
  await expect(details.getByRole('row', { name: 'Inhoudsversie' })).toContainText(giz.meta.version);
  await expect(details.getByRole('row', { name: 'Toetsscore' })).toContainText('100% (norm 70%)');
  await expect(details.getByRole('row', { name: 'Datum van de toets' })).toContainText(/\d{1,2} \w+ \d{4}/);
  await expect(details.getByRole('row', { name: 'Accreditatie' })).toContainText('Geen accreditatie aangevraagd');
  const code = (await certificate.locator('.certificate-code').innerText()).trim();
  expect(code).toMatch(CODE);
  const link = certificate.locator('.certificate-verify a');
  const verifyUrl = await link.getAttribute('href');
  expect(verifyUrl).toBe(`${new URL(page.url()).origin}/certificaat/controleren/${code}`);
  await expect(link).toHaveText(verifyUrl!);
  // Shown again: the same code (issued once).
  await page.reload();
  await expect(certificate.locator('.certificate-code')).toHaveText(code);

  // Printed (Chromium's print to PDF, the browser's "Opslaan als pdf"): exactly one A4 page, without the site around it.
  const pdf = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
  expect(pdf.count, 'pages in the PDF').toBe(1);
  expectA4(pdf.sizes);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-header', '.site-footer', 'main > p.no-print']) await expect(page.locator(hidden)).toBeHidden();
  await expect(certificate).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // An auditor, not logged in, opens the URL from the certificate.
  const auditorContext = await browser.newContext();
  const auditor = await auditorContext.newPage();
  const response = await auditor.goto(verifyUrl!);
  expect(response?.status()).toBe(200);
  await expect(auditor.getByRole('status')).toHaveText('Dit certificaat is geldig.');
  const facts = auditor.locator('.verification dl');
  await expect(facts).toContainText(learner.name);
  await expect(facts).toContainText(giz.meta.title);
  await expect(facts).toContainText(giz.meta.version);
  await expect(facts).toContainText(await details.getByRole('row', { name: 'Datum van afronding' }).locator('td').innerText());
  const shown = await auditor.locator('main').innerText();
  expect(shown).not.toContain(learner.email);
  expect(shown).not.toMatch(/\d+\s?%/);
  expect(shown).not.toMatch(/score|toets/i);
  for (const other of course.filter((m) => m.meta.id !== 'giz')) expect(shown).not.toContain(other.meta.title);
  await expect(auditor.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await expectNoViolations(auditor, 'the verification page (desktop)');
  await auditor.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(auditor, 'the verification page at 320 px');
  await expectNoViolations(auditor, 'the verification page (320 px)');
  await auditor.setViewportSize({ width: 1280, height: 800 });

  // Typed into the form: lower case, spaces instead of dashes, as people copy it.
  await auditor.goto('/certificaat/controleren');
  await auditor.getByLabel('Controlecode').fill(`  ${code.toLowerCase().replaceAll('-', ' ')} `);
  await auditor.getByRole('button', { name: 'Controleren' }).click();
  await expect(auditor).toHaveURL(new RegExp(`/certificaat/controleren/${code}$`));
  await expect(auditor.getByRole('status')).toHaveText('Dit certificaat is geldig.');

  // The learner deletes the account on the own-data page.
  await page.goto('/account/gegevens');
  await page.getByLabel('Typ je e-mailadres ter bevestiging').fill(learner.email);
  await page.getByLabel('Je wachtwoord').fill(learner.password);
  await page.getByRole('button', { name: 'Mijn account definitief verwijderen' }).click();
  await expect(page).toHaveURL(/\/\?verwijderd$/);

  const after = await auditor.goto(verifyUrl!);
  expect(after?.status()).toBe(410);
  await expect(auditor.getByRole('heading', { level: 1 })).toHaveText('Certificaat niet meer geldig');
  await expect(auditor.getByRole('alert')).toContainText('Dit certificaat is niet meer geldig.');
  const revoked = await auditor.locator('main').innerText();
  expect(revoked).not.toContain(learner.name);
  expect(revoked).not.toContain(giz.meta.title);
  expect(await e2eQuery('select user_id, module_id from certificates where code = ?', [code.replaceAll('-', '')])).toEqual([
    { user_id: null, module_id: null },
  ]);
  await expectNoViolations(auditor, 'the verification page (no longer valid)');
  await auditorContext.close();
  await learner.context.close();
});

test('an unknown or malformed code is a Dutch 404, a bad typed code a 400 with the reason', async ({ page }) => {
  for (const path of [
    '/certificaat/controleren/AAAA-BBBB-CCCC-DDDD-EEEE',
    '/certificaat/controleren/bestaat-niet',
    '/certificaat/controleren/AAAA-BBBB-CCCC-DDDD-EEE',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificaat niet gevonden');
    await expect(page.getByText('We vinden geen certificaat met deze controlecode.')).toBeVisible();
    await expect(page.getByLabel('Controlecode')).toBeVisible();
  }
  await expectNoViolations(page, 'a code that is not found');

  const typed = await page.goto('/certificaat/controleren?code=12345');
  expect(typed?.status()).toBe(400);
  await expect(page.locator('.field-error')).toHaveText(/Dit is geen geldige controlecode/);
  await expect(page.getByLabel('Controlecode')).toHaveValue('12345');
  await expect(page.getByLabel('Controlecode')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'the form with an error');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/certificaat/controleren');
  await expectNoSidewaysScroll(page, 'the form at 320 px');
  await expectNoViolations(page, 'the form (320 px)');
});

test('the longest module title and a long name still print on one A4 page', async ({ browser }) => {
  const learner = await inviteNewUser(browser);
  const longest = [...course].sort((a, b) => b.meta.title.length - a.meta.title.length)[0];
  // Set up directly in the database: a name of the longest length the invitation form takes,
  // and a completion of the module with the longest title (the flow itself is the test above).
  const longName = 'Annemarie Wilhelmina Josephine van der Heijden-Oosterhuis tot Nijenrode en Ravesteijn-Bergh'.slice(0, 100);
  await e2eQuery('update users set name = ? where email = ?', [longName, learner.email]);
  await e2eQuery('insert into module_completions (user_id, module_id, completed_at, score, content_version) select id, ?, ?, 1, ? from users where email = ?', [
    longest.meta.id,
    Date.now(),
    longest.meta.version,
    learner.email,
  ]);
  await learner.page.goto(`/voortgang/certificaat/${longest.meta.id}`);
  await expect(learner.page.locator('.recipient')).toHaveText(longName);
  const pdf = pdfPages(await learner.page.pdf({ format: 'A4', printBackground: true }));
  expect(pdf.count).toBe(1);
  expectA4(pdf.sizes);
  // Nothing cut off: the certificate's content fits inside its printed box.
  await learner.page.emulateMedia({ media: 'print' });
  const clipped = await learner.page.locator('article.certificate').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(clipped, 'content hidden below the printed certificate').toBeLessThanOrEqual(0);
  await learner.page.setViewportSize({ width: 320, height: 640 });
  await learner.page.emulateMedia({ media: 'screen' });
  await expectNoSidewaysScroll(learner.page, 'the certificate at 320 px');
  await learner.context.close();
});
