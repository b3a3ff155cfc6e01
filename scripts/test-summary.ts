// Totals every test runner into one line: "N passed, N failed, N skipped".
//
// Arguments are result files:
// - *.tap from node --test;
// - a Playwright JSON report (has `stats` and `suites`);
// - *.steps: one line per counted step of `npm test` (content check, type check, build …),
//   "pass<TAB>name" or "fail<TAB>name";
// - a small JSON with {passed, failed, skipped} (the scale test, the audit).
//
// The rule throughout: a runner that could not say it passed did not pass. A missing file, a
// truncated TAP file, a Playwright run that broke before or outside its tests, and a test that was
// interrupted all count as failures, each with a line saying why.
import { existsSync, readFileSync } from 'node:fs';

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  /** Why something counted as failed without a failing test behind it. */
  problems: string[];
}

const empty = (): Totals => ({ passed: 0, failed: 0, skipped: 0, problems: [] });

/** node --test's TAP: trusted only when its closing summary is there and adds up. */
export function countTap(text: string, file: string): Totals {
  const totals = empty();
  const count = (name: string) => {
    const match = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const tests = count('tests');
  const [pass, fail, cancelled, skipped, todo] = ['pass', 'fail', 'cancelled', 'skipped', 'todo'].map((n) => count(n) ?? 0);
  if (tests === undefined || !/^1\.\.\d+$/m.test(text)) {
    totals.failed += 1;
    totals.problems.push(`${file} is afgebroken: de samenvatting van node --test ontbreekt (runner gecrasht of gestopt)`);
    return totals;
  }
  if (pass + fail + cancelled + skipped + todo !== tests) {
    totals.failed += 1;
    totals.problems.push(`${file}: ${tests} tests gemeld, maar ${pass + fail + cancelled + skipped + todo} geteld`);
  }
  totals.passed += pass;
  totals.failed += fail + cancelled;
  totals.skipped += skipped + todo;
  return totals;
}

export interface PlaywrightTest {
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  annotations?: { type: string }[];
  results?: { status: string }[];
}
interface PlaywrightSuite {
  specs?: { title: string; tests: PlaywrightTest[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  stats: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; interrupted?: number };
  suites?: PlaywrightSuite[];
  errors?: { message?: string }[];
}

/**
 * Counts per test, not from `stats`: a test that was interrupted (a stopped run, a worker that
 * died) ends as "skipped" there, yet it never ran. Only a test skipped on purpose (test.skip,
 * test.fixme) counts as skipped.
 */
export function countPlaywright(report: PlaywrightReport, file: string): Totals {
  const totals = empty();
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const last = test.results?.at(-1)?.status;
        const onPurpose = (test.annotations ?? []).some((a) => a.type === 'skip' || a.type === 'fixme');
        if (test.status === 'expected' || test.status === 'flaky') totals.passed += 1;
        else if (test.status === 'skipped' && onPurpose && last !== 'interrupted') totals.skipped += 1;
        else {
          totals.failed += 1;
          if (test.status === 'skipped') totals.problems.push(`${file}: "${spec.title}" is niet (helemaal) gedraaid (${last ?? 'niet gestart'})`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  for (const error of report.errors ?? []) {
    totals.failed += 1;
    totals.problems.push(`${file}: fout buiten de tests: ${(error.message ?? '').split('\n')[0].slice(0, 200)}`);
  }
  if (totals.passed + totals.failed + totals.skipped === 0) {
    totals.failed += 1;
    totals.problems.push(`${file}: Playwright draaide geen enkele test`);
  }
  return totals;
}

/** The counted steps of `npm test`: one line each, "pass<TAB>name" or "fail<TAB>name". */
export function countSteps(text: string, file: string): Totals {
  const totals = empty();
  for (const line of text.split('\n').filter(Boolean)) {
    const [outcome, name] = line.split('\t');
    if (outcome === 'pass') totals.passed += 1;
    else {
      totals.failed += 1;
      totals.problems.push(`${file}: stap "${name ?? line}" mislukte`);
    }
  }
  return totals;
}

export function countFile(file: string): Totals {
  if (!existsSync(file)) return { ...empty(), failed: 1, problems: [`geen resultaten gevonden in ${file}: die runner leverde niets op`] };
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.tap')) return countTap(text, file);
  if (file.endsWith('.steps')) return countSteps(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...empty(), failed: 1, problems: [`${file} is geen leesbare JSON (afgebroken?)`] };
  }
  if (data && typeof data === 'object' && 'stats' in data) return countPlaywright(data as PlaywrightReport, file);
  const small = data as { passed?: unknown; failed?: unknown; skipped?: unknown };
  const totals = { ...empty(), passed: Number(small.passed ?? 0), failed: Number(small.failed ?? 0), skipped: Number(small.skipped ?? 0) };
  if (![totals.passed, totals.failed, totals.skipped].every(Number.isInteger) || totals.passed + totals.failed + totals.skipped === 0) {
    return { ...empty(), failed: 1, problems: [`${file} zegt niet wat er gebeurde: ${text.slice(0, 100)}`] };
  }
  return totals;
}

export function sumTotals(files: string[]): Totals {
  const sum = empty();
  for (const file of files) {
    const t = countFile(file);
    sum.passed += t.passed;
    sum.failed += t.failed;
    sum.skipped += t.skipped;
    sum.problems.push(...t.problems);
  }
  return sum;
}

if (import.meta.main) {
  const totals = sumTotals(process.argv.slice(2));
  for (const problem of totals.problems) console.log(`(${problem})`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}
