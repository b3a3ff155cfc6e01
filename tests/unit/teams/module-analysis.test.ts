// The question analysis read from the tallies (kept by a trigger on every answer) must say exactly
// what the in-memory definition (computeModuleStats over every answer) says: same counts,
// facility, discrimination, options, flags and misconceptions, for a trainer's teams and for the
// region (with the anonymous answers of deleted accounts), after deletions, after a parallel
// burst, and as built by the migration from answers stored before it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../db/client.ts';
import { anonymousAttempts, attempts, users } from '../../../db/schema.ts';
import { getModuleAnalysis, pearsonFromSums } from '../../../src/lib/reports/module-stats.ts';
import { deleteAccount } from '../../../src/lib/privacy/delete-account.ts';
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

/** Answers like a module's learners give them: some skip a question, some answer it several times; answers of another module too. */
async function answerAll(db: Db, people: string[], random: () => number, next: () => number): Promise<void> {
  for (const userId of people) {
    for (const key of keys) {
      const times = Math.floor(random() * 4);
      for (let i = 0; i < times; i++) {
        const a = answerFor(key.id, random);
        const n = next();
        await db.insert(attempts).values({
          userId,
          moduleId: 'm',
          questionId: key.id,
          idempotencyKey: `k-${n}`,
          answer: a.answer,
          correct: a.correct,
          score: a.score,
          contentVersion: '1',
          createdAt: n,
        });
      }
    }
    const n = next();
    await db.insert(attempts).values({
      userId,
      moduleId: 'ander',
      questionId: 'ander-q',
      idempotencyKey: `k-${n}`,
      answer: { type: 'single', choice: 'a', misconceptions: ['elders'] },
      correct: false,
      score: 0,
      contentVersion: '1',
      createdAt: n,
    });
  }
}

async function addPeople(db: Db, ids: string[]): Promise<void> {
  await db.insert(users).values(ids.map((id) => ({ id, email: `${id}@gemeente.nl`, name: id, passwordHash: 'x' })));
}

/** The analysis must say what the reference says over every answer in scope, number for number. */
async function expectSameAsEveryAnswer(db: Db, learners: string[] | 'all', what: string): Promise<void> {
  const rows = await getModuleAttemptRows(db, 'm', learners);
  const expected = computeModuleStats(keys, rows);
  const actual = await getModuleAnalysis(db, 'm', keys, learners);
  assert.equal(actual.people, new Set(rows.map((r) => r.userId)).size, `${what}: people`);
  assert.deepEqual(actual.misconceptions, expected.misconceptions, `${what}: misconceptions`);
  for (const [i, q] of expected.questions.entries()) {
    const got = actual.questions[i];
    assert.ok(what.startsWith('nobody') || q.learners > 0, `${what}: vraag ${q.questionId} heeft antwoorden`);
    assert.deepEqual(
      { ...got, optionCounts: [...got.optionCounts].sort() },
      { ...q, optionCounts: [...q.optionCounts].sort() },
      `${what}: vraag ${q.questionId}`,
    );
  }
}

describe('question analysis from the tallies', () => {
  let t: TempDb;
  const people = Array.from({ length: 14 }, (_, i) => `persoon-${i}`);
  const leaving = ['vertrekt-0', 'vertrekt-1', 'vertrekt-2'];
  let n = 0;
  const next = () => n++;
  before(async () => {
    t = await createTempDb();
    const random = seeded(11);
    await addPeople(t.db, [...people, ...leaving]);
    // Interleaved as in real use: the people who will leave answer between the others.
    await answerAll(t.db, people.slice(0, 7), random, next);
    await answerAll(t.db, leaving, random, next);
    await answerAll(t.db, people.slice(7), random, next);
  });
  after(() => t.cleanup());

  test("a trainer's teams and the region say what every answer says", async () => {
    await expectSameAsEveryAnswer(t.db, people.slice(0, 10), 'trainer');
    await expectSameAsEveryAnswer(t.db, [...people.slice(3, 6), ...leaving], 'trainer with the people who will leave');
    await expectSameAsEveryAnswer(t.db, 'all', 'region');
  });

  test('after accounts are deleted: the region still counts their anonymous answers, the teams no longer have them', async () => {
    for (const userId of leaving) assert.equal(await deleteAccount(t.db, { userId, actorId: userId }), true);
    assert.ok((await t.db.select().from(anonymousAttempts)).length > 0, 'anonymous answers exist');
    await expectSameAsEveryAnswer(t.db, 'all', 'region after deletion');
    await expectSameAsEveryAnswer(t.db, [...people.slice(3, 6), ...leaving], 'trainer after deletion');
    // Answers keep coming after the deletions.
    await answerAll(t.db, people.slice(0, 4), seeded(12), next);
    await expectSameAsEveryAnswer(t.db, 'all', 'region, more answers after deletion');
    await expectSameAsEveryAnswer(t.db, people, 'trainer, more answers after deletion');
  });

  test('nobody in scope: empty numbers, no query needed', async () => {
    const actual = await getModuleAnalysis(t.db, 'm', keys, []);
    assert.equal(actual.people, 0);
    assert.ok(actual.questions.every((q) => q.learners === 0 && q.attempts === 0 && q.facility === null));
  });

  test('the migration builds the same tallies from answers stored before it (with anonymous ones)', async () => {
    const fresh = await createTempDb();
    try {
      // The state before migration 0012: answers, anonymous answers, no trigger and no tallies.
      await fresh.client.execute('DROP TRIGGER attempts_keep_tallies');
      const random = seeded(13);
      await addPeople(fresh.db, [...people, ...leaving]);
      await answerAll(fresh.db, [...people, ...leaving], random, next);
      for (const userId of leaving) await deleteAccount(fresh.db, { userId, actorId: userId });
      await answerAll(fresh.db, people.slice(0, 5), random, next);
      // Everything after the trigger: the statements that fill the tallies.
      const statements = readFileSync(new URL('../../../db/migrations/0012_analysis_tallies.sql', import.meta.url), 'utf8').split('--> statement-breakpoint');
      const backfill = statements.slice(statements.findIndex((s) => s.includes('CREATE TRIGGER')) + 1);
      assert.ok(backfill.length >= 4, 'the backfill statements follow the trigger');
      for (const statement of backfill) await fresh.client.execute(statement);
      await expectSameAsEveryAnswer(fresh.db, 'all', 'region, built by the migration');
      await expectSameAsEveryAnswer(fresh.db, people.slice(2, 12), 'trainer, built by the migration');
    } finally {
      fresh.cleanup();
    }
  });

  test('parallel answers from one person keep the tallies exact', async () => {
    // A burst of answers to every question at once, also first answers racing each other.
    const burst = 'burst-persoon';
    await addPeople(t.db, [burst]);
    const random = seeded(14);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const key = keys[i % keys.length];
        const a = answerFor(key.id, random);
        const k = next();
        return t.db.insert(attempts).values({
          userId: burst,
          moduleId: 'm',
          questionId: key.id,
          idempotencyKey: `k-${k}`,
          answer: a.answer,
          correct: a.correct,
          score: a.score,
          contentVersion: '1',
          createdAt: k,
        });
      }),
    );
    await expectSameAsEveryAnswer(t.db, 'all', 'region after a burst');
    await expectSameAsEveryAnswer(t.db, [burst, ...people.slice(0, 3)], 'trainer after a burst');
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
