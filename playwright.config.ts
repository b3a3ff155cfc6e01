import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { appSsoEnv } from './tests/e2e/oidc-settings.ts';
import { STATEMENT_ENV } from './tests/e2e/statement-settings.ts';

// Playwright cannot download browsers on these machines: we drive Debian's Chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A port the system hands out as free, so a second run, another server or a stale one on a fixed
 * port cannot collide with this run. Chosen once, in the main process, and put into the
 * environment: Playwright's workers load this file again and inherit the same choice. Synchronous
 * because the config is; a child process is the simple way to ask for a port that way.
 */
function freePort(): string {
  const ask = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', ask], { encoding: 'utf8' });
}
process.env.E2E_PORT ||= freePort();
export const E2E_PORT = Number(process.env.E2E_PORT);
// The OpenID provider for single sign-on (tests/e2e/oidc-server.ts); the app is configured for it.
process.env.OIDC_PORT ||= freePort();
const OIDC_PORT = Number(process.env.OIDC_PORT);
// Each run its own database (a fresh one, migrated and seeded by scripts/e2e-server.sh); the
// helpers that read it directly (tests/e2e/helpers.ts) take it from here.
process.env.E2E_DATABASE_URL ||= `file:./data/e2e/${E2E_PORT}/leergang.db`;

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds the unit-test report.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'bash scripts/with-node.sh node tests/e2e/oidc-server.ts',
      // Ready when it says so, after it listens (its own line on stdout), rather than by polling
      // a URL: one CI run timed out polling here without a word from the provider.
      wait: { stdout: /OpenID-provider voor de browsertests: http/ },
      reuseExistingServer: false,
      timeout: 120_000,
      env: { OIDC_PORT: String(OIDC_PORT), E2E_PORT: String(E2E_PORT) },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: `http://127.0.0.1:${E2E_PORT}/inloggen`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { E2E_PORT: String(E2E_PORT), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL, ...appSsoEnv(OIDC_PORT), ...STATEMENT_ENV },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
