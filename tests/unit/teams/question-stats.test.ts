import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeModuleStats, pearson, type AttemptRow } from '../../helpers/module-stats-reference.ts';

const keys = [
  { id: 'q1', type: 'single', correctOptions: ['a'] },
  { id: 'q2', type: 'single', correctOptions: ['a'] },
];
let id = 0;
const row = (userId: string, questionId: string, choice: string, correct: boolean, misconceptions: string[] = []): AttemptRow => ({
  id: ++id,
  userId,
  questionId,
  correct,
  score: correct ? 1 : 0,
  answer: { type: 'single', choice, misconceptions },
});

describe('question statistics', () => {
  test('pearson on a hand-computed example', () => {
    // x = 1,0,1,0 ; y = 2,0,1,1 → r = 0.7071
    assert.equal(Math.round(pearson([1, 0, 1, 0], [2, 0, 1, 1])! * 10000) / 10000, 0.7071);
    assert.equal(pearson([1, 1, 1], [1, 2, 3]), null, 'no variance, no correlation');
  });

  test('facility uses first attempts; discrimination the rest score', () => {
    // Six people. q1 right first time for u1..u3; u4 is right only on the second try.
    const rows = [
      row('u1', 'q1', 'a', true),
      row('u1', 'q2', 'a', true),
      row('u2', 'q1', 'a', true),
      row('u2', 'q2', 'a', true),
      row('u3', 'q1', 'a', true),
      row('u3', 'q2', 'b', false, ['m-b']),
      row('u4', 'q1', 'b', false, ['m-b']),
      row('u4', 'q1', 'a', true),
      row('u4', 'q2', 'b', false, ['m-b']),
      row('u5', 'q1', 'c', false, ['m-c']),
      row('u5', 'q2', 'b', false, ['m-b']),
      row('u6', 'q1', 'b', false, ['m-b']),
      row('u6', 'q2', 'a', true),
    ];
    const stats = computeModuleStats(keys, rows);
    const q1 = stats.questions[0];
    assert.equal(q1.learners, 6);
    assert.equal(q1.attempts, 7);
    assert.equal(q1.facility, 0.5); // u1, u2, u3 of six
    // q1 first scores: 1,1,1,0,0,0 ; q2 first scores (rest): 1,1,0,0,0,1 → r = 1/3
    assert.equal(q1.discrimination, 0.33);
    assert.deepEqual([...q1.optionCounts].sort(), [
      ['a', 4],
      ['b', 2],
      ['c', 1],
    ]);
    assert.deepEqual(q1.flags, []);
    assert.deepEqual(stats.misconceptions, [
      { tag: 'm-b', count: 5 },
      { tag: 'm-c', count: 1 },
    ]);
  });

  test('flags: almost everyone wrong, a distractor above the key, negative discrimination', () => {
    const rows: AttemptRow[] = [];
    // q1: five of six choose b first; the one who chose a does worst on q2.
    for (const u of ['u1', 'u2', 'u3', 'u4', 'u5']) rows.push(row(u, 'q1', 'b', false), row(u, 'q2', 'a', true));
    rows.push(row('u6', 'q1', 'a', true), row('u6', 'q2', 'b', false));
    const q1 = computeModuleStats(keys, rows).questions[0];
    assert.ok(q1.flags.includes('bijna-iedereen-fout'));
    assert.ok(q1.flags.includes('afleider-vaker-gekozen'));
    assert.ok(q1.flags.includes('negatieve-discriminatie'));
  });

  test('too few learners: no judgement, a plain warning', () => {
    const stats = computeModuleStats(keys, [row('u1', 'q1', 'b', false), row('u2', 'q1', 'b', false)]);
    assert.deepEqual(stats.questions[0].flags, ['te-weinig-pogingen']);
    assert.equal(stats.questions[1].learners, 0);
    assert.equal(stats.questions[1].facility, null);
  });
});
