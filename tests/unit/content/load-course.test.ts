import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { formatCourseErrors, loadCourse, type CourseError } from '../../../src/lib/content/load-course.ts';
import { FIXTURE_COURSE_DIR } from '../../helpers/fixture-course.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the valid fixture course with one file changed by `edit`. */
function brokenCourse(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-content-'));
  dirs.push(dir);
  cpSync(FIXTURE_COURSE_DIR, dir, { recursive: true });
  const path = join(dir, 'modules', 'voorbeeld', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function expectError(errors: CourseError[], file: string, field: string | RegExp, message: RegExp) {
  const hit = errors.find((e) => e.file.endsWith(file) && (typeof field === 'string' ? e.field === field : field.test(e.field)) && message.test(e.message));
  assert.ok(hit, `expected an error in ${file} › ${field} matching ${message}, got:\n${formatCourseErrors(errors)}`);
}

describe('course validation', () => {
  test('the fixture course and the real course are valid', () => {
    assert.deepEqual(loadCourse(FIXTURE_COURSE_DIR).errors, []);
    const real = loadCourse('content');
    assert.deepEqual(real.errors, [], formatCourseErrors(real.errors));
    assert.ok(real.modules.length >= 1);
  });

  test('a missing field names the file and the field', () => {
    const dir = brokenCourse('module.yaml', (s) => s.replace(/^title:.*\n/m, ''));
    expectError(loadCourse(dir).errors, 'voorbeeld/module.yaml', 'title', /ontbreekt: schrijf een titel/);
  });

  test('a question with no correct option', () => {
    const dir = brokenCourse('questions.yaml', (s) => s.replace('        correct: true\n        feedback: Eerst', '        feedback: Eerst'));
    expectError(loadCourse(dir).errors, 'questions.yaml', 'questions.0.options', /precies één juiste optie/);
  });

  test('a duplicate question id', () => {
    const dir = brokenCourse('questions.yaml', (s) => s.replace('id: vb-meer', 'id: vb-enkel'));
    expectError(loadCourse(dir).errors, 'questions.yaml', 'questions.1.id', /komt twee keer voor/);
  });

  test('a lesson that places an unknown question', () => {
    const dir = brokenCourse('lessons/01-eerste.mdx', (s) => s.replace('<Vraag id="vb-enkel" />', '<Vraag id="vb-bestaat-niet" />'));
    expectError(loadCourse(dir).errors, 'lessons/01-eerste.mdx', '<Vraag id="vb-bestaat-niet">', /staat niet in/);
  });

  test('a broken internal link', () => {
    const dir = brokenCourse('lessons/01-eerste.mdx', (s) => s.replace('/modules/voorbeeld/tweede', '/modules/voorbeeld/derde'));
    expectError(loadCourse(dir).errors, 'lessons/01-eerste.mdx', 'link /modules/voorbeeld/derde', /niet bestaat/);
  });

  test('a wrong option without a misconception tag', () => {
    const dir = brokenCourse('questions.yaml', (s) => s.replace('        misconception: verwijzen-zonder-vraagverheldering\n', ''));
    expectError(loadCourse(dir).errors, 'questions.yaml', 'questions.0.options.1.misconception', /misconception/);
  });

  test('a branching case that is too short or points nowhere', () => {
    const short = brokenCourse('questions.yaml', (s) => s.replace('quality: goed, next: s3 }', 'quality: goed }'));
    expectError(loadCourse(short).errors, 'questions.yaml', 'questions.3.nodes', /minstens drie beslismomenten/);
    const nowhere = brokenCourse('questions.yaml', (s) => s.replace('next: s3', 'next: s9'));
    expectError(loadCourse(nowhere).errors, 'questions.yaml', 'questions.3.nodes.1.choices.0.next', /"s9", dat niet bestaat/);
  });

  test('a lesson without frontmatter fields, or with a reserved id', () => {
    const dir = brokenCourse('lessons/02-tweede.mdx', (s) => s.replace('minutes: 5\n', 'minutes: vijf\n'));
    expectError(loadCourse(dir).errors, 'lessons/02-tweede.mdx', 'minutes', /getal/);
    const reserved = brokenCourse('lessons/02-tweede.mdx', (s) => s.replace('id: tweede', 'id: vragen'));
    expectError(loadCourse(reserved).errors, 'lessons/02-tweede.mdx', 'id', /gereserveerd/);
  });

  test('a question linked to an unknown lesson', () => {
    const dir = brokenCourse('questions.yaml', (s) => s.replace('lesson: tweede', 'lesson: zevende'));
    expectError(loadCourse(dir).errors, 'questions.yaml', 'questions.1.lesson', /zevende/);
  });

  test('a short title longer than 16 characters names the file, the field and the limit', () => {
    const dir = brokenCourse('module.yaml', (s) => s.replace('shortTitle: Voorbeeld', 'shortTitle: Een veel te lange korte naam'));
    expectError(loadCourse(dir).errors, 'voorbeeld/module.yaml', 'shortTitle', /te lang: hoogstens 16 tekens/);
  });

  test('a misconception code without a label is an error naming the file, the question and the field', () => {
    const dir = brokenCourse('module.yaml', (s) => s.replace(/^ {2}verwijzen-zonder-vraagverheldering:.*\n/m, ''));
    expectError(
      loadCourse(dir).errors,
      'voorbeeld/questions.yaml',
      'questions.0.options.1.misconception',
      /misverstand "verwijzen-zonder-vraagverheldering" \(vraag "vb-enkel"\) heeft geen omschrijving.*module\.yaml/,
    );
    // The codes of order questions and branching cases are checked too.
    const order = brokenCourse('module.yaml', (s) => s.replace(/^ {2}volgorde-omgedraaid:.*\n/m, ''));
    expectError(loadCourse(order).errors, 'questions.yaml', 'questions.2.misconception', /volgorde-omgedraaid/);
    const branching = brokenCourse('module.yaml', (s) => s.replace(/^ {2}fout-drie:.*\n/m, ''));
    expectError(loadCourse(branching).errors, 'questions.yaml', /^questions\.3\.nodes\.\d+\.choices\.\d+\.misconception$/, /fout-drie/);
  });

  test('an empty label is an error; a label no question uses is a warning', () => {
    const empty = brokenCourse('module.yaml', (s) => s.replace('c-denken: Denken dat C juist is', 'c-denken: ""'));
    expectError(loadCourse(empty).errors, 'voorbeeld/module.yaml', 'misconceptions.c-denken', /is leeg/);
    const unused = brokenCourse('module.yaml', (s) => s.replace('misconceptions:\n', 'misconceptions:\n  niemand-gebruikt-dit: Een misverstand dat geen vraag noemt\n'));
    const result = loadCourse(unused);
    assert.deepEqual(result.errors, []);
    expectError(result.warnings, 'voorbeeld/module.yaml', 'misconceptions.niemand-gebruikt-dit', /geen enkele vraag gebruikt/);
  });

  test('the labels may also be a list of code and label (as the content editor writes them), with the same meaning', () => {
    const asMap = loadCourse(FIXTURE_COURSE_DIR);
    const toList = (text: string) =>
      text.replace(/^misconceptions:\n((?: {2}[^\n]+\n)+)/m, (_, block: string) => {
        const items = block.trimEnd().split('\n').map((line) => /^ {2}([^:]+): (.*)$/.exec(line)!);
        return `misconceptions:\n${items.map(([, code, label]) => `  - code: ${code}\n    label: ${label}\n`).join('')}`;
      });
    const asList = loadCourse(brokenCourse('module.yaml', toList));
    assert.deepEqual(asList.errors, []);
    assert.ok(Object.keys(asMap.modules[0].meta.misconceptions).length > 2, 'the fixture has labels');
    assert.deepEqual(asList.modules[0].meta.misconceptions, asMap.modules[0].meta.misconceptions);

    const twice = brokenCourse('module.yaml', (s) => toList(s).replace(/(  - code: c-denken\n    label: .*\n)/, '$1$1'));
    expectError(loadCourse(twice).errors, 'voorbeeld/module.yaml', /^misconceptions\.\d+\.code$/, /misverstand "c-denken" staat twee keer in de lijst/);
    const empty = brokenCourse('module.yaml', (s) => toList(s).replace(/(  - code: c-denken\n    label: ).*\n/, '$1""\n'));
    expectError(loadCourse(empty).errors, 'voorbeeld/module.yaml', /^misconceptions\.\d+\.label$/, /is leeg/);
  });

  test('astro sync stops on a broken course and names file and field', { timeout: 120_000 }, () => {
    const dir = brokenCourse('questions.yaml', (s) => s.replace('id: vb-meer', 'id: vb-enkel'));
    const run = spawnSync('npx', ['astro', 'sync'], { env: { ...process.env, LEERGANG_CONTENT_DIR: dir }, encoding: 'utf8' });
    assert.notEqual(run.status, 0, 'astro sync should fail');
    const output = run.stdout + run.stderr;
    assert.match(output, /questions\.yaml › questions\.1\.id: id "vb-enkel" komt twee keer voor/);
  });
});

describe('the authoring guide', () => {
  test('its complete example module is valid', () => {
    const guide = readFileSync('docs/authoring.md', 'utf8');
    const blocks = [...guide.matchAll(/`content\/modules\/voorbeeld\/([^`]+)`:\n\n```\w+\n([\s\S]*?)```/g)];
    assert.equal(blocks.length, 3, 'module.yaml, one lesson and questions.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'leergang-guide-'));
    dirs.push(dir);
    for (const [, path, body] of blocks) {
      const file = join(dir, 'modules', 'voorbeeld', path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, body);
    }
    const { modules, errors } = loadCourse(dir);
    assert.deepEqual(errors, [], formatCourseErrors(errors));
    assert.deepEqual(modules[0].questions.map((q) => q.type).sort(), ['branching', 'multiple', 'order', 'single']);
  });
});
