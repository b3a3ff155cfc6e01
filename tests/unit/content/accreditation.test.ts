// A module's accreditation (module.yaml) as the certificate prints it: the number with points and
// register, or the number alone in the older form; mistakes get a Dutch message naming the field.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { formatCourseErrors, loadCourse } from '../../../src/lib/content/load-course.ts';
import { t } from '../../../src/lib/i18n/nl.ts';
import { FIXTURE_COURSE_DIR } from '../../helpers/fixture-course.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The fixture course with `lines` added to its module.yaml. */
function courseWith(lines: string) {
  const dir = mkdtempSync(join(tmpdir(), 'leergang-accreditatie-'));
  dirs.push(dir);
  cpSync(FIXTURE_COURSE_DIR, dir, { recursive: true });
  const path = join(dir, 'modules', 'voorbeeld', 'module.yaml');
  writeFileSync(path, `${readFileSync(path, 'utf8')}${lines}\n`);
  return loadCourse(dir);
}

describe('accreditation in module.yaml', () => {
  test('number, points and register; the number alone (older form); or nothing', () => {
    const full = courseWith('accreditation:\n  number: SKJ-2026-0417\n  points: 2\n  body: SKJ');
    assert.deepEqual(full.errors, [], formatCourseErrors(full.errors));
    assert.deepEqual(full.modules[0].meta.accreditation, { number: 'SKJ-2026-0417', points: 2, body: 'SKJ' });

    const old = courseWith('accreditation: ABC-12345');
    assert.deepEqual(old.errors, [], formatCourseErrors(old.errors));
    assert.deepEqual(old.modules[0].meta.accreditation, { number: 'ABC-12345' });

    assert.equal(loadCourse(FIXTURE_COURSE_DIR).modules[0].meta.accreditation, undefined);
  });

  test('mistakes name the field in Dutch', () => {
    const cases: [string, RegExp][] = [
      ['accreditation:\n  number: ABC\n  punten: 2', /kent "punten" niet: gebruik number, points en body/],
      ['accreditation:\n  points: 2', /ontbreekt: schrijf het accreditatienummer/],
      ['accreditation:\n  number: ABC\n  points: twee', /moet een getal zijn: het aantal accreditatiepunten/],
      ['accreditation:\n  number: ABC\n  points: 0', /moet meer dan 0 punten zijn/],
      ['accreditation: 12', /moet een accreditatienummer zijn, of number, points en body/],
    ];
    for (const [yaml, message] of cases) {
      const { errors } = courseWith(yaml);
      assert.ok(
        errors.some((e) => e.file.endsWith('module.yaml') && e.field.startsWith('accreditation') && message.test(e.message)),
        `${yaml}: ${formatCourseErrors(errors)}`,
      );
    }
  });

  test('the certificate writes it as register, number and points', () => {
    assert.equal(t.certificate.accreditationValue({ number: 'SKJ-2026-0417', points: 2, body: 'SKJ' }), 'SKJ SKJ-2026-0417, 2 punten');
    assert.equal(t.certificate.accreditationValue({ number: '0417', points: 1, body: 'SKJ' }), 'SKJ 0417, 1 punt');
    assert.equal(t.certificate.accreditationValue({ number: 'ABC-12345', points: 1.5 }), 'ABC-12345, 1,5 punten');
    assert.equal(t.certificate.accreditationValue({ number: 'ABC-12345' }), 'ABC-12345');
  });
});
