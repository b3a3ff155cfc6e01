// E-mail reminders end to end below HTTP: a real libSQL file, a real SMTP server on loopback and
// an injected clock. Before-due and overdue mails go once, on the right day; turned off means no
// mail; no SMTP_URL means nothing at all; a trainer's weekly digest names exactly the late people
// of their own teams; parallel runs (also over two connections) send each reminder once; an SMTP
// server that is down loses nothing; a claim left by a crash is taken over after the lease; Herhalen
// mails at most weekly, only to whoever let due questions wait for a week.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { connectDatabase, type Db } from '../../../db/client.ts';
import { moduleCompletions, remindersSent, reviewItems, users } from '../../../db/schema.ts';
import { readEnv } from '../../../src/lib/env.ts';
import { generateId } from '../../../src/lib/auth/user.ts';
import { CLAIM_LEASE_MS, claimReminder } from '../../../src/lib/reminders/claims.ts';
import { isoWeek } from '../../../src/lib/reminders/due-reminders.ts';
import { remindersOn, setRemindersOn } from '../../../src/lib/reminders/preferences.ts';
import { runReminders, type ReminderRunOptions } from '../../../src/lib/reminders/run-reminders.ts';
import { createReminderSchedule } from '../../../src/lib/reminders/schedule.ts';
import { saveReminderPreference } from '../../../src/lib/views/reminder-preference.ts';
import { addToTeam, createTeam } from '../../../src/lib/teams/teams.ts';
import { assignPath, createPath } from '../../../src/lib/teams/paths.ts';
import { startSmtpCapture, type SmtpCapture } from '../../helpers/smtp-capture.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const SITE = 'https://leergang.gemeente.nl';
const TITLES = new Map([
  ['m1', 'Module een'],
  ['m2', 'Module twee'],
]);
/** Noon in the Netherlands on a date (winter time: UTC+1). */
const at = (date: string) => Date.parse(`${date}T11:00:00Z`);

async function addPerson(db: Db, name: string, role: 'learner' | 'trainer' = 'learner', active = true): Promise<{ id: string; email: string }> {
  const id = generateId();
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(0, 6)}@gemeente.nl`;
  await db.insert(users).values({ id, email, name, role, passwordHash: 'x', active });
  return { id, email };
}

/**
 * Team Noord (trainer Tessa; members Nina and the blocked Bram) has the path due 16 December;
 * team Zuid (trainer Zara; member Omar) has it due 10 December; team Oost (trainer Olga; member
 * Eva, who completed everything) due 1 December. Pia has the path personally, due 16 December.
 */
async function world(db: Db) {
  const tessa = await addPerson(db, 'Tessa Trainer', 'trainer');
  const zara = await addPerson(db, 'Zara Trainer', 'trainer');
  const olga = await addPerson(db, 'Olga Trainer', 'trainer');
  const nina = await addPerson(db, 'Nina Noord');
  const bram = await addPerson(db, 'Bram Geblokkeerd', 'learner', false);
  const omar = await addPerson(db, 'Omar Zuid');
  const eva = await addPerson(db, 'Eva Oost');
  const pia = await addPerson(db, 'Pia Persoonlijk');
  const noord = await createTeam(db, 'Noord', { id: tessa.id, role: 'trainer' });
  const zuid = await createTeam(db, 'Zuid', { id: zara.id, role: 'trainer' });
  const oost = await createTeam(db, 'Oost', { id: olga.id, role: 'trainer' });
  await addToTeam(db, noord, nina.id);
  await addToTeam(db, noord, bram.id);
  await addToTeam(db, zuid, omar.id);
  await addToTeam(db, oost, eva.id);
  // A module the course no longer has ('weg') is never reminded of.
  const path = await createPath(db, { name: 'Inwerken', moduleIds: ['m1', 'm2', 'weg'], createdBy: tessa.id });
  await assignPath(db, { pathId: path, teamId: noord, dueDate: '2026-12-16', assignedBy: tessa.id });
  await assignPath(db, { pathId: path, teamId: zuid, dueDate: '2026-12-10', assignedBy: zara.id });
  await assignPath(db, { pathId: path, teamId: oost, dueDate: '2026-12-01', assignedBy: olga.id });
  await assignPath(db, { pathId: path, userId: pia.id, dueDate: '2026-12-16', assignedBy: tessa.id });
  for (const moduleId of ['m1', 'm2', 'weg'])
    await db.insert(moduleCompletions).values({ userId: eva.id, moduleId, completedAt: at('2026-11-20'), score: 1, contentVersion: 'v1' });
  return { tessa, zara, olga, nina, bram, omar, eva, pia, noord, zuid, oost };
}

describe('e-mail reminders', () => {
  let smtp: SmtpCapture;
  let t: TempDb;
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    smtp = await startSmtpCapture();
  });
  after(() => smtp.close());
  beforeEach(async () => {
    t = await createTempDb();
    w = await world(t.db);
    smtp.received.length = 0;
  });
  afterEach(() => t.cleanup());

  const options = (now: number, overrides: Partial<ReminderRunOptions> = {}): ReminderRunOptions => ({
    db: t.db,
    now,
    smtpUrl: smtp.url,
    from: 'Leergang Toegang <no-reply@leergang.invalid>',
    site: SITE,
    daysBefore: 3,
    moduleTitle: (id) => TITLES.get(id),
    ...overrides,
  });
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const subjectOf = (body: string) => /^Subject: (.*)$/m.exec(body)?.[1] ?? '';

  test('before the due date: one mail on the day REMINDER_DAYS_BEFORE ahead, naming the modules, and never again', async () => {
    await runReminders(options(at('2026-12-12'))); // four days ahead: too early
    assert.equal(mailsTo(w.nina.email).length, 0);
    const run = await runReminders(options(at('2026-12-13')));
    assert.ok(run.sent >= 2, 'Nina and Pia');
    for (const person of [w.nina, w.pia]) {
      const mails = mailsTo(person.email);
      assert.equal(mails.length, 1, person.email);
      assert.match(subjectOf(mails[0].body), /Binnenkort af/);
      assert.match(mails[0].body, /Module een: af op 16 december 2026/);
      assert.match(mails[0].body, /Module twee: af op 16 december 2026/);
      assert.doesNotMatch(mails[0].body, /weg/);
      assert.match(mails[0].body, /https:\/\/leergang\.gemeente\.nl\/voortgang/);
      assert.match(mails[0].body, /Content-Type: text\/html/, 'an HTML part as well');
      assert.match(mails[0].body, /<li>Module een: af op 16 december 2026<\/li>/);
    }
    await runReminders(options(at('2026-12-13') + 60_000));
    await runReminders(options(at('2026-12-14')));
    await runReminders(options(at('2026-12-16')));
    assert.equal(mailsTo(w.nina.email).length, 1, 'once');
    assert.equal(mailsTo(w.bram.email).length, 0, 'a blocked account gets no mail');
    assert.equal(mailsTo(w.eva.email).length, 0, 'all completed: nothing');
  });

  test('overdue: one mail the day after the due date, once; a completed module is not named', async () => {
    await t.db.insert(moduleCompletions).values({ userId: w.nina.id, moduleId: 'm2', completedAt: at('2026-12-15'), score: 1, contentVersion: 'v1' });
    await runReminders(options(at('2026-12-16'))); // the due day itself: still "binnenkort"
    assert.deepEqual(
      mailsTo(w.nina.email).map((m) => subjectOf(m.body)),
      ['Binnenkort af: modules uit je leerpad'],
    );
    await runReminders(options(at('2026-12-17')));
    await runReminders(options(at('2026-12-18')));
    const mails = mailsTo(w.nina.email);
    assert.equal(mails.length, 2);
    assert.match(subjectOf(mails[1].body), /Te laat/);
    assert.match(mails[1].body, /Module een: moest af zijn op 16 december 2026/);
    assert.doesNotMatch(mails[1].body, /Module twee/);
  });

  test('Herhalen: a week without reviewing while questions wait gives one mail that week; keeping up gives none', async () => {
    const review = (userId: string, questionId: string, dueAt: number, reviewedAt: number | null = null) =>
      t.db.insert(reviewItems).values({ userId, questionId, moduleId: 'm1', step: 1, dueAt, lastCorrect: false, updatedAt: dueAt, reviewedAt });
    await review(w.nina.id, 'q1', at('2026-12-10'));
    await review(w.nina.id, 'q2', at('2026-12-20'));
    await review(w.omar.id, 'q1', at('2026-12-10'), at('2026-12-12')); // reviewed two days before the first run
    await review(w.pia.id, 'oud', at('2026-12-10')); // a question the course no longer has
    await review(w.eva.id, 'q1', at('2026-12-10'));
    await setRemindersOn(t.db, w.eva.id, false);
    await review(w.bram.id, 'q1', at('2026-12-10')); // a blocked account
    const withReviews = (now: number) => options(now, { reviewQuestionIds: ['q1', 'q2'] });
    const reviewMails = (email: string) => mailsTo(email).filter((m) => /Herhalen/.test(subjectOf(m.body)));

    await runReminders(withReviews(at('2026-12-14'))); // Monday of week 51
    assert.equal(reviewMails(w.nina.email).length, 1);
    assert.match(reviewMails(w.nina.email)[0].body, /Er staat 1 vraag voor je klaar om te herhalen/);
    assert.match(reviewMails(w.nina.email)[0].body, /https:\/\/leergang\.gemeente\.nl\/herhalen/);
    assert.match(reviewMails(w.nina.email)[0].body, /https:\/\/leergang\.gemeente\.nl\/account\/herinneringen/, 'the way to turn it off');
    assert.equal(reviewMails(w.omar.email).length, 0, 'reviewed this week: no mail');
    for (const person of [w.pia, w.eva, w.bram]) assert.equal(reviewMails(person.email).length, 0, person.email);

    await runReminders(withReviews(at('2026-12-15')));
    await runReminders(withReviews(at('2026-12-20'))); // Sunday: Omar's review is eight days old
    assert.equal(reviewMails(w.nina.email).length, 1, 'at most one a week');
    assert.equal(reviewMails(w.omar.email).length, 1);
    await runReminders(withReviews(at('2026-12-21'))); // Monday of week 52: a week since Nina's mail, a day since Omar's
    assert.equal(reviewMails(w.nina.email).length, 2);
    assert.match(reviewMails(w.nina.email)[1].body, /Er staan 2 vragen voor je klaar/);
    assert.equal(reviewMails(w.omar.email).length, 1, 'not a second mail the next day because a new week began');
    await runReminders(options(at('2026-12-29'))); // without the course's questions: nothing counts as waiting
    assert.equal(reviewMails(w.nina.email).length, 2);
  });

  test('a person who turned reminders off gets none; turned on again, they do', async () => {
    await setRemindersOn(t.db, w.nina.id, false);
    assert.equal(await remindersOn(t.db, w.nina.id), false);
    await runReminders(options(at('2026-12-13')));
    assert.equal(mailsTo(w.nina.email).length, 0);
    assert.equal(mailsTo(w.pia.email).length, 1, 'others still get theirs');
    await setRemindersOn(t.db, w.nina.id, true);
    await runReminders(options(at('2026-12-14')));
    assert.equal(mailsTo(w.nina.email).length, 1);
  });

  test('without SMTP_URL nothing is sent and nothing is claimed', async () => {
    const run = await runReminders(options(at('2026-12-13'), { smtpUrl: undefined }));
    assert.deepEqual(run, { sent: 0, alreadyClaimed: 0 });
    assert.equal(smtp.received.length, 0);
    assert.equal((await t.db.select().from(remindersSent)).length, 0);
    await runReminders(options(at('2026-12-13')));
    assert.equal(mailsTo(w.nina.email).length, 1, 'configured later, the reminder still goes');
  });

  test("a trainer's weekly digest lists exactly the late people of their own teams, once a week", async () => {
    // Thursday 17 December: Nina (Noord, due 16th) and Omar (Zuid, due 10th) are late; Eva (Oost) is done.
    await runReminders(options(at('2026-12-17')));
    const [tessa] = mailsTo(w.tessa.email);
    const [zara] = mailsTo(w.zara.email);
    assert.ok(tessa && zara, 'both trainers of teams with someone late');
    assert.match(subjectOf(tessa.body), /Weekoverzicht/);
    assert.match(tessa.body, /Team Noord/);
    assert.match(tessa.body, /Nina Noord: Module een: moest af zijn op 16 december 2026; Module twee/);
    assert.doesNotMatch(tessa.body, /Omar|Eva|Bram|Pia/, 'not other teams, not blocked accounts, not people outside the team');
    assert.match(tessa.body, new RegExp(`${SITE}/team/${w.noord}`));
    assert.match(zara.body, /Omar Zuid/);
    assert.doesNotMatch(zara.body, /Nina/);
    assert.equal(mailsTo(w.olga.email).length, 0, 'no one late in Oost: no digest');
    // Later the same week (Sunday): nothing new. Next Monday: the next digest.
    await runReminders(options(at('2026-12-20')));
    assert.equal(mailsTo(w.tessa.email).length, 1);
    await runReminders(options(at('2026-12-21')));
    assert.equal(mailsTo(w.tessa.email).length, 2);
    assert.equal(mailsTo(w.zara.email).length, 2);
  });

  test('parallel runs, also over a second connection to the same file, send each reminder exactly once', async () => {
    const second = await connectDatabase({ url: t.url });
    try {
      const now = at('2026-12-17');
      const runs = await Promise.all([
        runReminders(options(now)),
        runReminders(options(now, { db: second.db })),
        runReminders(options(now)),
        runReminders(options(now + 1000, { db: second.db })),
      ]);
      // Nina, Pia, Omar: overdue; Tessa, Zara: digest. Five mails, however the runs split them.
      assert.equal(
        runs.reduce((sum, r) => sum + r.sent, 0),
        5,
      );
      await smtp.waitFor(5);
      for (const person of [w.nina, w.pia, w.omar, w.tessa, w.zara]) assert.equal(mailsTo(person.email).length, 1, person.email);
      assert.equal(smtp.received.length, 5);
      const rows = await t.db.select().from(remindersSent);
      assert.ok(rows.every((r) => r.sentAt !== null));
    } finally {
      second.client.close();
    }
  });

  test('an SMTP server that is down loses nothing: nothing is marked sent, and the next run sends', async () => {
    const down = await closedPort();
    const logged: string[] = [];
    const failed = await runReminders(options(at('2026-12-13'), { smtpUrl: `smtp://127.0.0.1:${down}`, log: (m) => logged.push(m) }));
    assert.equal(failed.sent, 0);
    assert.ok(failed.failure, 'the reason is reported');
    assert.match(logged.join('\n'), /mislukt/);
    assert.equal((await t.db.select().from(remindersSent)).length, 0, 'no claim stays behind');
    await runReminders(options(at('2026-12-13') + 15 * 60_000));
    assert.equal(mailsTo(w.nina.email).length, 1);
  });

  test('a claim left by a crash (no sent mark) holds for the lease, then the reminder goes after all', async () => {
    const now = at('2026-12-13');
    for (const moduleId of ['m1', 'm2'])
      assert.ok(await claimReminder(t.db, { key: `voor-deadline:${w.nina.id}:${moduleId}:2026-12-16`, userId: w.nina.id, claim: 'gecrasht' }, now));
    await runReminders(options(now + 60_000));
    assert.equal(mailsTo(w.nina.email).length, 0, 'another run holds it');
    await runReminders(options(now + CLAIM_LEASE_MS + 60_000));
    assert.equal(mailsTo(w.nina.email).length, 1, 'taken over after the lease: at least once');
  });

  test('every mail links to the setting; posting the form without the box turns reminders off', async () => {
    await runReminders(options(at('2026-12-13')));
    const [mail] = mailsTo(w.nina.email);
    assert.match(mail.body, /Zet ze uit op je accountpagina:\s+https:\/\/leergang\.gemeente\.nl\/account\/herinneringen/);
    assert.match(mail.body, /List-Unsubscribe: <https:\/\/leergang\.gemeente\.nl\/account\/herinneringen>/);
    const post = (body: string) =>
      saveReminderPreference(
        t.db,
        w.nina.id,
        new Request(`${SITE}/account/herinneringen`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      );
    const off = await post('formulier=herinneringen');
    assert.equal(off.status, 303);
    assert.equal(off.headers.get('location'), '/account/gegevens?herinneringen=uit#herinneringen');
    assert.equal(await remindersOn(t.db, w.nina.id), false);
    const bad = await post('herinneringen=misschien');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /formulier/i);
    assert.equal(await remindersOn(t.db, w.nina.id), false, 'a bad form changes nothing');
    await runReminders(options(at('2026-12-17')));
    assert.equal(mailsTo(w.nina.email).length, 1, 'no overdue mail once turned off');
    const on = await post('formulier=herinneringen&herinneringen=aan');
    assert.equal(on.headers.get('location'), '/account/gegevens?herinneringen=aan#herinneringen');
    assert.equal(await remindersOn(t.db, w.nina.id), true);
  });
});

describe('the reminder schedule', () => {
  test('runs at most once per interval, never twice at once, and a failing run is logged and retried, not thrown', async () => {
    const runs: number[] = [];
    const logged: string[] = [];
    let fail = true;
    const schedule = createReminderSchedule(
      async (now) => {
        runs.push(now);
        if (fail) throw new Error('database weg');
      },
      15 * 60_000,
      (m) => logged.push(m),
    );
    const first = schedule.whenDue(0);
    assert.equal(schedule.whenDue(1), undefined, 'not while one runs');
    await first;
    assert.match(logged[0], /database weg/);
    assert.equal(schedule.whenDue(14 * 60_000), undefined, 'not before the interval');
    fail = false;
    await schedule.whenDue(15 * 60_000);
    assert.deepEqual(runs, [0, 15 * 60_000]);
    assert.equal(logged.length, 1);
  });
});

describe('reminder settings and weeks', () => {
  test('REMINDER_DAYS_BEFORE and REMINDER_INTERVAL_MINUTES: defaults, and a Dutch message for a wrong value', () => {
    const env = readEnv({});
    assert.equal(env.REMINDER_DAYS_BEFORE, 3);
    assert.equal(env.REMINDER_INTERVAL_MINUTES, 15);
    assert.throws(() => readEnv({ REMINDER_DAYS_BEFORE: '0' }), /REMINDER_DAYS_BEFORE moet een heel getal van 1 tot en met 30 zijn/);
    assert.throws(() => readEnv({ REMINDER_INTERVAL_MINUTES: 'vaak' }), /REMINDER_INTERVAL_MINUTES moet een heel getal/);
  });

  test('ISO weeks run Monday to Sunday across the turn of the year', () => {
    assert.equal(isoWeek('2026-12-17'), '2026-W51');
    assert.equal(isoWeek('2026-12-20'), '2026-W51');
    assert.equal(isoWeek('2026-12-21'), '2026-W52');
    assert.equal(isoWeek('2026-12-31'), '2026-W53');
    assert.equal(isoWeek('2027-01-03'), '2026-W53');
    assert.equal(isoWeek('2027-01-04'), '2027-W01');
    assert.equal(isoWeek('2025-12-29'), '2026-W01');
  });
});

/** A loopback port where nothing listens: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
