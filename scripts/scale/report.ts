// PASS/FAIL per check, a total at the end, and the counts as JSON for scripts/test-summary.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class CheckFailed extends Error {}

/** Fails the current check with a message that says what was expected and what happened. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

export class Report {
  passed = 0;
  failed = 0;
  /** Set when the run is interrupted: what is still running fails silently. */
  aborted = false;

  /** Runs one check: it returns a short detail for the PASS line, or throws to fail. */
  async check(name: string, run: () => Promise<string | void>): Promise<boolean> {
    if (this.aborted) return false;
    const started = performance.now();
    try {
      const detail = await run();
      this.passed += 1;
      console.log(`PASS ${name}${detail ? ` — ${detail}` : ''} (${elapsed(started)})`);
      return true;
    } catch (error) {
      this.fail(name, error);
      return false;
    }
  }

  fail(name: string, error: unknown): void {
    if (this.aborted) return;
    this.failed += 1;
    let message = error instanceof CheckFailed ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    // fetch says only "fetch failed"; the reason (refused, reset, timeout) is in its cause.
    if (error instanceof Error && error.cause instanceof Error) message += `\n(oorzaak: ${error.cause.message})`;
    console.log(`FAIL ${name}\n${message.replace(/^/gm, '     ')}`);
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }

  write(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ passed: this.passed, failed: this.failed, skipped: 0 })}\n`);
  }
}

function elapsed(started: number): string {
  const ms = performance.now() - started;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
