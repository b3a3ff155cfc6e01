// The accessibility statement's settings for the browser tests: the app is started with them
// (playwright.config.ts); reflow.spec.ts checks that /toegankelijkheid shows exactly these, and
// certificates.spec.ts that the certificate names this organisation. With them the setting
// the question analysis links to the content editor with.
export const STATEMENT_ENV = {
  ORGANISATION_NAME: 'Gemeente Teststad',
  ACCESSIBILITY_CONTACT: 'toegankelijkheid@teststad.nl',
  ACCESSIBILITY_STATEMENT_DATE: '2026-11-14',
  // The editing environment the question analysis links to (trainer-dashboard.spec.ts).
  CONTENT_EDITOR_URL: 'https://bewerken.teststad.nl',
} as const;
/** How the page writes that date. */
export const STATEMENT_DATE_SHOWN = '14 november 2026';
