// Totals every test runner into one line: "N passed, N failed, N skipped".
// Arguments are result files: *.tap (node --test), a Playwright JSON report (has `stats`), or a
// small JSON with {passed, failed, skipped} (the scale test). A missing file counts as a failure:
// a runner that produced nothing did not pass.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`(geen resultaten gevonden in ${file})`);
    failed += 1;
    continue;
  }
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.tap')) {
    const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    passed += count('pass');
    failed += count('fail') + count('cancelled');
    skipped += count('skipped') + count('todo');
    continue;
  }
  const data = JSON.parse(text);
  if (data.stats) {
    passed += (data.stats.expected ?? 0) + (data.stats.flaky ?? 0);
    failed += data.stats.unexpected ?? 0;
    skipped += data.stats.skipped ?? 0;
  } else {
    passed += Number(data.passed ?? 0);
    failed += Number(data.failed ?? 0);
    skipped += Number(data.skipped ?? 0);
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
