// The shared lesson HTML split into its shared pieces and the places of the personal ones
// (src/lib/content/lesson-segments.ts): nothing lost, nothing doubled, in order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lessonSegments, REFLECTIE_END, reflectieStart, vraagMarker } from '../../../src/lib/content/lesson-segments.ts';

describe('lesson segments', () => {
  test('shared HTML, questions and reflections come out in order, with the prompt of each reflection', () => {
    const html = `<h2>Begin</h2>${vraagMarker('giz-a')}<p>Tussen</p>${reflectieStart('r-1')}<p>Wat zou jij doen?</p>${REFLECTIE_END}${vraagMarker('giz-b')}${vraagMarker('giz-c')}<p>Eind</p>`;
    assert.deepEqual(lessonSegments(html), [
      { kind: 'html', html: '<h2>Begin</h2>' },
      { kind: 'vraag', id: 'giz-a' },
      { kind: 'html', html: '<p>Tussen</p>' },
      { kind: 'reflectie', id: 'r-1', promptHtml: '<p>Wat zou jij doen?</p>' },
      { kind: 'vraag', id: 'giz-b' },
      { kind: 'vraag', id: 'giz-c' },
      { kind: 'html', html: '<p>Eind</p>' },
    ]);
  });

  test('a lesson without questions or reflections is one piece; an empty one is none', () => {
    assert.deepEqual(lessonSegments('<p>Alleen tekst</p>'), [{ kind: 'html', html: '<p>Alleen tekst</p>' }]);
    assert.deepEqual(lessonSegments(''), []);
  });

  test('the shared pieces and the prompts together are the whole text without the markers', () => {
    const html = `<p>a</p>${reflectieStart('r')}<em>b</em>${REFLECTIE_END}<p>c</p>${vraagMarker('q')}`;
    const text = lessonSegments(html)
      .map((s) => (s.kind === 'html' ? s.html : s.kind === 'reflectie' ? s.promptHtml : ''))
      .join('');
    assert.equal(text, '<p>a</p><em>b</em><p>c</p>');
  });
});
