// Page titles stay short (issue 18: lesson and question titles ran to 107 characters): the site
// name goes first, then words are cut with an ellipsis; module names shorten to their head.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentTitle, MAX_TITLE_LENGTH, moduleShortName, truncateAtWord } from '../../../src/lib/i18n/page-title.ts';
import { loadCourse } from '../../../src/lib/content/load-course.ts';

const SITE = 'Leergang Toegang';

describe('page titles', () => {
  test('a short title keeps the site name', () => {
    assert.equal(documentTitle('Herhalen', SITE), 'Herhalen · Leergang Toegang');
    assert.equal(documentTitle(['Wat is GIZ?', 'GIZ-methodiek'], SITE), 'Wat is GIZ? · GIZ-methodiek · Leergang Toegang');
  });

  test('too long with the site name: the site name goes, the words stay', () => {
    const title = documentTitle(['Besluiten en vastleggen: naar passende hulp', 'GIZ-methodiek'], SITE);
    assert.equal(title, 'Besluiten en vastleggen: naar passende hulp · GIZ-methodiek');
    assert.ok(title.length <= MAX_TITLE_LENGTH);
  });

  test('still too long: cut at a word boundary with an ellipsis', () => {
    const title = documentTitle(['Als vrijwillige hulp niet genoeg is: VTO, Raad en je dubbelrol', 'Veiligheid'], SITE);
    assert.equal(title, 'Als vrijwillige hulp niet genoeg is: VTO, Raad en je dubbelrol…');
    assert.ok(title.length <= MAX_TITLE_LENGTH, `${title.length}`);
    assert.equal(truncateAtWord('een twee drie vier', 12), 'een twee…');
    assert.equal(truncateAtWord('een, twee drie', 9), 'een…');
    assert.equal(truncateAtWord('Toegankelijkheidsverklaringen', 10), 'Toegankel…');
    assert.equal(truncateAtWord('kort', 10), 'kort');
  });

  test('a module is named by the part before its colon', () => {
    assert.equal(moduleShortName('GIZ-methodiek: Gezamenlijk Inschatten Zorgbehoeften'), 'GIZ-methodiek');
    assert.equal(moduleShortName('Positieve gezondheid'), 'Positieve gezondheid');
  });

  test('every lesson and question title of the real course fits', () => {
    for (const mod of loadCourse('content').modules) {
      for (const { title } of [...mod.lessons, ...mod.questions]) {
        const shown = documentTitle([title, moduleShortName(mod.meta.title)], SITE);
        assert.ok(shown.length <= MAX_TITLE_LENGTH, `${shown} (${shown.length})`);
        assert.ok(shown.startsWith(title.slice(0, 20)), shown);
      }
    }
  });
});
