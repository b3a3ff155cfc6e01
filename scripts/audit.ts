// Issue 8: "npm audit has no high or critical advisories in production dependencies", as a step
// of `npm test`. Writes test-results/audit.json for the totals line:
// - passed: npm's advisory database answered and found nothing high or critical;
// - failed: it found something, or the check could not run for any reason we cannot name as the
//   registry's refusal (offline, a time-out, 401, a 5xx, output that is not npm's report, npm
//   that does not start) — a check that could not run is not a pass;
// - skipped: only when the registry answers 405 Method Not Allowed on the advisory endpoint, as
//   the registry proxy of the development machine does. That is a property of the registry, not
//   of our dependencies, and no other source of advisories is reachable there.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

export type AuditOutcome = { result: 'passed' | 'failed' | 'skipped'; lines: string[] };

interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string }>;
  statusCode?: number;
  message?: string;
  error?: { summary?: string; code?: string };
}

/** Decides from what `npm audit --json` did; pure, so each case is tested without a registry. */
export function judgeAudit(run: { error?: Error; status: number | null; signal?: string | null; stdout: string; stderr: string }): AuditOutcome {
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    if (code === 'ETIMEDOUT') return { result: 'failed', lines: ['npm audit mislukt: geen antwoord binnen de tijd (time-out).'] };
    return { result: 'failed', lines: [`npm audit kon niet starten: ${code ?? run.error.message}. Is npm geïnstalleerd en op PATH?`] };
  }
  if (run.signal) return { result: 'failed', lines: [`npm audit mislukt: gestopt door ${run.signal} (time-out?).`] };
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    const last = run.stderr.trim().split('\n').at(-1) || `geen uitvoer, code ${run.status}`;
    return { result: 'failed', lines: [`npm audit mislukt: de uitvoer is geen rapport van npm (${last}).`] };
  }
  const counts = report.metadata?.vulnerabilities;
  if (counts) {
    const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
    return {
      result: serious.length === 0 ? 'passed' : 'failed',
      lines: [`npm audit (productie): ${JSON.stringify(counts)}`, ...serious.map(([name, v]) => `  ${v.severity}: ${name}`)],
    };
  }
  if (report.statusCode === 405) {
    return {
      result: 'skipped',
      lines: [
        `npm audit overgeslagen: de registry weigert het adviezen-endpoint (${report.message ?? '405 Method Not Allowed'}).`,
        'Draai deze controle waar de registry het adviezen-endpoint aanbiedt.',
      ],
    };
  }
  const why = report.message || report.error?.summary || report.error?.code || run.stderr.trim().split('\n').at(-1) || `code ${run.status}`;
  return { result: 'failed', lines: [`npm audit mislukt: ${why}${report.statusCode ? ` (HTTP ${report.statusCode})` : ''}.`] };
}

if (import.meta.main) {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const outcome = judgeAudit({ error: run.error, status: run.status, signal: run.signal, stdout: run.stdout ?? '', stderr: run.stderr ?? '' });
  for (const line of outcome.lines) console.log(line);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/audit.json', JSON.stringify({ [outcome.result]: 1 }));
  if (outcome.result === 'failed') process.exitCode = 1;
}
