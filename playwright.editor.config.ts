// The content editor's browser tests (tests/e2e-editor): against the development server, because
// the editor exists only there (docs/decisions/0010). Same browser settings as the other browser
// tests; its own server, port and database. `npx playwright test -c playwright.editor.config.ts`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base, { E2E_PORT } from './playwright.config.ts';

// The dev server runs in a copy of the project (scripts/editor-e2e-server.sh): the tests save
// through the editor, into the copy's content/. The tests read the copy's files from here, and
// the database lives in the copy too (an absolute URL, so the tests' own reads find it).
process.env.EDITOR_PROJECT_DIR ||= join(tmpdir(), `leergang-editor-e2e-${E2E_PORT}`);
export const EDITOR_PROJECT_DIR = process.env.EDITOR_PROJECT_DIR;
process.env.E2E_DATABASE_URL = `file:${join(EDITOR_PROJECT_DIR, 'data/e2e/leergang.db')}`;

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-editor',
  outputDir: 'test-results/playwright-editor',
  workers: 1,
  globalSetup: './tests/e2e-editor/warm-up.ts',
  timeout: 120_000,
  // A step that cannot happen fails in half a minute, not at the end of a long test's budget.
  use: { ...base.use, actionTimeout: 30_000, navigationTimeout: 60_000 },
  // The editor is a large React app on a dev server that compiles on demand: slower than the site.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-editor.json' }]],
  webServer: {
    command: 'bash scripts/editor-e2e-server.sh',
    url: `http://127.0.0.1:${E2E_PORT}/inloggen`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { E2E_PORT: String(E2E_PORT), E2E_DATABASE_URL: process.env.E2E_DATABASE_URL, EDITOR_PROJECT_DIR },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
