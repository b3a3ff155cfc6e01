// Upgrades from every earlier migration state: upgrade-every-migration.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createClient } from '@libsql/client';
import { backupDatabase, restoreDatabase, verifyDatabaseFile } from '../../../src/lib/admin/backup.ts';
import { createUser } from '../../../src/lib/auth/user.ts';
import { createTempDb } from '../../helpers/temp-db.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'leergang-backup-'));
  dirs.push(d);
  return d;
};

describe('backup and restore', () => {
  test('a backup of a live database restores every row', async () => {
    const t = await createTempDb();
    try {
      await createUser(t.db, { email: 'bewaard@gemeente.nl', name: 'Bewaard', password: 'lang-genoeg-1', role: 'learner' });
      const target = join(tempDir(), 'kopie.db');
      assert.deepEqual(await backupDatabase(t.client, target), { ok: true });
      assert.equal((await backupDatabase(t.client, target)).ok, false, 'never overwrites');
      // Changes after the backup are undone by the restore.
      await createUser(t.db, { email: 'later@gemeente.nl', name: 'Later', password: 'lang-genoeg-1', role: 'learner' });
      const path = t.url.slice('file:'.length);
      t.client.close();
      assert.deepEqual(await restoreDatabase(target, path), { ok: true });
      const restored = createClient({ url: t.url });
      const emails = (await restored.execute('select email from users order by email')).rows.map((r) => r[0]);
      assert.deepEqual(emails, ['bewaard@gemeente.nl']);
      restored.close();
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  test('a broken or foreign file is refused', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'kapot.db'), 'geen database');
    assert.equal((await verifyDatabaseFile(join(dir, 'kapot.db'))).ok, false);
    const other = createClient({ url: `file:${join(dir, 'ander.db')}` });
    await other.execute('create table iets (x)');
    other.close();
    assert.equal((await restoreDatabase(join(dir, 'ander.db'), join(dir, 'doel.db'))).ok, false);
  });

  test('the admin CLI makes a backup and says what is wrong', () => {
    const dir = tempDir();
    const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'db.db')}` };
    assert.equal(spawnSync(process.execPath, ['scripts/migrate.ts'], { env }).status, 0);
    const ok = spawnSync(process.execPath, ['scripts/admin.ts', 'backup', join(dir, 'b.db')], { env, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Back-up gemaakt en gecontroleerd/);
    // A change after the backup, then the restore through the CLI: the change is gone, the
    // restore is in the audit log, and the file is whole.
    const created = spawnSync(
      process.execPath,
      ['scripts/admin.ts', 'create-admin', '--email', 'na-de-backup@gemeente.nl', '--name', 'Na de backup', '--password', 'lang-genoeg-wachtwoord'],
      { env, encoding: 'utf8' },
    );
    assert.equal(created.status, 0, created.stderr);
    const restored = spawnSync(process.execPath, ['scripts/admin.ts', 'restore', join(dir, 'b.db')], { env, encoding: 'utf8' });
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /Back-up teruggezet/);
    const listed = spawnSync(process.execPath, ['scripts/admin.ts', 'list'], { env, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    assert.doesNotMatch(listed.stdout, /na-de-backup@gemeente\.nl/);
    const check = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'; const c = createClient({ url: process.env.DATABASE_URL }); const i = await c.execute('PRAGMA integrity_check'); const a = await c.execute("select action from audit_log order by id"); console.log(i.rows[0][0], a.rows.map((r) => r[0]).join(','));`,
      ],
      { env, encoding: 'utf8' },
    );
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /^ok .*backup-teruggezet/);
    const missing = spawnSync(process.execPath, ['scripts/admin.ts', 'backup'], { env, encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /geef een bestand/);
    const unknown = spawnSync(process.execPath, ['scripts/admin.ts', 'toverspreuk'], { env, encoding: 'utf8' });
    assert.match(unknown.stderr, /onbekende opdracht "toverspreuk"/);
    const badRole = spawnSync(process.execPath, ['scripts/admin.ts', 'invite', '--email', 'a@b.nl', '--role', 'koning'], { env, encoding: 'utf8' });
    assert.match(badRole.stderr, /--role: rol moet een van learner, trainer, admin, teamleader zijn/);
  });
});
