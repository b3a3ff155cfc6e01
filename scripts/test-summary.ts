// Totals every test runner into one line: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const [tapFile, playwrightFile, scaleFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (tapFile && existsSync(tapFile)) {
  const tap = readFileSync(tapFile, 'utf8');
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
} else {
  console.log('(geen resultaten van de unittests gevonden)');
  failed += 1;
}

if (playwrightFile && existsSync(playwrightFile)) {
  const stats = JSON.parse(readFileSync(playwrightFile, 'utf8')).stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
} else {
  console.log('(geen resultaten van de browsertests gevonden)');
  failed += 1;
}

// The scale test (two instances on one libSQL server) writes {passed, failed, skipped} itself;
// test.sh writes {skipped: 1} when there is no sqld to run it against.
if (scaleFile) {
  if (existsSync(scaleFile)) {
    const counts = JSON.parse(readFileSync(scaleFile, 'utf8'));
    passed += Number(counts.passed ?? 0);
    failed += Number(counts.failed ?? 0);
    skipped += Number(counts.skipped ?? 0);
  } else {
    console.log('(geen resultaten van de schaaltest gevonden)');
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
