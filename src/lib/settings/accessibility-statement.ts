// The settings the accessibility statement needs beyond ORGANISATION_NAME (the government's model
// asks for the date of the statement and a direct contact): ACCESSIBILITY_CONTACT and
// ACCESSIBILITY_STATEMENT_DATE. Read by env.ts when the settings are parsed, so they live down here.

/** The date of the statement as shipped; an organisation that reviews it sets its own. */
export const DEFAULT_STATEMENT_DATE = '2026-12-03';

/** Where to report an accessibility problem: an e-mail address or a web page (a form, a contact page). */
export type AccessibilityContact = { kind: 'email'; address: string; href: string } | { kind: 'url'; address: string; href: string };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export function parseAccessibilityContact(value: string | undefined): AccessibilityContact | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (EMAIL.test(trimmed)) return { kind: 'email', address: trimmed, href: `mailto:${trimmed}` };
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !url.username && !url.password) {
    return { kind: 'url', address: trimmed, href: url.href };
  }
  throw new Error(
    `ACCESSIBILITY_CONTACT moet een e-mailadres of een webadres (http of https) zijn, bijvoorbeeld toegankelijkheid@gemeente.nl of https://www.gemeente.nl/contact (nu: "${trimmed}")`,
  );
}

/** A real calendar date written as YYYY-MM-DD; returned as given. */
export function parseStatementDate(value: string | undefined): string {
  const trimmed = value?.trim();
  if (!trimmed) return DEFAULT_STATEMENT_DATE;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== trimmed) {
    throw new Error(`ACCESSIBILITY_STATEMENT_DATE moet een bestaande datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-12-03 (nu: "${trimmed}")`);
  }
  return trimmed;
}
