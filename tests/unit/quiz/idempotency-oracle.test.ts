// An idempotency key belongs to one answer. Replaying a used key with another question or another
// answer must not score it (that would show the answer key of any question without a trace); only
// an exact repeat gets the stored result back.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { attempts, reviewItems } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { KEY_USED_MESSAGE, submitAnswer, type SubmitResult } from '../../../src/lib/learning/submit-answer.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);

let counter = 0;
const freshKey = () => `orakel-${String(++counter).padStart(12, '0')}`;

function assertRefused(result: SubmitResult, what: string) {
  assert.deepEqual(result, { ok: false, status: 409, message: KEY_USED_MESSAGE }, `${what}: refused with 409 and no feedback`);
}

describe('a used idempotency key is no oracle', () => {
  let t: TempDb;
  let userId: string;
  before(async () => {
    t = await createTempDb();
  });
  beforeEach(async () => {
    const created = await createUser(t.db, { email: `orakel-${++counter}@gemeente.nl`, name: 'O', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
  });
  after(() => t.cleanup());

  const submit = (questionId: string, answer: Answer, idempotencyKey: string, who = userId) =>
    submitAnswer(t.db, find, who, { moduleId: 'voorbeeld', questionId, idempotencyKey, answer });
  const storedFor = async (who = userId) => (await t.db.select().from(attempts)).filter((a) => a.userId === who);
  const reviewFor = async (who = userId) => (await t.db.select().from(reviewItems)).filter((r) => r.userId === who).map((r) => r.questionId);

  test('a key used for one question does not score another question, and stores nothing for it', async () => {
    const key = freshKey();
    const first = await submit('vb-enkel', { type: 'single', choice: 'verwijzen' }, key);
    assert.ok(first.ok && first.kind === 'scored' && !first.duplicate);

    assertRefused(await submit('vb-meer', { type: 'multiple', choices: ['a'] }, key), 'another multiple-choice question');
    assertRefused(await submit('vb-volgorde', { type: 'order', order: ['een', 'twee', 'drie'] }, key), 'an order question');
    assertRefused(await submit('vb-tak', { type: 'branching', path: ['goed1', 'gevaar'] }, key), 'a finished branching case');

    const rows = await storedFor();
    assert.deepEqual(
      rows.map((r) => r.questionId),
      ['vb-enkel'],
    );
    assert.deepEqual(await reviewFor(), ['vb-enkel'], 'no review schedule for questions that were never answered');
  });

  test('a replay with a changed answer is refused and the stored answer stays', async () => {
    const key = freshKey();
    await submit('vb-enkel', { type: 'single', choice: 'verwijzen' }, key);
    assertRefused(await submit('vb-enkel', { type: 'single', choice: 'luisteren' }, key), 'the other option');
    const rows = await storedFor();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].correct, false, 'still the first, wrong answer');
    assert.equal((rows[0].answer as { choice: string }).choice, 'verwijzen');
  });

  test('an exact repeat gets the stored result back, also with the same boxes ticked in another order', async () => {
    const key = freshKey();
    const first = await submit('vb-meer', { type: 'multiple', choices: ['a', 'c'] }, key);
    const again = await submit('vb-meer', { type: 'multiple', choices: ['c', 'a'] }, key);
    assert.ok(first.ok && first.kind === 'scored' && again.ok && again.kind === 'scored');
    assert.equal(again.duplicate, true);
    assert.equal(again.attemptId, first.attemptId);
    assert.deepEqual(again.scored, first.scored);
    assert.equal((await storedFor()).length, 1);
  });

  test('the same key string of another person is their own key', async () => {
    const key = freshKey();
    await submit('vb-enkel', { type: 'single', choice: 'verwijzen' }, key);
    const other = await createUser(t.db, { email: `ander-${++counter}@gemeente.nl`, name: 'A', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(other.ok);
    const theirs = await submit('vb-meer', { type: 'multiple', choices: ['a', 'b'] }, key, other.userId);
    assert.ok(theirs.ok && theirs.kind === 'scored' && !theirs.duplicate);
  });

  test('a branching case step by step, each step with the fresh key of its own form, still works', async () => {
    const steps = [['goed1'], ['goed1', 'goed2']];
    for (const path of steps) assert.deepEqual(await submit('vb-tak', { type: 'branching', path }, freshKey()), { ok: true, kind: 'next-decision', path });
    const lastKey = freshKey();
    const done = await submit('vb-tak', { type: 'branching', path: ['goed1', 'goed2', 'goed3'] }, lastKey);
    assert.ok(done.ok && done.kind === 'scored' && !done.duplicate && done.scored.correct);
    // The same final form posted twice: the stored result.
    const repeat = await submit('vb-tak', { type: 'branching', path: ['goed1', 'goed2', 'goed3'] }, lastKey);
    assert.ok(repeat.ok && repeat.kind === 'scored' && repeat.duplicate);
    // The used key for an earlier step or another ending: refused.
    assertRefused(await submit('vb-tak', { type: 'branching', path: ['goed1'] }, lastKey), 'an unfinished path under a used key');
    assertRefused(await submit('vb-tak', { type: 'branching', path: ['goed1', 'goed2', 'fout3'] }, lastKey), 'another ending under a used key');
    // Trying again (a fresh form): the case starts over and is stored again.
    assert.deepEqual(await submit('vb-tak', { type: 'branching', path: ['matig1'] }, freshKey()), { ok: true, kind: 'next-decision', path: ['matig1'] });
    const retry = await submit('vb-tak', { type: 'branching', path: ['matig1', 'gevaar'] }, freshKey());
    assert.ok(retry.ok && retry.kind === 'scored' && !retry.duplicate && !retry.scored.correct);
    assert.equal((await storedFor()).length, 2);
  });

  test('a parallel burst under one key with different questions and answers: one stored, the rest refused or the identical stored result', async () => {
    const key = freshKey();
    const candidates: { questionId: string; answer: Answer }[] = [
      { questionId: 'vb-enkel', answer: { type: 'single', choice: 'luisteren' } },
      { questionId: 'vb-enkel', answer: { type: 'single', choice: 'verwijzen' } },
      { questionId: 'vb-meer', answer: { type: 'multiple', choices: ['a', 'b'] } },
      { questionId: 'vb-meer', answer: { type: 'multiple', choices: ['c'] } },
      { questionId: 'vb-volgorde', answer: { type: 'order', order: ['een', 'twee', 'drie'] } },
      { questionId: 'vb-tak', answer: { type: 'branching', path: ['goed1', 'gevaar'] } },
    ];
    const burst = Array.from({ length: 42 }, (_, i) => candidates[i % candidates.length]);
    const results = await Promise.all(burst.map((c) => submit(c.questionId, c.answer, key)));

    const rows = await storedFor();
    assert.equal(rows.length, 1, 'exactly one answer stored under the key');
    const stored = rows[0];
    const storedCandidate = JSON.stringify({ ...(stored.answer as object), misconceptions: undefined });
    assert.equal(results.filter((r) => r.ok && r.kind === 'scored' && !r.duplicate).length, 1, 'one request stored it');
    results.forEach((result, i) => {
      const sent = burst[i];
      const same = sent.questionId === stored.questionId && JSON.stringify({ ...sent.answer, misconceptions: undefined }) === storedCandidate;
      if (result.ok) {
        assert.equal(result.kind, 'scored');
        if (result.kind !== 'scored') return;
        assert.ok(same, `request ${i} (${sent.questionId}) got feedback, but ${stored.questionId} was stored`);
        assert.equal(result.attemptId, stored.id);
      } else {
        assert.ok(!same, `request ${i}: the stored answer itself was refused`);
        assertRefused(result, `request ${i}`);
      }
    });
    assert.deepEqual(await reviewFor(), [stored.questionId], 'one review schedule, for the stored question only');
  });
});
