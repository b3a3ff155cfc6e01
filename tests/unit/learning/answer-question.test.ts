// One answer from tokens to a stored answer (learning/answer-question.ts) against a real database:
// practice and toets kept apart, no question outside the draw, no verdict in a toets, a branching
// case decision by decision on the server, and two tabs taking the same step only once.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { attempts, toetsAnswers } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import type { ModuleForScoring } from '../../../src/lib/content/outline.ts';
import { ANSWER_MESSAGES, answerQuestion, type WireSubmission } from '../../../src/lib/learning/answer-question.ts';
import { toetsModuleOf } from '../../../src/lib/learning/module-toets.ts';
import { encodeAnswer, tokenizerFor, type Tokenizer, type WireAnswer } from '../../../src/lib/quiz/option-tokens.ts';
import { startToets } from '../../../src/lib/toets/toets-store.ts';
import { loadFixtureModule, outlineOf } from '../../helpers/fixture-course.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const source = loadFixtureModule();
const mod: ModuleForScoring = { outline: outlineOf(source), questions: source.questions };
const find = async (id: string) => (id === mod.outline.id ? mod : undefined);
const q = (id: string) => source.questions.find((x) => x.id === id)!;

let counter = 0;
const key = () => `antwoord-${String(++counter).padStart(12, '0')}`;

describe('answering with tokens, in practice and in the toets', () => {
  let t: TempDb;
  let userId: string;
  let tokens: Tokenizer;
  before(async () => {
    t = await createTempDb();
  });
  beforeEach(async () => {
    const created = await createUser(t.db, { email: `antw-${++counter}@gemeente.nl`, name: 'A', password: 'lang-genoeg-1', role: 'learner' });
    assert.ok(created.ok);
    userId = created.userId;
    tokens = tokenizerFor('test-geheim', userId);
  });
  after(() => t.cleanup());

  const send = (questionId: string, answer: WireAnswer, context: 'oefen' | 'toets' = 'oefen', idempotencyKey = key()) =>
    answerQuestion(t.db, find, userId, { moduleId: 'voorbeeld', questionId, idempotencyKey, context, answer } satisfies WireSubmission, { tokens });
  const right = (questionId: string) =>
    encodeAnswer(
      q(questionId),
      questionId === 'vb-tak' ? { type: 'branching', path: ['goed1', 'goed2', 'goed3'] } : { type: 'single', choice: 'luisteren' },
      tokens,
    );

  test('an authored id instead of a token is refused', async () => {
    const result = await send('vb-enkel', { type: 'single', choice: 'luisteren' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.status, 400);
  });

  test('a branching case is taken one decision at a time and stored once, at its end', async () => {
    const steps = right('vb-tak');
    assert.equal(steps.length, 3);
    assert.deepEqual(await send('vb-tak', steps[0]), { ok: true, kind: 'next-decision' });
    assert.deepEqual(await send('vb-tak', steps[1]), { ok: true, kind: 'next-decision' });
    const last = await send('vb-tak', steps[2]);
    assert.ok(last.ok && last.kind === 'scored' && last.scored.score === 1);
    assert.equal((await t.db.select().from(attempts)).filter((a) => a.userId === userId).length, 1);
    // A choice of the second step sent at the first is not accepted.
    assert.equal((await send('vb-tak', steps[1])).ok, false);
  });

  test('two tabs taking the same step at once: one goes on, the other is told the step was taken', async () => {
    const [first] = encodeAnswer(q('vb-tak'), { type: 'branching', path: ['goed1'] }, tokens);
    const [other] = encodeAnswer(q('vb-tak'), { type: 'branching', path: ['matig1'] }, tokens);
    const results = await Promise.all([send('vb-tak', first), send('vb-tak', other), send('vb-tak', first), send('vb-tak', other)]);
    assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
    assert.ok(results.filter((r) => !r.ok).every((r) => (!r.ok && r.status === 409) || (!r.ok && r.status === 400)));
  });

  test('while a toets is open its questions cannot be practised; a toets answer gets no verdict; a question outside the draw is refused', async () => {
    const small = { ...toetsModuleOf({ ...source, outline: mod.outline }), settings: { questions: 2, retakeAfterHours: 24 } };
    assert.deepEqual(await send('vb-enkel', right('vb-enkel')[0], 'toets'), { ok: false, status: 409, message: ANSWER_MESSAGES.noOpenToets });
    const started = await startToets(t.db, userId, small, true, Date.now(), () => 0);
    assert.ok(started.ok);
    const drawn = started.attempt.questionIds;
    const inDraw = drawn.includes('vb-enkel') ? 'vb-enkel' : (drawn.find((id) => id !== 'vb-tak') ?? 'vb-tak');
    const outside = source.questions.find((x) => !drawn.includes(x.id))!.id;
    const wireFor = (id: string) =>
      id === 'vb-enkel' || id === 'vb-tak' ? right(id) : encodeAnswer(q(id), { type: 'order', order: ['een', 'twee', 'drie'] }, tokens);

    assert.deepEqual(await send(inDraw, wireFor(inDraw)[0], 'oefen'), { ok: false, status: 409, message: ANSWER_MESSAGES.inOpenToets });
    if (outside !== 'vb-tak')
      assert.deepEqual(await send(outside, wireFor(outside)[0], 'toets'), { ok: false, status: 409, message: ANSWER_MESSAGES.notInDraw });

    let stored;
    for (const step of wireFor(inDraw)) stored = await send(inDraw, step, 'toets');
    assert.deepEqual(stored, { ok: true, kind: 'toets-stored', duplicate: false }, 'stored, with no score and no feedback');
    assert.equal((await t.db.select().from(toetsAnswers)).filter((a) => a.toetsId === started.attempt.id).length, 1);
    assert.equal((await t.db.select().from(attempts)).filter((a) => a.userId === userId).length, 0, 'a toets answer is not a practice attempt');
  });
});
