// `npm audit` as a step: skipped only when the registry refuses the advisory endpoint (405).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeAudit } from '../../../scripts/audit.ts';

const run = (stdout: unknown, extra: object = {}) => ({
  status: 1,
  signal: null,
  stdout: typeof stdout === 'string' ? stdout : JSON.stringify(stdout),
  stderr: '',
  ...extra,
});

describe('npm audit step', () => {
  test('405 from the registry is the only skip', () => {
    const outcome = judgeAudit(run({ statusCode: 405, message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }));
    assert.equal(outcome.result, 'skipped');
    assert.match(outcome.lines[0], /405/);
  });

  test('401, 5xx, offline, time-out and garbage are failures with a reason', () => {
    for (const [input, reason] of [
      [run({ statusCode: 401, message: '401 Unauthorized' }), /401/],
      [run({ statusCode: 503, message: '503 Service Unavailable' }), /503/],
      [run({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND' } }), /ENOTFOUND/],
      [run('', { error: Object.assign(new Error('spawnSync npm ETIMEDOUT'), { code: 'ETIMEDOUT' }) }), /time-out/],
      [run('', { signal: 'SIGTERM' }), /SIGTERM/],
      [run('npm ERR! something odd', { stderr: 'npm ERR! something odd' }), /geen rapport/],
    ] as const) {
      const outcome = judgeAudit(input);
      assert.equal(outcome.result, 'failed', JSON.stringify(input));
      assert.match(outcome.lines.join('\n'), reason);
    }
  });

  test('npm that cannot start says so instead of crashing', () => {
    const outcome = judgeAudit(run('', { error: Object.assign(new Error('spawnSync npm ENOENT'), { code: 'ENOENT' }), status: null }));
    assert.equal(outcome.result, 'failed');
    assert.match(outcome.lines[0], /kon niet starten: ENOENT/);
  });

  test('a report: passed without high or critical, failed with one', () => {
    const clean = { metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 0, critical: 0 } }, vulnerabilities: { a: { severity: 'low' } } };
    assert.equal(judgeAudit(run(clean, { status: 0 })).result, 'passed');
    const bad = { metadata: { vulnerabilities: { high: 1 } }, vulnerabilities: { leftpad: { severity: 'high' } } };
    const outcome = judgeAudit(run(bad));
    assert.equal(outcome.result, 'failed');
    assert.match(outcome.lines.join('\n'), /high: leftpad/);
  });
});
