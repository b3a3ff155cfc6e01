// The question analysis names chosen answers and misconceptions in words, never by internal ids.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { misconceptionLabel } from '../../../src/lib/content/misconceptions.ts';
import { answerLabel } from '../../../src/lib/reports/answer-label.ts';
import { loadFixtureModule } from '../../helpers/fixture-course.ts';

const mod = loadFixtureModule();
const question = (type: string) => mod.questions.find((q) => q.type === type)!;

describe('answer and misconception labels in the question analysis', () => {
  test('an option by its text, a branching decision by its number and the text of the choice', () => {
    assert.equal(answerLabel(question('single'), 'verwijzen'), 'Direct verwijzen');
    assert.equal(answerLabel(question('branching'), '2/gevaar'), 'Beslissing 2: Niets doen bij acuut gevaar');
  });

  test('an id no longer in the content is not shown', () => {
    for (const [type, key] of [
      ['single', 'bestaat-niet'],
      ['branching', '1/bestaat-niet'],
    ]) {
      const label = answerLabel(question(type), key);
      assert.ok(!label.includes('bestaat-niet'), label);
    }
  });

  test('a misconception code reads as its label from module.yaml', () => {
    assert.equal(misconceptionLabel(mod.meta, 'half-werk'), 'Maar een deel van het werk doen');
  });
});
