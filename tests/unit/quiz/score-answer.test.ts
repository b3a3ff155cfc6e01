import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BranchingQuestion, Question } from '../../../src/lib/content/schemas.ts';
import { submissionFromForm, submissionSchema } from '../../../src/lib/quiz/answer-from-form.ts';
import { tokenizerFor } from '../../../src/lib/quiz/option-tokens.ts';
import { toPublicQuestion } from '../../../src/lib/quiz/public-question.ts';
import { scoreAnswer, walkBranching } from '../../../src/lib/quiz/score-answer.ts';
import { loadFixtureModule } from '../../helpers/fixture-course.ts';

const mod = loadFixtureModule();
const q = (id: string): Question => mod.questions.find((x) => x.id === id)!;

describe('single choice', () => {
  test('right option scores 1 with its feedback', () => {
    const r = scoreAnswer(q('vb-enkel'), { type: 'single', choice: 'luisteren' });
    assert.ok(r.ok);
    assert.equal(r.result.correct, true);
    assert.equal(r.result.score, 1);
    assert.deepEqual(r.result.misconceptions, []);
  });
  test('wrong option scores 0 and names the misunderstanding', () => {
    const r = scoreAnswer(q('vb-enkel'), { type: 'single', choice: 'verwijzen' });
    assert.ok(r.ok);
    assert.equal(r.result.correct, false);
    assert.equal(r.result.score, 0);
    assert.deepEqual(r.result.misconceptions, ['verwijzen-zonder-vraagverheldering']);
    assert.ok(r.result.feedback.type === 'single' && r.result.feedback.options.some((o) => o.chosen && o.feedback.includes('vraagverheldering')));
  });
  test('unknown option and wrong type are refused', () => {
    assert.equal(scoreAnswer(q('vb-enkel'), { type: 'single', choice: 'bestaat-niet' }).ok, false);
    assert.equal(scoreAnswer(q('vb-enkel'), { type: 'multiple', choices: ['luisteren'] }).ok, false);
  });
});

describe('multiple choice', () => {
  test('all right, nothing wrong: correct', () => {
    const r = scoreAnswer(q('vb-meer'), { type: 'multiple', choices: ['a', 'b'] });
    assert.ok(r.ok && r.result.correct && r.result.score === 1);
  });
  test('partial credit, a wrong pick costs', () => {
    const half = scoreAnswer(q('vb-meer'), { type: 'multiple', choices: ['a'] });
    assert.ok(half.ok && !half.result.correct && half.result.score === 0.5);
    const mixed = scoreAnswer(q('vb-meer'), { type: 'multiple', choices: ['a', 'c'] });
    assert.ok(mixed.ok && mixed.result.score === 0 && mixed.result.misconceptions.includes('c-denken'));
  });
  test('an empty answer is refused', () => {
    assert.equal(scoreAnswer(q('vb-meer'), { type: 'multiple', choices: [] }).ok, false);
  });
});

describe('put in order', () => {
  test('right order is correct; partly right gets credit per place', () => {
    const right = scoreAnswer(q('vb-volgorde'), { type: 'order', order: ['een', 'twee', 'drie'] });
    assert.ok(right.ok && right.result.correct);
    const swapped = scoreAnswer(q('vb-volgorde'), { type: 'order', order: ['twee', 'een', 'drie'] });
    assert.ok(swapped.ok && !swapped.result.correct);
    assert.equal(swapped.result.score, 0.333);
    assert.deepEqual(swapped.result.misconceptions, ['volgorde-omgedraaid']);
  });
  test('missing or repeated items are refused', () => {
    assert.equal(scoreAnswer(q('vb-volgorde'), { type: 'order', order: ['een', 'een', 'drie'] }).ok, false);
    assert.equal(scoreAnswer(q('vb-volgorde'), { type: 'order', order: ['een', 'twee'] }).ok, false);
  });
  test('the public view never shows the items in the answer order, for any person', () => {
    const question = q('vb-volgorde');
    for (let person = 0; person < 200; person++) {
      const tokens = tokenizerFor('geheim', `persoon-${person}`);
      const view = toPublicQuestion(question, tokens);
      assert.ok(view.type === 'order');
      const answerOrder = ['een', 'twee', 'drie'].map((id) => tokens(question.id, id));
      assert.notDeepEqual(
        view.items.map((i) => i.token),
        answerOrder,
        `person ${person} sees the answer order`,
      );
      assert.deepEqual(toPublicQuestion(question, tokens), view, 'stable between renders');
    }
  });
});

describe('branching case', () => {
  const tak = q('vb-tak') as BranchingQuestion;
  test('unfinished path gives the next decision without qualities', () => {
    const walk = walkBranching(tak, ['goed1']);
    assert.ok(walk.ok && !walk.finished);
    assert.equal(walk.nextNode.id, 's2');
    assert.ok(!JSON.stringify(walk.nextNode).includes('quality'));
    assert.equal(scoreAnswer(tak, { type: 'branching', path: ['goed1'] }).ok, false);
  });
  test('the best path scores 1', () => {
    const r = scoreAnswer(tak, { type: 'branching', path: ['goed1', 'goed2', 'goed3'] });
    assert.ok(r.ok && r.result.correct && r.result.score === 1);
  });
  test('a weaker path scores the average of its choices', () => {
    const r = scoreAnswer(tak, { type: 'branching', path: ['matig1', 'goed2', 'fout3'] });
    assert.ok(r.ok && !r.result.correct);
    assert.equal(r.result.score, 0.5);
    assert.deepEqual(r.result.misconceptions, ['half-werk', 'fout-drie']);
  });
  test('a red-line choice ends the case with score 0 whatever came before', () => {
    const r = scoreAnswer(tak, { type: 'branching', path: ['goed1', 'gevaar'] });
    assert.ok(r.ok && r.result.score === 0 && !r.result.correct);
    assert.ok(r.result.feedback.type === 'branching' && r.result.feedback.endedOnRedLine);
    assert.equal(scoreAnswer(tak, { type: 'branching', path: ['goed1', 'gevaar', 'goed3'] }).ok, false, 'no way past a red line');
  });
  test('choices that do not belong to the step are refused', () => {
    assert.equal(walkBranching(tak, ['goed2']).ok, false);
  });
});

describe('public view', () => {
  test('holds no answer key or feedback for any question', () => {
    for (const question of mod.questions) {
      const json = JSON.stringify(toPublicQuestion(question, tokenizerFor('geheim', 'iemand')));
      for (const secret of ['correct', 'feedback', 'misconception', 'consequence', 'quality', 'debrief', 'explanation']) {
        assert.ok(!json.includes(secret), `${question.id} leaks ${secret}`);
      }
    }
  });
});

describe('form mapping', () => {
  test('maps each type from form fields', () => {
    const base = { moduleId: 'voorbeeld', questionId: 'x', key: 'abcdefabcdefabcdef' };
    const order = submissionSchema.parse(submissionFromForm({ ...base, type: 'order', 'pos-tokC': '3', 'pos-tokA': '1', 'pos-tokB': '2' }));
    assert.deepEqual(order.answer, { type: 'order', order: ['tokA', 'tokB', 'tokC'] });
    assert.equal(order.context, 'oefen', 'practice unless the form says toets');
    const multi = submissionSchema.parse(submissionFromForm({ ...base, type: 'multiple', choices: ['a', 'b'], context: 'toets' }));
    assert.deepEqual(multi.answer, { type: 'multiple', choices: ['a', 'b'] });
    assert.equal(multi.context, 'toets');
    const branch = submissionSchema.parse(submissionFromForm({ ...base, type: 'branching', path: ['goed1'], choice: 'goed2' }));
    assert.deepEqual(branch.answer, { type: 'branching', choice: 'goed2' }, 'one decision at a time; a path from the form is ignored');
  });
  test('repeated positions, missing choice and bad keys fail to parse', () => {
    const base = { moduleId: 'voorbeeld', questionId: 'x', key: 'abcdefabcdefabcdef' };
    assert.equal(submissionSchema.safeParse(submissionFromForm({ ...base, type: 'order', 'pos-a': '1', 'pos-b': '1' })).success, false);
    assert.equal(submissionSchema.safeParse(submissionFromForm({ ...base, type: 'single' })).success, false);
    assert.equal(submissionSchema.safeParse(submissionFromForm({ ...base, key: 'kort', type: 'single', choice: 'a' })).success, false);
    assert.equal(submissionSchema.safeParse(submissionFromForm({ ...base, type: 'raar', choice: 'a' })).success, false);
    assert.equal(submissionSchema.safeParse(submissionFromForm({ ...base, type: 'single', choice: 'a', context: 'examen' })).success, false);
  });
});
