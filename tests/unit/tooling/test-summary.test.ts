// The totals line of `npm test` is what CI and people read: it must never call a broken run green.
// Runs a real node --test to get real TAP, then cuts it short as a crashed runner would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { countPlaywright, countTap, sumTotals, type PlaywrightTest } from '../../../scripts/test-summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'leergang-summary-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A nested node --test reports to its parent runner when NODE_TEST_CONTEXT is set; we want its own TAP. */
function withoutTestContext(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  return env;
}

function realTap(): string {
  const file = join(dir, 'sample.test.mjs');
  writeFileSync(file, "import { test } from 'node:test';\ntest('a', () => {});\ntest('b', () => {});\ntest('c', { skip: 'why' }, () => {});\n");
  return spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { encoding: 'utf8', env: withoutTestContext() }).stdout;
}

describe('test summary', () => {
  test('a whole TAP file is counted as it says', () => {
    const totals = countTap(realTap(), 'x.tap');
    assert.deepEqual({ ...totals, problems: totals.problems.length }, { passed: 2, failed: 0, skipped: 1, problems: 0 });
  });

  test('a truncated TAP file is a failure, not 0 passed / 0 failed', () => {
    const whole = realTap();
    const cut = whole.slice(0, whole.indexOf('# tests'));
    const totals = countTap(cut, 'x.tap');
    assert.equal(totals.failed, 1);
    assert.match(totals.problems[0], /afgebroken/);
  });

  test('a missing or unreadable result file is a failure', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"passed": 3,');
    const totals = sumTotals([join(dir, 'bestaat-niet.tap'), broken]);
    assert.equal(totals.failed, 2);
    assert.equal(totals.passed, 0);
  });

  test('a Playwright run that broke before any test is a failure', () => {
    const totals = countPlaywright(
      { stats: { expected: 0, unexpected: 0, skipped: 0 }, suites: [], errors: [{ message: 'Error: Timed out waiting 120000ms from config.webServer.' }] },
      'e2e.json',
    );
    assert.equal(totals.failed, 1);
    assert.equal(totals.passed, 0);
    assert.match(totals.problems[0], /webServer/);
    assert.equal(countPlaywright({ stats: {}, suites: [] }, 'e2e.json').failed, 1, 'a report without tests and without errors');
  });

  test('interrupted and never-started Playwright tests count as failed; only skips on purpose as skipped', () => {
    const spec = (title: string, t: PlaywrightTest) => ({ title, tests: [t] });
    const totals = countPlaywright(
      {
        stats: { expected: 1, skipped: 3 },
        suites: [
          {
            specs: [spec('ok', { status: 'expected', results: [{ status: 'passed' }] })],
            suites: [
              {
                specs: [
                  spec('onderbroken', { status: 'skipped', results: [{ status: 'interrupted' }] }),
                  spec('niet gestart', { status: 'skipped', results: [] }),
                  spec('bewust overgeslagen', { status: 'skipped', annotations: [{ type: 'skip' }], results: [{ status: 'skipped' }] }),
                ],
              },
            ],
          },
        ],
      },
      'e2e.json',
    );
    assert.deepEqual([totals.passed, totals.failed, totals.skipped], [1, 2, 1]);
  });

  test('counted steps of npm test: a failed step is a failure in the totals', () => {
    const steps = join(dir, 'npm-test.steps');
    writeFileSync(steps, 'pass\tLeerinhoud controleren\nfail\tSite bouwen\n');
    const totals = sumTotals([steps]);
    assert.deepEqual([totals.passed, totals.failed], [1, 1]);
    assert.match(totals.problems[0], /Site bouwen/);
  });

  test('a small result file that says nothing is a failure', () => {
    const file = join(dir, 'scale.json');
    writeFileSync(file, '{}');
    assert.equal(sumTotals([file]).failed, 1);
  });
});
