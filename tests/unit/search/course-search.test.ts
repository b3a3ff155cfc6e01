// Search over the real course and begrippenlijst: what a professional types finds the lesson that
// explains it (with the anchor the rendered page uses), accents and word beginnings do not matter,
// modules someone may not see stay out, and snippets are text with the hits marked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadCourse } from '../../../src/lib/content/load-course.ts';
import { buildCourseSearch, type SearchableLesson } from '../../../src/lib/search/course-search.ts';
import { lessonSections } from '../../../src/lib/search/lesson-text.ts';
import { snippetAround } from '../../../src/lib/search/snippet.ts';

const { modules, glossary, errors } = loadCourse('content');
const lessons: SearchableLesson[] = modules.flatMap((m) =>
  m.lessons.map((l) => ({ moduleId: m.meta.id, moduleTitle: m.meta.title, lessonId: l.id, lessonTitle: l.title, body: l.body })),
);
const search = buildCourseSearch(lessons, glossary);
const everything = new Set(modules.map((m) => m.meta.id));
/** The heading and text of the section a lesson hit links to. */
function sectionText(href: string): string {
  const [path, anchor] = href.split('#');
  const [, , moduleId, lessonId] = path.split('/');
  const body = lessons.find((l) => l.moduleId === moduleId && l.lessonId === lessonId)!.body;
  const section = lessonSections(body).find((s) => (s.anchor ?? undefined) === anchor)!;
  return `${section.heading ?? ''} ${section.text}`;
}

describe('course search', () => {
  test('the course and its begrippenlijst load', () => {
    assert.deepEqual(errors, []);
    assert.ok(glossary.length >= 20, `${glossary.length} terms`);
  });

  test('"afwegingskader" finds the term and, first among the lessons, the lesson that explains it, at its heading', () => {
    const hits = search.search('afwegingskader', everything);
    assert.ok(hits.some((h) => h.kind === 'begrip' && h.term === 'Afwegingskader'));
    const lesson = hits.find((h) => h.kind === 'les');
    assert.ok(lesson && lesson.kind === 'les');
    assert.equal(lesson.moduleId, 'veiligheid');
    assert.match(lesson.href, /^\/modules\/veiligheid\/veiligheid-afwegingskader#/);
    assert.ok(
      lesson.snippet.some((p) => p.mark && /afwegingskader/i.test(p.text)),
      'the word is marked in the snippet',
    );
  });

  test('accents, capitals and the start of a word are enough', () => {
    const accentless = search.search('clientondersteuner', everything);
    assert.ok(
      accentless.some((h) => h.kind === 'les' && h.lessonTitle.startsWith('Cliëntondersteuner')),
      'cliëntondersteuner without the trema',
    );
    assert.ok(
      search.search('WAAKVL', everything).some((h) => h.kind === 'begrip' && h.term === 'Waakvlam'),
      'a word beginning in capitals',
    );
  });

  test('a module someone may not see gives no lesson hits, and a term pointing there loses its link', () => {
    const withoutSafety = new Set([...everything].filter((id) => id !== 'veiligheid'));
    const hits = search.search('afwegingskader', withoutSafety);
    assert.ok(!hits.some((h) => h.kind === 'les' && h.moduleId === 'veiligheid'));
    const term = hits.find((h) => h.kind === 'begrip' && h.term === 'Afwegingskader');
    assert.ok(term && term.kind === 'begrip');
    assert.equal(term.href, null);
  });

  test('words of the question bank and the source lines are not searched; nothing found is an empty list', () => {
    assert.deepEqual(search.search('', everything), []);
    assert.deepEqual(search.search('   ', everything), []);
    assert.deepEqual(search.search('xylofoonzzq', everything), []);
    // Source lines (<Bron titel=… sectie=…/>) are not lesson text.
    const bronOnly = 'sectie';
    assert.ok(!search.search(bronOnly, everything).some((h) => h.kind === 'les' && h.snippet.some((p) => p.mark && p.text.toLowerCase() === 'sectie')));
  });

  test('several words: every word must occur (stop words ignored)', () => {
    const hits = search.search('wat is acute onveiligheid', everything);
    assert.ok(hits.length > 0);
    for (const hit of hits) {
      const text = hit.kind === 'les' ? `${hit.lessonTitle} ${sectionText(hit.href)}` : `${hit.term} ${hit.explanation}`;
      assert.match(text.toLowerCase(), /acu/, hit.kind === 'les' ? hit.href : hit.term);
      assert.match(text.toLowerCase(), /onveilig/, hit.kind === 'les' ? hit.href : hit.term);
    }
  });
});

describe('lesson text', () => {
  test('headings become sections with the anchors Astro gives them; tags and sources go', () => {
    const sections = lessonSections(
      [
        'Intro met **nadruk** en een [link](/modules/x).',
        '',
        '## Sinds 2019: het afwegingskader',
        '',
        '<Bron titel="Meldcode" sectie="stap 4" />',
        '<Casus titel="Het gezin De Vries">',
        'Een *casus*.',
        '</Casus>',
        '<Vraag id="v1" />',
        '## Sinds 2019: het afwegingskader',
        '- punt één',
      ].join('\n'),
    );
    assert.deepEqual(sections, [
      { heading: null, anchor: null, text: 'Intro met nadruk en een link.' },
      { heading: 'Sinds 2019: het afwegingskader', anchor: 'sinds-2019-het-afwegingskader', text: 'Casus: Het gezin De Vries Een casus.' },
      { heading: 'Sinds 2019: het afwegingskader', anchor: 'sinds-2019-het-afwegingskader-1', text: 'punt één' },
    ]);
  });
});

describe('snippet', () => {
  const normalize = (w: string) => w.toLowerCase();
  test('shows the part with the most different hits, whole words, and marks each hit', () => {
    const filler = 'woord '.repeat(60);
    const text = `begin meldcode ${filler} meldcode en afwegingskader samen ${filler} einde`;
    const parts = snippetAround(text, new Set(['meldcode', 'afwegingskader']), normalize);
    const marked = parts.filter((p) => p.mark).map((p) => p.text);
    assert.ok(marked.includes('afwegingskader') && marked.includes('meldcode'), JSON.stringify(marked));
    assert.equal(parts[0].text, '… ');
    assert.equal(parts.at(-1)!.text, ' …');
    assert.ok(!parts.some((p) => p.text.includes('begin')), 'not the first, lonely hit');
  });
  test('markup in the text stays text', () => {
    const parts = snippetAround('<script>alert(1)</script> waakvlam', new Set(['waakvlam']), normalize);
    assert.equal(parts.map((p) => p.text).join(''), '<script>alert(1)</script> waakvlam');
    assert.deepEqual(
      parts.filter((p) => p.mark),
      [{ text: 'waakvlam', mark: true }],
    );
  });
});
