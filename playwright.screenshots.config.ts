// `npm run screenshots`: the same built site and fresh database as the browser tests, but only the
// spec that photographs the main pages for docs/screenshots/ (not part of npm test: pictures are
// documentation, not a check).
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: 'tests/screenshots',
  outputDir: 'test-results/screenshots',
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
});
