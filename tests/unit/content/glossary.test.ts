// The begrippenlijst is content: a broken entry stops content:check, astro check and the build with
// the file, the entry (number and term) and what to do, like a broken question does.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadCourse } from '../../../src/lib/content/load-course.ts';
import { FIXTURE_COURSE_DIR } from '../../helpers/fixture-course.ts';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The fixture course with this begrippenlijst; returns its content folder. */
function courseWithGlossary(yaml: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-begrippen-'));
  dirs.push(dir);
  cpSync(FIXTURE_COURSE_DIR, join(dir, 'content'), { recursive: true });
  if (yaml !== undefined) writeFileSync(join(dir, 'content', 'begrippen.yaml'), yaml);
  return join(dir, 'content');
}

test('a course without a begrippenlijst has none, and no error', () => {
  const { glossary, errors } = loadCourse(courseWithGlossary(undefined));
  assert.deepEqual(errors, []);
  assert.deepEqual(glossary, []);
});

test('a good list loads sorted, with its links to lessons', () => {
  const { glossary, errors } = loadCourse(
    courseWithGlossary(`- term: Waakvlam\n  uitleg: Een licht vangnet na de hulp.\n  bron: Verbeterplan\n- term: Afwegingskader\n  uitleg: Vijf vragen in vaste volgorde.\n  bron: Meldcode\n  les: voorbeeld/${'LESSON'}\n`.replace('LESSON', firstLessonId())),
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(
    glossary.map((g) => g.term),
    ['Afwegingskader', 'Waakvlam'],
  );
});

test('each mistake is named: missing explanation, unknown field, a lesson that does not exist, a term twice, not a list', () => {
  const { errors } = loadCourse(
    courseWithGlossary(
      [
        '- term: GIZ',
        '  bron: Verbeterplan',
        '- term: VTO',
        '  uitleg: Verzoek tot onderzoek.',
        '  bron: Leidse regio',
        '  uitlег: typfout',
        '- term: Waakvlam',
        '  uitleg: Een licht vangnet.',
        '  bron: Verbeterplan',
        '  les: voorbeeld/bestaat-niet',
        '- term: waakvlam',
        '  uitleg: Nog een keer.',
        '  bron: Verbeterplan',
      ].join('\n'),
    ),
  );
  const lines = errors.map((e) => `${e.file} › ${e.field}: ${e.message}`);
  assert.equal(errors.length, 4, lines.join('\n'));
  assert.ok(errors.every((e) => e.file.endsWith('begrippen.yaml')));
  assert.match(lines[0], /begrip 1 \(GIZ\) › uitleg: moet een tekst zijn/);
  assert.match(lines[1], /begrip 2 \(VTO\).*onbekend veld uitlег/);
  assert.match(lines[2], /begrip 3 \(Waakvlam\) › les: les "voorbeeld\/bestaat-niet" bestaat niet/);
  assert.match(lines[3], /begrip 4 \(waakvlam\) › term: staat ook als begrip 3/);

  const notAList = loadCourse(courseWithGlossary('term: GIZ\n')).errors;
  assert.match(notAList[0]?.message ?? '', /moet een lijst van begrippen zijn/);
});

function firstLessonId(): string {
  return loadCourse(FIXTURE_COURSE_DIR).modules[0].lessons[0].id;
}
