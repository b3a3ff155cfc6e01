import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymousAttempts, auditLog } from '../../../db/schema.ts';
import { createSession, generateSessionToken } from '../../../src/lib/auth/session.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { deleteAccount, logAudit } from '../../../src/lib/privacy/delete-account.ts';
import { exportUserData } from '../../../src/lib/privacy/export-data.ts';
import { certificates } from '../../../db/schema.ts';
import { claimReminder, markSent } from '../../../src/lib/reminders/claims.ts';
import { setRemindersOn } from '../../../src/lib/reminders/preferences.ts';
import { recordLessonOpened } from '../../../src/lib/progress/record-lesson.ts';
import { saveReflection } from '../../../src/lib/progress/reflections.ts';
import { startCheckin } from '../../../src/lib/review/checkin.ts';
import { submitAnswer } from '../../../src/lib/learning/submit-answer.ts';
import { addToTeam, createTeam } from '../../../src/lib/teams/teams.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { getModuleAttemptRows } from '../../helpers/module-attempt-rows.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const outline = outlineOf(source);

describe('download and delete your own data', () => {
  let t: TempDb;
  let anna: string;
  let bram: string;
  before(async () => {
    t = await createTempDb();
    const a = await createUser(t.db, { email: 'anna@gemeente.nl', name: 'Anna', password: 'lang-genoeg-1', role: 'learner' });
    const b = await createUser(t.db, { email: 'bram@gemeente.nl', name: 'Bram', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(a.ok && b.ok);
    anna = a.userId;
    bram = b.userId;
    for (const userId of [anna, bram]) {
      await recordLessonOpened(t.db, { userId, moduleId: 'voorbeeld', lessonId: 'eerste', contentVersion: '1' });
      // The check-in first: a question answered before is never drawn in one.
      assert.ok(
        (
          await startCheckin(
            t.db,
            userId,
            { moduleId: 'voorbeeld', lessonIds: ['eerste'], questions: source.questions, retakeAfterHours: 24 },
            new Set(),
            Date.now(),
          )
        ).ok,
      );
      await submitAnswer(t.db, async () => ({ outline, questions: source.questions }), userId, {
        moduleId: 'voorbeeld',
        questionId: 'vb-enkel',
        idempotencyKey: `priv-${userId}`,
        answer: { type: 'single', choice: 'verwijzen' },
      });
      await saveReflection(t.db, { userId, moduleId: 'voorbeeld', reflectionId: 'vb-r-een', body: `geheim van ${userId}` });

      await createSession(t.db, generateSessionToken(), userId);
    }
    const team = await createTeam(t.db, 'Team', { id: bram, role: 'admin' });
    await addToTeam(t.db, team, anna);
    // Anna's certificate code and her reminders: off now, one overdue reminder sent before.
    await t.db.insert(certificates).values({ code: 'ANNA-CERT-CODE-0001-TEST', userId: anna, moduleId: 'voorbeeld', issuedAt: Date.now() });
    const key = `te-laat:${anna}:voorbeeld:2026-01-15`;
    assert.ok(await claimReminder(t.db, { key, userId: anna, claim: 'run-1' }, Date.now()));
    await markSent(t.db, [key], 'run-1', Date.now());
    await setRemindersOn(t.db, anna, false);
  });
  after(() => t.cleanup());

  test('the export holds everything about Anna and nothing about Bram, and no secrets', async () => {
    const data = await exportUserData(t.db, anna);
    assert.ok(data);
    assert.equal(data.account.email, 'anna@gemeente.nl');
    assert.equal(data.antwoorden.length, 1);
    assert.equal(data.reflecties[0].body, `geheim van ${anna}`);
    assert.equal(data.herhaalschema.length, 1);
    assert.equal(data.instaptoetsen.length, 1);
    assert.equal(data.teams[0].team, 'Team');
    assert.equal(data.actieveSessies.length, 1);
    // Certificate codes and reminders (issue 18) are personal data too.
    assert.deepEqual(
      data.certificaten.map((c) => c.code),
      ['ANNA-CERT-CODE-0001-TEST'],
    );
    assert.match(String(data.herinneringen.uitgezet?.at), /^\d{4}-\d{2}-\d{2}T/);
    assert.deepEqual(
      data.herinneringen.verstuurd.map((r) => r.key),
      [`te-laat:${anna}:voorbeeld:2026-01-15`],
    );
    const json = JSON.stringify(data);
    assert.ok(!json.includes(bram), 'nothing of Bram');
    assert.ok(!json.includes('argon2'), 'no password hash');
    // Moments are readable ISO date-times in Dutch time, never epoch milliseconds (issue 18).
    assert.doesNotMatch(json, /":\d{13}[,}\]]/);
    assert.match(String(data.account.createdAt), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    assert.match(String(data.lesgebeurtenissen[0].at), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
  });

  test('deleting removes every personal row and keeps an anonymous answer for the statistics', async () => {
    assert.equal(await deleteAccount(t.db, { userId: anna, actorId: anna }), true);
    for (const table of [
      'users',
      'sessions',
      'lesson_events',
      'lesson_progress',
      'attempts',
      'module_completions',
      'reflections',
      'review_items',
      'checkins',
      'team_members',
      'certificates',
      'reminder_opt_outs',
      'reminders_sent',
    ]) {
      const column = table === 'users' ? 'id' : 'user_id';
      const { rows } = await t.client.execute({ sql: `select count(*) as n from ${table} where ${column} = ?`, args: [anna] });
      assert.equal(rows[0].n, 0, `${table} still holds Anna`);
    }
    // Her certificate code stays as a tombstone (so a check says "no longer valid"), without her.
    const { rows: tombstones } = await t.client.execute({
      sql: 'select user_id, module_id, revoked_at from certificates where code = ?',
      args: ['ANNA-CERT-CODE-0001-TEST'],
    });
    assert.equal(tombstones.length, 1);
    assert.equal(tombstones[0].user_id, null);
    assert.equal(tombstones[0].module_id, null);
    assert.ok(Number(tombstones[0].revoked_at) > 0);
    const anon = await t.db.select().from(anonymousAttempts);
    assert.equal(anon.length, 1);
    assert.ok(!JSON.stringify(anon).includes(anna));
    assert.match(anon[0].day, /^\d{4}-\d{2}-\d{2}$/);
    // Bram is untouched.
    const { rows } = await t.client.execute({ sql: 'select count(*) as n from reflections where user_id = ?', args: [bram] });
    assert.equal(rows[0].n, 1);
    // Admin statistics still count Anna's answer, anonymously.
    const stats = await getModuleAttemptRows(t.db, 'voorbeeld', 'all');
    assert.equal(stats.length, 2);
    assert.ok(stats.some((r) => r.userId.startsWith('anoniem:')));
    assert.equal(await deleteAccount(t.db, { userId: anna, actorId: anna }), false, 'a second delete finds nothing');
  });

  test('the audit log records who did what to whom, never the content', async () => {
    await logAudit(t.db, { actorId: bram, action: 'gegevens-gedownload', subjectId: bram });
    const log = await t.db.select().from(auditLog);
    assert.deepEqual(log.map((l) => l.action).sort(), ['account-verwijderd', 'gegevens-gedownload']);
    assert.equal(log.find((l) => l.action === 'account-verwijderd')!.actorId, null, 'self-deletion leaves no actor id');
    assert.ok(!JSON.stringify(log).includes('geheim'));
  });
});
