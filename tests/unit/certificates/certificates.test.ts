// Certificate verification codes on a real libSQL database: issued once per person and module
// (also under a burst of requests at once, on one connection and on two), unguessable in form,
// found only by the exact code, and revoked through the real account deletion.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../../db/client.ts';
import { certificates, moduleCompletions } from '../../../db/schema.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { issueCertificate } from '../../../src/lib/certificates/issue-certificate.ts';
import { CODE_PATTERN, formatCode, newVerificationCode, parseCode } from '../../../src/lib/certificates/verification-code.ts';
import { verifyCertificate } from '../../../src/lib/certificates/verify-certificate.ts';
import { deleteAccount } from '../../../src/lib/privacy/delete-account.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

const COMPLETED_AT = Date.UTC(2026, 10, 20, 9, 30);

async function learner(db: Db, name: string): Promise<string> {
  const created = await createUser(db, { email: `${name.toLowerCase().replace(/\W/g, '.')}@gemeente.nl`, name, password: 'lang-genoeg-1', role: 'learner' });
  assert.ok(created.ok);
  return created.userId;
}

async function complete(db: Db, userId: string, moduleId: string): Promise<void> {
  await db.insert(moduleCompletions).values({ userId, moduleId, completedAt: COMPLETED_AT, score: 0.9, contentVersion: '2026.2', toetsAttemptId: null });
}

describe('certificate verification codes', () => {
  let t: TempDb;
  before(async () => {
    t = await createTempDb();
  });
  after(() => t.cleanup());

  test('a code has at least 96 random bits, in base32 groups of four, and never repeats', () => {
    const codes = Array.from({ length: 2000 }, () => newVerificationCode());
    for (const code of codes) assert.match(code, CODE_PATTERN);
    // 20 characters of a 32-letter alphabet: 100 bits.
    assert.ok(20 * Math.log2(32) >= 96);
    assert.equal(new Set(codes).size, codes.length, 'no two codes alike');
    // Every character of the alphabet turns up about equally often in every position (no fixed
    // or biased characters): 2000 draws per position, 62.5 expected per letter.
    for (let position = 0; position < 20; position++) {
      const counts = new Map<string, number>();
      for (const code of codes) counts.set(code[position], (counts.get(code[position]) ?? 0) + 1);
      assert.equal(counts.size, 32, `position ${position} uses every letter`);
      for (const [letter, n] of counts) assert.ok(n > 25 && n < 110, `position ${position}: ${letter} ${n}×`);
    }
    assert.equal(formatCode('ABCDEFGHIJKLMNOPQRST'), 'ABCD-EFGH-IJKL-MNOP-QRST');
  });

  test('typing a code forgives case, spaces and dashes, and nothing else', () => {
    assert.equal(parseCode('abcd-efgh ijkl-mnop-qrst'), 'ABCDEFGHIJKLMNOPQRST');
    assert.equal(parseCode(' ABCD EFGH IJKL MNOP QRST '), 'ABCDEFGHIJKLMNOPQRST');
    for (const bad of [
      '',
      'ABCD-EFGH-IJKL-MNOP-QRS',
      'ABCDEFGHIJKLMNOPQRSTU',
      'ABCD-EFGH-IJKL-MNOP-QRS0',
      'ABCDEFGHIJKLMNOPQRS%',
      '../../etc',
      'A'.repeat(200),
    ]) {
      assert.equal(parseCode(bad), undefined, bad);
    }
  });

  test('no certificate for a module that is not completed', async () => {
    const userId = await learner(t.db, 'Niet Klaar');
    assert.equal(await issueCertificate(t.db, userId, 'giz'), undefined);
    assert.equal((await t.db.select().from(certificates).where(eq(certificates.userId, userId))).length, 0);
  });

  test('one code per person and module, also when twenty requests ask at once', async () => {
    const userId = await learner(t.db, 'Burst Eén');
    await complete(t.db, userId, 'giz');
    const issued = await Promise.all(Array.from({ length: 20 }, () => issueCertificate(t.db, userId, 'giz')));
    const codes = new Set(issued.map((c) => c?.code));
    assert.equal(codes.size, 1, `one code for everyone: ${[...codes].join(', ')}`);
    const rows = await t.db.select().from(certificates).where(eq(certificates.userId, userId));
    assert.equal(rows.length, 1);
    assert.equal((await issueCertificate(t.db, userId, 'giz'))?.code, rows[0].code, 'asked again later: the same code');
    assert.deepEqual({ ...issued[0], code: '' }, { code: '', completedAt: COMPLETED_AT, contentVersion: '2026.2', score: 0.9 });
  });

  test('one code also when two connections (two app instances) ask at once', async () => {
    const userId = await learner(t.db, 'Burst Twee');
    await complete(t.db, userId, 'regie');
    const other = openDatabase({ url: t.url });
    try {
      const issued = await Promise.all(Array.from({ length: 16 }, (_, i) => issueCertificate(i % 2 === 0 ? t.db : other.db, userId, 'regie')));
      assert.equal(new Set(issued.map((c) => c?.code)).size, 1);
      assert.equal((await t.db.select().from(certificates).where(eq(certificates.userId, userId))).length, 1);
    } finally {
      other.client.close();
    }
  });

  test('another module or another person gets another code', async () => {
    const a = await learner(t.db, 'Anna Andermans');
    const b = await learner(t.db, 'Bram Beenen');
    for (const userId of [a, b]) for (const moduleId of ['giz', 'triage']) await complete(t.db, userId, moduleId);
    const codes = await Promise.all(
      [a, b].flatMap((userId) => ['giz', 'triage'].map(async (moduleId) => (await issueCertificate(t.db, userId, moduleId))!.code)),
    );
    assert.equal(new Set(codes).size, 4);
  });

  test('the lookup confirms name, module, version and date by the exact code only', async () => {
    const userId = await learner(t.db, 'Carla de Controle');
    await complete(t.db, userId, 'veiligheid');
    const { code } = (await issueCertificate(t.db, userId, 'veiligheid'))!;
    const found = await verifyCertificate(t.db, formatCode(code).toLowerCase());
    assert.deepEqual(found, { status: 'valid', code, name: 'Carla de Controle', moduleId: 'veiligheid', contentVersion: '2026.2', completedAt: COMPLETED_AT });
    assert.ok(!JSON.stringify(found).includes('gemeente.nl'), 'no e-mail address');
    assert.ok(!('score' in found), 'no score');
    // A prefix, a code one character off, or another well-formed code: unknown.
    assert.deepEqual(await verifyCertificate(t.db, code.slice(0, 19)), { status: 'unknown' });
    assert.deepEqual(await verifyCertificate(t.db, code.slice(0, 19) + (code[19] === 'A' ? 'B' : 'A')), { status: 'unknown' });
    assert.deepEqual(await verifyCertificate(t.db, `${code}%`), { status: 'unknown' });
    assert.deepEqual(await verifyCertificate(t.db, newVerificationCode()), { status: 'unknown' });
  });

  test('deleting the account revokes the certificate and keeps nothing about the person', async () => {
    const userId = await learner(t.db, 'Dirk Doorgehaald');
    const stays = await learner(t.db, 'Els Blijft');
    for (const id of [userId, stays]) await complete(t.db, id, 'normaliseren');
    const { code } = (await issueCertificate(t.db, userId, 'normaliseren'))!;
    const other = (await issueCertificate(t.db, stays, 'normaliseren'))!.code;
    assert.equal((await verifyCertificate(t.db, code)).status, 'valid');

    assert.equal(await deleteAccount(t.db, { userId, actorId: userId }, COMPLETED_AT + 1000), true);
    assert.deepEqual(await verifyCertificate(t.db, code), { status: 'revoked', code });
    const [row] = await t.db.select().from(certificates).where(eq(certificates.code, code));
    assert.deepEqual(row, { code, userId: null, moduleId: null, issuedAt: row.issuedAt, revokedAt: COMPLETED_AT + 1000 });
    const { rows } = await t.client.execute('select * from certificates');
    assert.ok(!JSON.stringify(rows).includes('Dirk'), 'the name is nowhere in the table');
    assert.equal((await verifyCertificate(t.db, other)).status, 'valid', 'another person’s certificate stays valid');
  });
});
