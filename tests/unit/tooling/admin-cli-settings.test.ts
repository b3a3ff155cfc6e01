// npm run admin with a wrong setting: one Dutch line and exit code 2, not a stack trace (a typo in
// PUBLIC_URL is the likely one, since the command prints links with it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

test('a wrong PUBLIC_URL stops the admin command with a Dutch line and no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'admin-settings-'));
  try {
    const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'x.db')}`, PUBLIC_URL: 'geen-adres' };
    const run = spawnSync(process.execPath, ['scripts/admin.ts', 'list'], { env, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Fout: Ongeldige instellingen: .*PUBLIC_URL/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
