// Answer cues (issue 15 §1): a key much longer than its distractors warns; a module where the key
// is too often the longest option, or a multiple-choice question with too many or too few correct
// options, is an error. First the pure checks on small questions, then through the course loader
// and content:check, which name the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkAnswerCues, correctShareErrors, keyLengthWarnings, keyLongestError, type CueQuestion } from '../../../src/lib/content/answer-cues.ts';
import { formatCourseErrors, loadCourse } from '../../../src/lib/content/load-course.ts';
import { FIXTURE_COURSE_DIR } from '../../helpers/fixture-course.ts';

/** A text of exactly n characters. */
const chars = (n: number) => 'x'.repeat(n);

/** A single-choice question: the first length is the key, the rest are the distractors. */
function single(id: string, key: number, ...distractors: number[]): CueQuestion {
  return {
    id,
    type: 'single',
    options: [
      { id: 'juist', text: chars(key), correct: true },
      ...distractors.map((n, i) => ({ id: `fout-${i + 1}`, text: chars(n), correct: false })),
    ],
  };
}

/** A branching case: per decision point, the length of the good choice and of the other choices. */
function branching(id: string, ...nodes: [goed: number, ...others: number[]][]): CueQuestion {
  return {
    id,
    type: 'branching',
    nodes: nodes.map(([goed, ...others], n) => ({
      id: `s${n + 1}`,
      choices: [
        { id: 'goed', text: chars(goed), quality: 'goed' },
        ...others.map((len, i) => ({ id: `anders-${i + 1}`, text: chars(len), quality: i === 0 ? 'matig' : 'onjuist' })),
      ],
    })),
  };
}

/** A multiple-choice question with `correct` correct options out of `total`. */
function multiple(id: string, correct: number, total: number): CueQuestion {
  return {
    id,
    type: 'multiple',
    options: Array.from({ length: total }, (_, i) => ({ id: `o${i + 1}`, text: `Optie ${i + 1}`, correct: i < correct })),
  };
}

const order: CueQuestion = { id: 'volgorde', type: 'order' };

/** A multiple-choice question whose one correct option is by far the longest. */
const longMultiple: CueQuestion = {
  id: 'meer',
  type: 'multiple',
  options: [
    { id: 'a', text: chars(80), correct: true },
    { id: 'b', text: chars(5), correct: false },
    { id: 'c', text: chars(5), correct: false },
  ],
};

describe('answer cues: the key much longer than the distractors (warning)', () => {
  test('a single-choice key more than 1.5 × the average distractor is a warning naming question and option', () => {
    const findings = keyLengthWarnings([order, single('vraag-a', 40, 20, 20)]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].field, 'questions.1.options.0');
    assert.equal(
      findings[0].message,
      'vraag "vraag-a", optie "juist": het juiste antwoord is 2 keer zo lang als de foute opties gemiddeld (40 tegen 20 tekens). ' +
        'Boven 1,5 keer verraadt de lengte het antwoord: maak de foute opties even precies of het juiste antwoord korter.',
    );
  });

  test('it compares with the average of the distractors, and exactly 1.5 × is still fine', () => {
    assert.deepEqual(keyLengthWarnings([single('precies', 30, 20, 20)]), []);
    assert.deepEqual(keyLengthWarnings([single('gemiddeld', 30, 10, 30)]), []);
    assert.equal(keyLengthWarnings([single('net-te-lang', 31, 20, 20)]).length, 1);
    assert.match(keyLengthWarnings([single('breuk', 31, 20, 21)])[0].message, /1,51 keer zo lang .* \(31 tegen 20,5 tekens\)/);
  });

  test('a branching decision point: the good choice against the other choices', () => {
    const findings = keyLengthWarnings([branching('casus', [20, 20], [45, 20, 10], [10, 30])]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].field, 'questions.0.nodes.1.choices.0');
    assert.equal(
      findings[0].message,
      'vraag "casus", beslismoment "s2", keuze "goed": de goede keuze is 3 keer zo lang als de andere keuzes gemiddeld (45 tegen 15 tekens). ' +
        'Boven 1,5 keer verraadt de lengte het antwoord: maak de andere keuzes even precies of de goede keuze korter.',
    );
  });

  test('multiple-choice questions are not measured this way', () => {
    assert.deepEqual(keyLengthWarnings([longMultiple]), []);
  });
});

describe('answer cues: the key too often the longest option (error per module)', () => {
  test('more than a third of the items with the key strictly longest is an error listing them', () => {
    const questions = [single('vraag-a', 30, 20, 25), single('vraag-b', 20, 25, 25), branching('casus', [26, 25], [10, 30])];
    const error = keyLongestError(questions);
    assert.ok(error);
    assert.equal(error.severity, 'error');
    assert.equal(error.field, 'questions');
    assert.equal(
      error.message,
      'bij 2 van de 4 enkelvoudige vragen en beslismomenten (50%) is het juiste antwoord de langste optie; ' +
        'dat mag hoogstens een derde zijn (hier 1), anders scoort wie gewoon de langste kiest. ' +
        'Maak bij 1 hiervan een foute optie langer of het juiste antwoord korter: ' +
        'vraag "vraag-a" (optie "juist"); vraag "casus", beslismoment "s1" (keuze "goed").',
    );
  });

  test('exactly a third is allowed, and a key as long as the longest distractor does not count', () => {
    assert.equal(keyLongestError([single('a', 30, 20, 25), single('b', 20, 25), single('c', 20, 25)]), undefined);
    assert.equal(keyLongestError([single('a', 30, 20, 25), single('b', 25, 25, 10), single('c', 20, 25)]), undefined);
    assert.ok(keyLongestError([single('a', 30, 20, 25), single('b', 26, 25, 10), single('c', 20, 25)]));
  });

  test('multiple-choice and order questions are not items; a module without items has no error', () => {
    assert.equal(keyLongestError([order, longMultiple]), undefined);
    // 1 of 3 items; counting the multiple-choice question would make it 2 of 4.
    assert.equal(keyLongestError([single('a', 30, 20), order, longMultiple, single('b', 10, 20), single('c', 10, 20)]), undefined);
  });
});

describe('answer cues: the share of correct options in a multiple-choice question (error)', () => {
  test('more than half correct is an error naming the question and what is allowed', () => {
    const findings = correctShareErrors([order, multiple('meer', 2, 3)]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.equal(findings[0].field, 'questions.1.options');
    assert.equal(
      findings[0].message,
      'vraag "meer": 2 van de 3 opties zijn juist (correct: true). Bij een meerkeuzevraag is een derde tot de helft van de opties juist, ' +
        'bij 3 opties dus 1; anders scoort wie alles aankruist. Voeg een onjuiste optie toe of maak een juiste optie onjuist.',
    );
  });

  test('fewer than a third correct is an error too', () => {
    const [finding] = correctShareErrors([multiple('weinig', 1, 4)]);
    assert.equal(
      finding.message,
      'vraag "weinig": 1 van de 4 opties is juist (correct: true). Bij een meerkeuzevraag is een derde tot de helft van de opties juist, ' +
        'bij 4 opties dus 2; anders scoort wie bijna niets aankruist. Voeg een juiste optie toe of haal een onjuiste optie weg.',
    );
    assert.match(correctShareErrors([multiple('zeven', 2, 7)])[0].message, /bij 7 opties dus 3;/);
    assert.match(correctShareErrors([multiple('acht', 5, 8)])[0].message, /bij 8 opties dus 3 of 4;/);
    assert.match(correctShareErrors([multiple('twaalf', 7, 12)])[0].message, /bij 12 opties dus 4 tot 6;/);
  });

  test('from a third up to half correct is fine, the borders included', () => {
    for (const [correct, total] of [[1, 3], [2, 4], [2, 5], [2, 6], [3, 6], [3, 7], [3, 8], [4, 8]]) {
      assert.deepEqual(correctShareErrors([multiple(`m-${correct}-${total}`, correct, total)]), [], `${correct} of ${total}`);
    }
  });
});

describe('answer cues: good content', () => {
  test('a balanced module gives no finding at all', () => {
    const questions = [
      single('vraag-a', 30, 28, 35),
      single('vraag-b', 22, 24, 20),
      multiple('meer', 2, 5),
      order,
      branching('casus', [18, 25], [30, 31, 22], [15, 15]),
    ];
    assert.deepEqual(checkAnswerCues(questions), []);
  });

  test('a decision point where every choice is good (or none is) has nothing to give away', () => {
    const allGood: CueQuestion = {
      id: 'casus',
      type: 'branching',
      nodes: [
        { id: 's1', choices: [{ id: 'a', text: chars(90), quality: 'goed' }, { id: 'b', text: chars(5), quality: 'goed' }] },
        { id: 's2', choices: [{ id: 'a', text: chars(90), quality: 'matig' }, { id: 'b', text: chars(5), quality: 'onjuist' }] },
      ],
    };
    assert.deepEqual(checkAnswerCues([allGood]), []);
  });
});

describe('answer cues in the course validation', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of the fixture course (under <dir>/content) with questions.yaml changed by `edit`. */
  function course(edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'leergang-cues-'));
    dirs.push(dir);
    cpSync(FIXTURE_COURSE_DIR, join(dir, 'content'), { recursive: true });
    const path = join(dir, 'content', 'modules', 'voorbeeld', 'questions.yaml');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return dir;
  }
  const withoutOptionD = (s: string) => s.replace(/      - id: d\n(        .*\n){3}/, '');
  const longKey = (s: string) => s.replace('text: Luisteren naar haar vraag', 'text: Rustig luisteren naar haar vraag en wat er thuis speelt');

  test('an error names questions.yaml and stops the course; a warning does not', () => {
    const tooMany = loadCourse(join(course(withoutOptionD), 'content'));
    assert.equal(tooMany.modules.length, 1);
    const error = tooMany.errors.find((e) => e.field === 'questions.1.options');
    assert.ok(error, formatCourseErrors(tooMany.errors));
    assert.match(error.file, /modules\/voorbeeld\/questions\.yaml$/);
    assert.match(error.message, /^vraag "vb-meer": 2 van de 3 opties zijn juist/);

    const long = loadCourse(join(course(longKey), 'content'));
    assert.deepEqual(long.errors, [], formatCourseErrors(long.errors));
    const warning = long.warnings.find((w) => w.field === 'questions.0.options.0');
    assert.ok(warning, JSON.stringify(long.warnings));
    assert.match(warning.file, /modules\/voorbeeld\/questions\.yaml$/);
    assert.match(warning.message, /^vraag "vb-enkel", optie "luisteren": het juiste antwoord is 3,44 keer zo lang .* \(55 tegen 16 tekens\)/);
  });

  test('the module share counts single questions and decision points of the whole bank', () => {
    // vb-enkel's key is already the longest; making s1's good choice the longest too gives 2 of 4.
    const { errors } = loadCourse(join(course((s) => s.replace('text: Goed, consequence: Dat helpt.', 'text: Goed en grondig, consequence: Dat helpt.')), 'content'));
    const error = errors.find((e) => e.field === 'questions');
    assert.ok(error, formatCourseErrors(errors));
    assert.match(error.message, /^bij 2 van de 4 enkelvoudige vragen en beslismomenten \(50%\)/);
    assert.match(error.message, /vraag "vb-enkel" \(optie "luisteren"\); vraag "vb-tak", beslismoment "s1" \(keuze "goed1"\)\.$/);
  });

  test('content:check prints warnings and passes, and fails on an error', () => {
    const script = join(process.cwd(), 'scripts', 'validate-content.ts');
    const run = (cwd: string) => spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });

    const warned = run(course(longKey));
    assert.equal(warned.status, 0, warned.stderr);
    assert.match(warned.stderr, /De leerinhoud geeft 1 waarschuwing \(geen fout: de bouw gaat door, maar kijk er wel naar\):/);
    assert.match(warned.stderr, /content\/modules\/voorbeeld\/questions\.yaml › questions\.0\.options\.0: vraag "vb-enkel", optie "luisteren"/);
    assert.match(warned.stdout, /Leerinhoud in orde: 1 module\(s\), 4 vragen, 1 waarschuwing \(zie hierboven\)\./);

    const failed = run(course((s) => withoutOptionD(longKey(s))));
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /De leerinhoud bevat 1 fout:\n {2}- content\/modules\/voorbeeld\/questions\.yaml › questions\.1\.options: vraag "vb-meer": 2 van de 3 opties zijn juist/);
    // Two warnings now: the long key, and the label of option D's misconception that no question uses any more.
    assert.match(failed.stderr, /2 waarschuwingen/);
    assert.match(failed.stderr, /module\.yaml › misconceptions\.d-denken: geen enkele vraag gebruikt misverstand "d-denken"/);
  });
});
