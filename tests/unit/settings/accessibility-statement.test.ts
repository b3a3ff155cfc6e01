// The settings of the accessibility statement: a direct contact (e-mail or web address) and the
// statement's date, each refused with a Dutch message naming the setting when it is wrong.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEnv } from '../../../src/lib/env.ts';
import { DEFAULT_STATEMENT_DATE, parseAccessibilityContact, parseStatementDate } from '../../../src/lib/settings/accessibility-statement.ts';

describe('accessibility statement settings', () => {
  test('a contact is an e-mail address or a web address', () => {
    assert.deepEqual(parseAccessibilityContact(' toegankelijkheid@gemeente.nl '), {
      kind: 'email',
      address: 'toegankelijkheid@gemeente.nl',
      href: 'mailto:toegankelijkheid@gemeente.nl',
    });
    assert.deepEqual(parseAccessibilityContact('https://www.gemeente.nl/contact'), {
      kind: 'url',
      address: 'https://www.gemeente.nl/contact',
      href: 'https://www.gemeente.nl/contact',
    });
    assert.equal(parseAccessibilityContact(''), undefined);
    assert.equal(parseAccessibilityContact(undefined), undefined);
  });

  test('anything else is refused in Dutch', () => {
    for (const wrong of ['gemeente.nl', 'iemand@', 'javascript:alert(1)', 'ftp://gemeente.nl', 'https://localhost', 'mailto:x@y.nl']) {
      assert.throws(() => parseAccessibilityContact(wrong), /ACCESSIBILITY_CONTACT moet een e-mailadres of een webadres/, wrong);
    }
  });

  test('the date is a real YYYY-MM-DD date, with a documented default', () => {
    assert.equal(parseStatementDate('2026-11-14'), '2026-11-14');
    assert.equal(parseStatementDate(undefined), DEFAULT_STATEMENT_DATE);
    assert.equal(parseStatementDate(''), DEFAULT_STATEMENT_DATE);
    for (const wrong of ['14-11-2026', '2026-02-30', '2026-13-01', 'gisteren']) {
      assert.throws(() => parseStatementDate(wrong), /ACCESSIBILITY_STATEMENT_DATE moet een bestaande datum zijn als JJJJ-MM-DD/, wrong);
    }
  });

  test('the environment carries them, and names the setting that is wrong', () => {
    const env = readEnv({ ACCESSIBILITY_CONTACT: 'toegankelijkheid@gemeente.nl', ACCESSIBILITY_STATEMENT_DATE: '2026-11-14' });
    assert.equal(env.ACCESSIBILITY_CONTACT?.href, 'mailto:toegankelijkheid@gemeente.nl');
    assert.equal(env.ACCESSIBILITY_STATEMENT_DATE, '2026-11-14');
    assert.equal(readEnv({}).ACCESSIBILITY_CONTACT, undefined);
    assert.equal(readEnv({}).ACCESSIBILITY_STATEMENT_DATE, DEFAULT_STATEMENT_DATE);
    assert.throws(() => readEnv({ ACCESSIBILITY_CONTACT: 'bel ons' }), /Ongeldige instellingen: ACCESSIBILITY_CONTACT: ACCESSIBILITY_CONTACT moet/);
  });
});
