// The question analysis summed in the database must say exactly what the in-memory definition
// (computeModuleStats over every answer) says: same counts, facility, discrimination, options,
// flags and misconceptions, for a trainer's scope and for an admin's (with anonymous answers).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anonymousAttempts, attempts, users } from '../../../db/schema.ts';
import { clearModuleAnalysisCache, getModuleAnalysis, pearsonFromSums } from '../../../src/lib/reports/module-stats.ts';
import type { QuestionKey } from '../../../src/lib/reports/question-stats.ts';
import { getModuleAttemptRows } from '../../helpers/module-attempt-rows.ts';
import { computeModuleStats, pearson } from '../../helpers/module-stats-reference.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const keys: QuestionKey[] = [
  { id: 'm-single', type: 'single', correctOptions: ['a'] },
  { id: 'm-multiple', type: 'multiple', correctOptions: ['a', 'c'] },
  { id: 'm-case', type: 'branching', correctOptions: [] },
  { id: 'm-order', type: 'order', correctOptions: [] },
];

function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1664525 + 1013904223) % 4294967296;
    return a / 4294967296;
  };
}

function answerFor(questionId: string, random: () => number): { answer: Record<string, unknown>; correct: boolean; score: number } {
  const r = random();
  if (questionId === 'm-single') {
    const choice = r < 0.5 ? 'a' : r < 0.8 ? 'b' : 'c';
    return {
      answer: { type: 'single', choice, misconceptions: choice === 'a' ? [] : [`mis-${choice}`] },
      correct: choice === 'a',
      score: choice === 'a' ? 1 : 0,
    };
  }
  if (questionId === 'm-multiple') {
    const choices = r < 0.4 ? ['a', 'c'] : r < 0.7 ? ['a'] : ['b', 'c'];
    const score = choices.length === 2 && choices[0] === 'a' ? 1 : choices[0] === 'a' ? 0.5 : 0;
    return { answer: { type: 'multiple', choices, misconceptions: score === 1 ? [] : ['mis-half'] }, correct: score === 1, score };
  }
  if (questionId === 'm-case') {
    const path = r < 0.4 ? ['goed', 'goed', 'goed'] : r < 0.7 ? ['goed', 'matig', 'goed'] : ['fout'];
    const score = path.length === 1 ? 0 : path[1] === 'goed' ? 1 : 0.833;
    return { answer: { type: 'branching', path, misconceptions: score === 1 ? [] : ['mis-case', 'mis-b'] }, correct: score === 1, score };
  }
  const order = r < 0.5 ? ['x', 'y', 'z'] : ['y', 'x', 'z'];
  return { answer: { type: 'order', order, misconceptions: [] }, correct: order[0] === 'x', score: order[0] === 'x' ? 1 : 1 / 3 };
}

describe('question analysis in the database', () => {
  let t: TempDb;
  const people = Array.from({ length: 14 }, (_, i) => `persoon-${i}`);
  before(async () => {
    t = await createTempDb();
    clearModuleAnalysisCache();
    const random = seeded(11);
    await t.db.insert(users).values(people.map((id) => ({ id, email: `${id}@gemeente.nl`, name: id, passwordHash: 'x' })));
    let n = 0;
    for (const userId of people) {
      for (const key of keys) {
        // Some skip a question, some answer it several times; answers of another module too.
        const times = Math.floor(random() * 4);
        for (let i = 0; i < times; i++) {
          const a = answerFor(key.id, random);
          await t.db.insert(attempts).values({
            userId,
            moduleId: 'm',
            questionId: key.id,
            idempotencyKey: `k-${n++}`,
            answer: a.answer,
            correct: a.correct,
            score: a.score,
            contentVersion: '1',
            createdAt: n,
          });
        }
      }
      await t.db.insert(attempts).values({
        userId,
        moduleId: 'ander',
        questionId: 'ander-q',
        idempotencyKey: `k-${n++}`,
        answer: { type: 'single', choice: 'a', misconceptions: ['elders'] },
        correct: false,
        score: 0,
        contentVersion: '1',
        createdAt: n,
      });
    }
    for (let i = 0; i < 6; i++) {
      const a = answerFor(keys[i % 2].id, random);
      await t.db.insert(anonymousAttempts).values({
        anonId: `anon-${i % 3}`,
        moduleId: 'm',
        questionId: keys[i % 2].id,
        answer: a.answer,
        correct: a.correct,
        score: a.score,
        contentVersion: '1',
        day: '2026-01-01',
      });
    }
  });
  after(() => t.cleanup());

  for (const scope of ['trainer', 'admin'] as const) {
    test(`same numbers as computeModuleStats (${scope})`, async () => {
      const learners = scope === 'admin' ? 'all' : people.slice(0, 10);
      const rows = await getModuleAttemptRows(t.db, 'm', learners);
      const expected = computeModuleStats(keys, rows);
      const actual = await getModuleAnalysis(t.db, 'm', keys, learners);
      assert.equal(actual.people, new Set(rows.map((r) => r.userId)).size);
      assert.deepEqual(actual.misconceptions, expected.misconceptions);
      for (const [i, q] of expected.questions.entries()) {
        const got = actual.questions[i];
        assert.deepEqual({ ...got, optionCounts: [...got.optionCounts].sort() }, { ...q, optionCounts: [...q.optionCounts].sort() }, `vraag ${q.questionId}`);
      }
    });
  }

  test('the admin analysis in slices of a few people adds up to the same numbers', async () => {
    clearModuleAnalysisCache();
    const whole = await getModuleAnalysis(t.db, 'm', keys, 'all', Date.now(), 1000);
    clearModuleAnalysisCache();
    // 14 people in slices of 3: five ranges of user ids, plus the anonymous answers.
    const sliced = await getModuleAnalysis(t.db, 'm', keys, 'all', Date.now(), 3);
    clearModuleAnalysisCache();
    assert.equal(sliced.people, whole.people);
    assert.deepEqual(sliced.misconceptions, whole.misconceptions);
    for (const [i, q] of whole.questions.entries()) {
      const got = sliced.questions[i];
      assert.ok(q.learners > 0, `vraag ${q.questionId} heeft antwoorden`);
      assert.deepEqual(
        { ...got, discrimination: got.discrimination === null ? null : got.discrimination.toFixed(6), optionCounts: [...got.optionCounts].sort() },
        { ...q, discrimination: q.discrimination === null ? null : q.discrimination.toFixed(6), optionCounts: [...q.optionCounts].sort() },
        `vraag ${q.questionId}`,
      );
    }
  });

  test('nobody in scope: empty numbers, no query needed', async () => {
    const actual = await getModuleAnalysis(t.db, 'm', keys, []);
    assert.equal(actual.people, 0);
    assert.ok(actual.questions.every((q) => q.learners === 0 && q.attempts === 0 && q.facility === null));
  });

  test('pearson from sums agrees with the two-pass pearson, and sees no variance in thirds', () => {
    const xs = [1, 0, 1, 0, 0.5];
    const ys = [2, 0, 1, 1, 1.5];
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const fromSums = pearsonFromSums(xs.length, sum(xs), sum(ys), sum(xs.map((x, i) => x * ys[i])), sum(xs.map((x) => x * x)), sum(ys.map((y) => y * y)));
    assert.equal(Math.round(fromSums! * 1e9), Math.round(pearson(xs, ys)! * 1e9));
    const third = 1 / 3;
    assert.equal(pearsonFromSums(3, 3 * third, 6, 2 * third + 2 * third + 2 * third, 3 * third * third, 12), null);
  });
});
