// The figures a trainer files and a learner prints, checked cell by cell against the built server
// (issue 22): the team's CSV export, a certificate below 100 %, and the 500 page. The data is made
// with the domain functions on a real libSQL file, with fixed times, so every value is known in
// advance; the pages are fetched over HTTP as the people themselves would. Needs `astro build`.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import Papa from 'papaparse';
import { openDatabase, tuneEmbeddedDatabase, type Db } from '../../db/client.ts';
import { DEMO_ACCOUNTS } from '../../db/demo-data.ts';
import { createUser, findUserByEmail } from '../../src/lib/auth/user.ts';
import type { Question } from '../../src/lib/content/schemas.ts';
import { loadCourse, type ModuleSource } from '../../src/lib/content/load-course.ts';
import type { ModuleOutline } from '../../src/lib/content/outline.ts';
import { SECURITY_HEADERS } from '../../src/lib/http/security-headers.ts';
import { recordLessonCompleted, recordLessonOpened } from '../../src/lib/progress/record-lesson.ts';
import type { Answer } from '../../src/lib/quiz/answer-schemas.ts';
import { submitAnswer } from '../../src/lib/learning/submit-answer.ts';
import { scoreAnswer } from '../../src/lib/quiz/score-answer.ts';
import { handInModuleToets, startModuleToets } from '../../src/lib/learning/module-toets.ts';
import { moduleCompletions } from '../../db/schema.ts';
import { recordToetsAnswer } from '../../src/lib/toets/toets-store.ts';
import { assignPath, createPath } from '../../src/lib/teams/paths.ts';
import { addToTeam, createTeam } from '../../src/lib/teams/teams.ts';
import { outlineOf } from '../helpers/fixture-course.ts';
import { logIn, prepareDatabase, startServer, type RunningServer } from '../helpers/server.ts';

const course = loadCourse('content');
if (course.errors.length > 0) throw new Error(JSON.stringify(course.errors));
/** What the export lists: every module that is not a draft, in course order. */
const published = course.modules.filter((m) => !m.meta.draft);
const moduleById = (id: string) => course.modules.find((m) => m.meta.id === id)!;

const trainer = DEMO_ACCOUNTS.find((a) => a.role === 'trainer')!;
const MINUTE = 60_000;
/** 22:30 UTC on the night the clocks go forward: 00:30 on 30 March in Amsterdam (CEST). */
const SANNE_DONE = Date.UTC(2026, 2, 29, 22, 30);
/** 23:30 UTC on 10 January: 00:30 on 11 January in Amsterdam (CET). */
const BRAM_DONE = Date.UTC(2026, 0, 10, 23, 30);
const EVA_DONE = Date.UTC(2026, 4, 4, 9, 0);
const OLD_VERSION = '2025.4';

const people = {
  sanne: { name: "Sanne van 't Hof", email: 'sanne.vanthof@zoetermeer.nl', password: 'sanne-wachtwoord-2026' },
  bram: { name: 'Bram Visser', email: 'bram.visser@zoetermeer.nl', password: 'bram-wachtwoord-2026' },
  ozlem: { name: 'Özlem Yılmaz', email: 'ozlem.yilmaz@zoetermeer.nl', password: 'ozlem-wachtwoord-2026' },
  pieter: { name: 'Pieter Jansen', email: 'pieter.jansen@zoetermeer.nl', password: 'pieter-wachtwoord-2026' },
  lotte: { name: 'Lotte Smit', email: 'lotte.smit@zoetermeer.nl', password: 'lotte-wachtwoord-2026' },
  eva: { name: 'Eva Mulder', email: 'eva.mulder@zoetermeer.nl', password: 'eva-wachtwoord-2026' },
};
type Person = keyof typeof people;
const TEAM_NAME = 'Team Noord; wijk 3';
const ORGANISATION = 'Gemeente Zoetermeer';
const PUBLIC_ADDRESS = 'https://leergang.zoetermeer.example';

// --- answers with a known score --------------------------------------------------------------

function correctAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', choices: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'order':
      return { type: 'order', order: q.items.map((i) => i.id) };
    case 'branching': {
      const path: string[] = [];
      let node = q.nodes.find((n) => n.id === q.start)!;
      for (;;) {
        const choice = node.choices.find((c) => c.quality === 'goed' && !c.redLine)!;
        path.push(choice.id);
        if (!choice.next) return { type: 'branching', path };
        node = q.nodes.find((n) => n.id === choice.next)!;
      }
    }
  }
}

function wrongSingle(q: Question): Answer {
  if (q.type !== 'single') throw new Error(`${q.id} is not a single-choice question`);
  return { type: 'single', choice: q.options.find((o) => !o.correct)!.id };
}

/** An order question of four items with the first two swapped: two of four in place, 0.5. */
function halfOrder(q: Question): Answer {
  if (q.type !== 'order' || q.items.length !== 4) throw new Error(`${q.id} is not an order question of four`);
  const ids = q.items.map((i) => i.id);
  return { type: 'order', order: [ids[1], ids[0], ids[2], ids[3]] };
}

/** Answers through the domain's own use case (scored on the server side, stored once, review schedule). */
async function answer(
  db: Db,
  userId: string,
  mod: ModuleSource,
  outline: ModuleOutline,
  questionId: string,
  given: Answer,
  now: number,
  expectedScore: number,
) {
  const result = await submitAnswer(
    db,
    async (id) => (id === mod.meta.id ? { outline, questions: mod.questions } : undefined),
    userId,
    { moduleId: mod.meta.id, questionId, idempotencyKey: randomUUID(), answer: given },
    { now },
  );
  assert.ok(result.ok && result.kind === 'scored', `answer to ${questionId}: ${JSON.stringify(result)}`);
  assert.equal(result.scored.score, expectedScore, `fixture: score of the answer to ${questionId}`);
  return result;
}

/**
 * Takes the module's toets through the domain's use cases, answering every drawn question right
 * except the first single-choice question, which is answered wrong. Returns the toets.
 */
async function takeToets(db: Db, userId: string, mod: ModuleSource, now: number, oneWrong: boolean) {
  const withOutline = { ...mod, outline: outlineOf(mod) };
  const started = await startModuleToets(db, userId, withOutline, now);
  assert.ok(started.ok, `fixture: toets starts for ${mod.meta.id}`);
  const wrongId = oneWrong ? started.attempt.questionIds.find((id) => mod.questions.find((q) => q.id === id)!.type === 'single') : undefined;
  for (const id of started.attempt.questionIds) {
    const q = mod.questions.find((question) => question.id === id)!;
    const given = id === wrongId ? wrongSingle(q) : correctAnswer(q);
    const scored = scoreAnswer(q, given);
    assert.ok(scored.ok);
    await recordToetsAnswer(
      db,
      { toetsId: started.attempt.id, userId, questionId: id, idempotencyKey: randomUUID(), answer: given, scored: scored.result },
      now,
    );
  }
  const handedIn = await handInModuleToets(db, userId, withOutline, started.attempt.id, now);
  assert.ok(handedIn.ok);
  return handedIn;
}

const lessonEvent = (userId: string, outline: ModuleOutline, lessonId: string) => ({ userId, moduleId: outline.id, lessonId, contentVersion: outline.version });

// --- reading the responses -------------------------------------------------------------------

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/** The visible text of an HTML fragment, whitespace collapsed. */
function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function elementText(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  assert.ok(match, `no match for ${pattern} in the page`);
  return textOf(match[1]);
}

// ----------------------------------------------------------------------------------------------

describe('figures: CSV export, certificate, 500 page', () => {
  let dir: string;
  let url: string;
  let server: RunningServer;
  let teamId: string;
  let otherTeamId: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leergang-figures-'));
    url = `file:${join(dir, 'leergang.db')}`;
    prepareDatabase(url);
    const { db, client } = openDatabase({ url });
    await tuneEmbeddedDatabase(client, url);
    try {
      const ids = {} as Record<Person, string>;
      for (const [key, person] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
        const created = await createUser(db, { ...person, role: 'learner' });
        assert.ok(created.ok);
        ids[key] = created.userId;
      }
      const trainerUser = await findUserByEmail(db, trainer.email);
      const admin = await findUserByEmail(db, DEMO_ACCOUNTS.find((a) => a.role === 'admin')!.email);
      const setUp = Date.UTC(2025, 11, 1, 9, 0);
      teamId = await createTeam(db, TEAM_NAME, { id: trainerUser.id, role: 'trainer' }, setUp);
      for (const p of ['sanne', 'bram', 'ozlem', 'pieter', 'lotte'] as const) await addToTeam(db, teamId, ids[p], 'member', setUp);
      // Another team, made by the admin (the trainer does not train it), with someone who did well.
      otherTeamId = await createTeam(db, 'Team Zuid', { id: admin.id, role: 'admin' }, setUp);
      await addToTeam(db, otherTeamId, ids.eva, 'member', setUp);

      // Sanne practises GIZ (three lessons, all twelve questions, one wrong, one half right), reads
      // the last lesson and passes the toets at 90 % (ten questions, one wrong).
      const giz = moduleById('giz');
      const gizOutline = outlineOf(giz);
      assert.equal(giz.questions.length, 12, 'fixture: GIZ has twelve questions');
      assert.equal(giz.lessons.length, 4, 'fixture: GIZ has four lessons');
      let at = SANNE_DONE - 15 * 2 * MINUTE; // sixteen actions two minutes apart: 30 minutes of study
      for (const lesson of giz.lessons.slice(0, 3)) {
        await recordLessonCompleted(db, lessonEvent(ids.sanne, gizOutline, lesson.id), at);
        at += 2 * MINUTE;
      }
      for (const q of giz.questions) {
        const given = q.id === 'giz-plan-vastleggen' ? wrongSingle(q) : q.id === 'giz-volgorde-zorgbehoefte' ? halfOrder(q) : correctAnswer(q);
        const expected = q.id === 'giz-plan-vastleggen' ? 0 : q.id === 'giz-volgorde-zorgbehoefte' ? 0.5 : 1;
        await answer(db, ids.sanne, giz, gizOutline, q.id, given, at, expected);
        at += 2 * MINUTE;
      }
      assert.equal(at, SANNE_DONE);
      await recordLessonCompleted(db, lessonEvent(ids.sanne, gizOutline, giz.lessons[3].id), SANNE_DONE);
      const sanneToets = await takeToets(db, ids.sanne, giz, SANNE_DONE, true);
      assert.ok(sanneToets.ok && sanneToets.moduleCompleted && sanneToets.attempt.score === 0.9, 'fixture: Sanne completes GIZ with 90 %');

      // Bram completed Toegang at 75 % in January, under an earlier version of its content and
      // before the afsluitende toets existed (the completion row as the old rule wrote it).
      const toegang = moduleById('toegang');
      const oldToegang = { ...outlineOf(toegang), version: OLD_VERSION };
      const wrongToegang = new Set(['toegang-melding-leraar', 'toegang-smw-vo-schooluitval', 'toegang-cijfers-verwijzers']);
      for (const lesson of toegang.lessons) await recordLessonCompleted(db, lessonEvent(ids.bram, oldToegang, lesson.id), BRAM_DONE - 60 * MINUTE);
      for (const q of toegang.questions) {
        await answer(
          db,
          ids.bram,
          toegang,
          oldToegang,
          q.id,
          wrongToegang.has(q.id) ? wrongSingle(q) : correctAnswer(q),
          BRAM_DONE,
          wrongToegang.has(q.id) ? 0 : 1,
        );
      }
      await db.insert(moduleCompletions).values({ userId: ids.bram, moduleId: 'toegang', completedAt: BRAM_DONE, score: 0.75, contentVersion: OLD_VERSION });

      // Özlem is busy with GIZ (a lesson opened, two of twelve questions right: 17 %) and has only
      // opened a lesson of Regie; her path for GIZ is due far in the future, so nothing is late.
      await recordLessonOpened(db, lessonEvent(ids.ozlem, gizOutline, giz.lessons[0].id), SANNE_DONE);
      for (const id of ['giz-analyse-als-interventie', 'giz-uitgangspunt-specialistisch']) {
        await answer(db, ids.ozlem, giz, gizOutline, id, correctAnswer(giz.questions.find((q) => q.id === id)!), SANNE_DONE, 1);
      }
      const regie = moduleById('regie');
      await recordLessonOpened(db, lessonEvent(ids.ozlem, outlineOf(regie), regie.lessons[0].id), SANNE_DONE);
      const future = await createPath(db, { name: 'Inwerken GIZ', moduleIds: ['giz'], createdBy: trainerUser.id }, setUp);
      await assignPath(db, { pathId: future, dueDate: '2099-12-31', assignedBy: trainerUser.id, userId: ids.ozlem }, setUp);

      // Lotte's path (Veiligheid, Normaliseren) was due on 15 January: both late, one of fifteen
      // Veiligheid questions right (7 %).
      const veiligheid = moduleById('veiligheid');
      const late = await createPath(db, { name: 'Veiligheid eerst', moduleIds: ['veiligheid', 'normaliseren'], createdBy: trainerUser.id }, setUp);
      await assignPath(db, { pathId: late, dueDate: '2026-01-15', assignedBy: trainerUser.id, userId: ids.lotte }, setUp);
      await answer(db, ids.lotte, veiligheid, outlineOf(veiligheid), 'veiligheid-zonder-hulpvraag', correctAnswer(veiligheid.questions[0]), BRAM_DONE, 1);

      // Pieter has done nothing. The other team's overdue path must not reach him (or anyone here).
      const zuid = await createPath(db, { name: 'Zuid: toegang', moduleIds: ['toegang'], createdBy: admin.id }, setUp);
      await assignPath(db, { pathId: zuid, dueDate: '2026-02-01', assignedBy: admin.id, teamId: otherTeamId }, setUp);

      // Eva, in the other team, completed GIZ with everything right.
      for (const lesson of giz.lessons) await recordLessonCompleted(db, lessonEvent(ids.eva, gizOutline, lesson.id), EVA_DONE);
      for (const q of giz.questions) await answer(db, ids.eva, giz, gizOutline, q.id, correctAnswer(q), EVA_DONE, 1);
      await takeToets(db, ids.eva, giz, EVA_DONE, false);
    } finally {
      client.close();
    }
    // The certificate names the organisation and links to its verification page on the public address.
    server = await startServer(url, undefined, { ORGANISATION_NAME: ORGANISATION, PUBLIC_URL: PUBLIC_ADDRESS });
  });

  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('CSV export: every row and every cell for a team with known progress, and no one from another team', async () => {
    const cookie = await logIn(server.origin, trainer.email, trainer.password);
    const response = await fetch(`${server.origin}/team/${teamId}/export.csv`, { headers: { cookie } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="voortgang-team-noord-wijk-3-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(response.headers.get('cache-control'), 'no-store');

    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte-order mark');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      assert.ok(!line.includes('\n') && !line.includes('\r'), 'no bare line breaks');
      assert.match(line, /^"(?:[^"]|"")*"(?:;"(?:[^"]|"")*")*$/, `every cell quoted, separated by semicolons: ${line}`);
    }

    const parsed = Papa.parse<string[]>(text.slice(0, -2), { delimiter: ';', newline: '\r\n' });
    assert.deepEqual(parsed.errors, []);
    const [header, ...rows] = parsed.data;
    assert.deepEqual(header, [
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

    // [status, toets attempts, best passed toets %, completed on, before the toets, version at
    // completion] per module; anything not listed: not started. Practice scores are not in it.
    type Row = [string, string, string, string, string, string];
    const known: Record<Exclude<Person, 'eva'>, Record<string, Row>> = {
      sanne: { giz: ['Afgerond', '1', '90', '30-03-2026', '', moduleById('giz').meta.version] },
      bram: { toegang: ['Afgerond', '0', '', '11-01-2026', 'ja', OLD_VERSION] },
      ozlem: { giz: ['Bezig', '0', '', '', '', ''], regie: ['Bezig', '0', '', '', '', ''] },
      pieter: {},
      lotte: { veiligheid: ['Te laat', '0', '', '', '', ''], normaliseren: ['Te laat', '0', '', '', '', ''] },
    };
    // [leerpad, due date, late] per module from the paths above; anything not listed: no path.
    const onPath: Partial<Record<Exclude<Person, 'eva'>, Record<string, [string, string, string]>>> = {
      ozlem: { giz: ['Inwerken GIZ', '2099-12-31', 'nee'] },
      lotte: { veiligheid: ['Veiligheid eerst', '2026-01-15', 'ja'], normaliseren: ['Veiligheid eerst', '2026-01-15', 'ja'] },
    };
    // Study time and last activity: exact where nothing happened ('0', ''), and for the two cells
    // whose only activity is one known moment; elsewhere a whole number of minutes and an ISO time.
    const touched = new Set(['sanne/giz', 'bram/toegang', 'ozlem/giz', 'ozlem/regie', 'lotte/veiligheid']);
    const lastActivity: Record<string, string> = {
      'lotte/veiligheid': '2026-01-11T00:30:00+01:00', // her one answer at BRAM_DONE, in winter time
      'ozlem/regie': '2026-03-30T00:30:00+02:00', // one lesson opened at SANNE_DONE, after the clocks went forward
    };
    const expected = (Object.keys(known) as (keyof typeof known)[]).flatMap((p) =>
      published.map((m) => [
        people[p].name,
        people[p].email,
        TEAM_NAME,
        m.meta.title,
        ...(known[p][m.meta.id] ?? ['Niet begonnen', '0', '', '', '', '']),
        m.meta.version,
        ...(onPath[p]?.[m.meta.id] ?? ['', '', 'nee']),
      ]),
    );
    assert.equal(published.length, 7, 'fixture: seven published modules');
    assert.equal(rows.length, 5 * published.length, 'one row per team member and published module');
    // Members may come in any order; within a member the modules follow the course.
    const byName = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    assert.deepEqual([...rows].map((r) => r.slice(0, 14)).sort(byName), [...expected].sort(byName));
    const personOf = new Map(Object.entries(people).map(([key, person]) => [person.email, key]));
    for (const row of rows) {
      const moduleId = published.find((m) => m.meta.title === row[3])!.meta.id;
      const cell = `${personOf.get(row[1])}/${moduleId}`;
      const [minutes, last] = row.slice(14);
      if (!touched.has(cell)) {
        assert.deepEqual([minutes, last], ['0', ''], `${cell}: no study time, no activity`);
        continue;
      }
      assert.match(minutes, /^\d+$/, `${cell}: study time in whole minutes`);
      if (lastActivity[cell]) assert.equal(last, lastActivity[cell], `${cell}: last activity`);
      else assert.match(last, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/, `${cell}: last activity as an ISO time in Dutch time`);
    }
    for (let i = 0; i < rows.length; i += published.length) {
      const block = rows.slice(i, i + published.length);
      assert.ok(
        block.every((r) => r[0] === block[0][0]),
        'a member\u2019s rows stay together',
      );
      assert.deepEqual(
        block.map((r) => r[3]),
        published.map((m) => m.meta.title),
      );
    }

    // The other team's member, and the trainer, are not in the file at all.
    for (const absent of [people.eva.name, people.eva.email, 'Team Zuid', trainer.email, trainer.name]) {
      assert.ok(!text.includes(absent), `${absent} must not be in the export`);
    }
  });

  test('certificate below 100 %: organisation, name, module, the score reached, pass mark, dates, study time, version and verification code; not for someone who has not completed', async () => {
    const giz = moduleById('giz');
    const cookie = await logIn(server.origin, people.sanne.email, people.sanne.password);
    const response = await fetch(`${server.origin}/voortgang/certificaat/giz`, { headers: { cookie } });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.equal(elementText(html, /<p class="recipient"[^>]*>([\s\S]*?)<\/p>/), people.sanne.name);
    assert.equal(elementText(html, /<p class="module-title"[^>]*>([\s\S]*?)<\/p>/), giz.meta.title);
    const code = elementText(html, /<span class="certificate-code"[^>]*>([\s\S]*?)<\/span>/);
    assert.match(code, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    const article = elementText(html, /<article class="certificate"[^>]*>([\s\S]*?)<\/article>/);
    assert.equal(
      article,
      [
        'Uitgegeven door',
        ORGANISATION,
        'Leergang Toegang',
        'Certificaat van deelname',
        'Hierbij verklaren wij dat',
        people.sanne.name,
        'de e-learningmodule',
        giz.meta.title,
        'heeft afgerond, inclusief de afsluitende toets (score 90%, norm 70%).',
        'Gegevens van dit certificaat',
        'Inhoudsversie',
        giz.meta.version,
        'Toetsscore',
        '90% (norm 70%)',
        'Datum van de toets',
        '30 maart 2026',
        'Datum van afronding',
        '30 maart 2026',
        'Geschatte studielast',
        `${giz.meta.minutes} min`,
        'Gemeten studietijd',
        '30 min',
        'Accreditatie',
        'Geen accreditatie aangevraagd',
        'Controleer dit certificaat op',
        `${PUBLIC_ADDRESS}/certificaat/controleren/${code}`,
        `Controlecode: ${code}`,
      ].join(' '),
    );
    assert.match(giz.meta.version, /^\d{4}\.\d+$/, 'fixture: Sanne completed the current version');
    assert.equal(giz.meta.accreditation, undefined, 'fixture: GIZ has no accreditation (tests/unit/content/accreditation.test.ts covers one)');

    // Özlem has started GIZ but not completed it: the 'not completed' page, 404, nothing of Sanne's.
    const other = await logIn(server.origin, people.ozlem.email, people.ozlem.password);
    const refused = await fetch(`${server.origin}/voortgang/certificaat/giz`, { headers: { cookie: other } });
    assert.equal(refused.status, 404);
    const body = await refused.text();
    assert.ok(textOf(body).includes('Je hebt deze module nog niet afgerond. Het certificaat verschijnt zodra je dat hebt gedaan.'));
    assert.ok(!body.includes('class="certificate"'));
    assert.ok(!textOf(body).includes(people.sanne.name));
    assert.ok(!body.includes('90%'));
  });

  test('an unexpected database error renders the Dutch 500 page with security headers and leaks nothing', async () => {
    const learner = DEMO_ACCOUNTS.find((a) => a.role === 'learner')!;
    const cookie = await logIn(server.origin, learner.email, learner.password);
    const certificate = () => fetch(`${server.origin}/voortgang/certificaat/giz`, { headers: { cookie } });
    assert.equal((await certificate()).status, 404, 'before the damage: the ordinary "not completed" page');

    // Another process damages the schema under the running server (a restore or a migration gone
    // wrong): the completions table is gone. Sessions still work; the certificate cannot. This is
    // not the busy-database path of the middleware (that one answers 503).
    const damage = createClient({ url });
    try {
      await damage.execute('ALTER TABLE module_completions RENAME TO module_completions_away');
      const response = await certificate();
      const body = await response.text();
      assert.equal(response.status, 500, body.slice(0, 500));
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(body, /<html lang="nl">/);
      assert.equal(elementText(body, /<title>([\s\S]*?)<\/title>/), 'Er ging iets mis · Leergang Toegang');
      assert.equal(elementText(body, /<h1[^>]*>([\s\S]*?)<\/h1>/), 'Er ging iets mis');
      assert.equal(
        elementText(body, /<p class="lead"[^>]*>([\s\S]*?)<\/p>/),
        'Er ging aan onze kant iets mis. Je voortgang is bewaard. Probeer het over een moment opnieuw.',
      );
      assert.match(body, /<a href="\/">Naar de startpagina<\/a>/);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, name);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      for (const leak of [
        /module_completions/i,
        /no such table/i,
        /SQLITE/i,
        /libsql/i,
        /\bselect\b[\s\S]*\bfrom\b/i,
        /\bat \S+ \(/,
        /\.m?[jt]s:\d+/,
        /\/work\//,
        /node_modules/,
        /dist\/server/,
        /file:/,
        /Error:/,
        /stack/i,
      ]) {
        assert.doesNotMatch(body, leak);
      }
      // What the visitor does not see, the operator does: the error is in the server's log.
      assert.match(server.stderr(), /\[leergang\] onverwachte fout bij GET \/voortgang\/certificaat\/giz:[\s\S]*module_completions/);
    } finally {
      // Repaired, the same request is the ordinary page again: it was this damage that caused the 500.
      await damage.execute('ALTER TABLE module_completions_away RENAME TO module_completions');
      damage.close();
    }
    assert.equal((await certificate()).status, 404, 'after the repair: the ordinary page again');
  });
});
