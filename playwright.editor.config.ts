// The content editor's browser tests (tests/e2e-editor): against the development server, because
// the editor exists only there (docs/decisions/0010). Same browser settings as the other browser
// tests; its own server, port and database. `npx playwright test -c playwright.editor.config.ts`.
import { defineConfig } from '@playwright/test';
import base, { E2E_PORT } from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-editor',
  outputDir: 'test-results/playwright-editor',
  workers: 1,
  timeout: 120_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-editor.json' }]],
  webServer: {
    command: 'bash scripts/editor-e2e-server.sh',
    url: `http://127.0.0.1:${E2E_PORT}/inloggen`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_PORT: String(E2E_PORT), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? '' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
