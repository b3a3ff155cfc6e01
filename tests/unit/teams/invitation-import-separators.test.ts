// The bulk invite's help text says comma, semicolon or tab are all fine; a list that mixed them
// took its separator from the first line, and every other line became "… is geen geldig
// e-mailadres" (issue 18). Each line is now read with its own separator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkImportRows, parseImportSources, parseImportText } from '../../../src/lib/teams/invitation-import.ts';

const rowsOf = (text: string) => parseImportText(text).rows.map(({ name, email, team }) => [name, email, team]);

describe('invitation import: the separator of each line', () => {
  test('comma, semicolon and tab mixed in one list', () => {
    assert.deepEqual(
      rowsOf('Anna de Vries;anna@gemeente.nl\nBob Bakker,bob@gemeente.nl\nCas Cornelissen\tcas@gemeente.nl\tNoord\nDirk Smit;dirk@gemeente.nl;Noord'),
      [
        ['Anna de Vries', 'anna@gemeente.nl', ''],
        ['Bob Bakker', 'bob@gemeente.nl', ''],
        ['Cas Cornelissen', 'cas@gemeente.nl', 'Noord'],
        ['Dirk Smit', 'dirk@gemeente.nl', 'Noord'],
      ],
    );
    const checked = checkImportRows(parseImportText('Anna;anna@gemeente.nl\nBob,bob@gemeente.nl').rows, { defaultTeamId: 'T1', managedTeams: [] });
    assert.deepEqual(
      checked.map((row) => (row.ok ? 'ok' : row.problems.join(' | '))),
      ['ok', 'ok'],
    );
  });

  test('a header line, then lines with another separator', () => {
    assert.deepEqual(rowsOf('naam,e-mail\nAnna;anna@gemeente.nl\nBob,bob@gemeente.nl'), [
      ['Anna', 'anna@gemeente.nl', ''],
      ['Bob', 'bob@gemeente.nl', ''],
    ]);
  });

  test('a comma inside a name on a semicolon line, quoted fields, and an address alone', () => {
    assert.deepEqual(rowsOf('Vries, Anna de;anna@gemeente.nl\n"Bakker; Bob",bob@gemeente.nl\n"de Wit, Daan",daan@gemeente.nl\nonly@gemeente.nl'), [
      ['Vries, Anna de', 'anna@gemeente.nl', ''],
      ['Bakker; Bob', 'bob@gemeente.nl', ''],
      ['de Wit, Daan', 'daan@gemeente.nl', ''],
      ['', 'only@gemeente.nl', ''],
    ]);
  });

  test('a line that is wrong stays wrong, with the same reason, and keeps its number', () => {
    const { rows } = parseImportSources(['Anna;anna@gemeente.nl\n\nBob,geen-adres\nGijs,', 'Eva\teva@gemeente.nl']);
    assert.deepEqual(
      rows.map(({ line, name, email }) => [line, name, email]),
      [
        [1, 'Anna', 'anna@gemeente.nl'],
        [2, 'Bob', 'geen-adres'],
        [3, 'Gijs', ''],
        [4, 'Eva', 'eva@gemeente.nl'],
      ],
    );
    const problems = checkImportRows(rows, { defaultTeamId: 'T1', managedTeams: [] }).map((row) => (row.ok ? 'ok' : row.problems.join(' | ')));
    assert.deepEqual(problems, ['ok', '"geen-adres" is geen geldig e-mailadres', 'e-mailadres ontbreekt', 'ok']);
  });
});
