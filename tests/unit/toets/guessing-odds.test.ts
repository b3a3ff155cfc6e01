// How often a learner who guesses passes a module's afsluitende toets, measured on the real course
// with the real draw and the real scoring. The robots in tests/e2e/assessment.spec.ts show in a
// browser that guessing fails; they take one toets each, so they cannot show how rare a lucky pass
// is. This test can: it takes many simulated toetsen per module with a seeded generator (the same
// numbers on every run) and holds each module to at most one guessing pass in a thousand. A module
// whose bank gets easier to guess (fewer options, a lower pass mark, more partial credit) fails
// here, and the message names it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Question } from '../../../src/lib/content/schemas.ts';
import { loadCourse } from '../../../src/lib/content/load-course.ts';
import type { Answer } from '../../../src/lib/quiz/answer-schemas.ts';
import { scoreAnswer } from '../../../src/lib/quiz/score-answer.ts';
import { drawToets } from '../../../src/lib/toets/draw.ts';
import { DEFAULT_TOETS_SETTINGS, isPassed, toetsScore } from '../../../src/lib/toets/policy.ts';
import { seeded } from '../../helpers/seeded-random.ts';

const TOETSEN_PER_MODULE = 20_000;
/** At most this share of guessing learners may pass. */
const MAX_GUESSING_PASS_RATE = 1 / 1000;

/** What a guesser hands in: one option at random (one box in a multiple-choice question, as the robots do), a shuffled order, a random choice at every step of a case. */
function guess(question: Question, random: () => number): Answer {
  const any = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: any(question.options).id };
    case 'multiple':
      return { type: 'multiple', choices: [any(question.options).id] };
    case 'order': {
      const order = question.items.map((item) => item.id);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      return { type: 'order', order };
    }
    case 'branching': {
      const path: string[] = [];
      let node = question.nodes.find((n) => n.id === question.start)!;
      for (;;) {
        const choice = any(node.choices);
        path.push(choice.id);
        if (choice.redLine || !choice.next) return { type: 'branching', path };
        node = question.nodes.find((n) => n.id === choice.next)!;
      }
    }
  }
}

const { modules, errors } = loadCourse('content');

test('the course loads', () => assert.deepEqual(errors, []));

for (const mod of modules) {
  test(`${mod.meta.id}: a guessing learner passes the toets at most once in ${1 / MAX_GUESSING_PASS_RATE}`, () => {
    const random = seeded(mod.meta.id.length * 7919 + mod.questions.length);
    const size = mod.meta.toets?.questions ?? DEFAULT_TOETS_SETTINGS.questions;
    const byId = new Map(mod.questions.map((q) => [q.id, q]));
    let passes = 0;
    let total = 0;
    for (let n = 0; n < TOETSEN_PER_MODULE; n++) {
      const drawn = drawToets(
        mod.lessons.map((l) => l.id),
        mod.questions,
        size,
        [],
        random,
      );
      const scores = new Map<string, number>();
      for (const id of drawn) {
        const question = byId.get(id)!;
        const scored = scoreAnswer(question, guess(question, random));
        assert.ok(scored.ok, `${id}: ${scored.ok ? '' : scored.message}`);
        scores.set(id, scored.result.score);
      }
      const score = toetsScore(drawn, scores);
      total += score;
      if (isPassed(score, mod.meta.passMark)) passes++;
    }
    const rate = passes / TOETSEN_PER_MODULE;
    assert.ok(
      rate <= MAX_GUESSING_PASS_RATE,
      `${mod.meta.id}: ${passes} of ${TOETSEN_PER_MODULE} guessed toetsen passed (${(rate * 100).toFixed(2)}%, mean score ${Math.round((total / TOETSEN_PER_MODULE) * 100)}%)`,
    );
  });
}
