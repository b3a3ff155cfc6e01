// Where to send someone back to after logging in (`/inloggen?terug=…`). The value comes from the
// URL, so anyone can write a link with it: it must never lead off the site, and whatever is
// accepted must be safe to put in a Location header.
//
// String checks alone ("starts with / but not //") were not enough: browsers drop tabs and
// newlines from URLs and read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example"
// both became "//evil.example". The value is therefore parsed the way a browser parses it, against
// our own origin, and only the path, query and fragment of a same-origin result are kept.

export const DEFAULT_RETURN_PATH = '/modules';

/** Longer than any page of ours with its filters; a longer value is someone playing. */
export const MAX_RETURN_PATH_LENGTH = 2048;

// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators: browsers strip or
// split on some of them, and a header value may not contain them (they made the redirect a 500).
// A backslash is a slash to a browser in http(s) URLs.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;

/**
 * The local path (path, query and fragment) that `value` points to on `siteOrigin`, or `fallback`
 * when it is missing, too long, contains control characters or backslashes, or leads to another
 * origin (another host, another scheme, `javascript:`, a protocol-relative `//host`).
 */
export function safeReturnTarget(value: string | null | undefined, siteOrigin: string, fallback = DEFAULT_RETURN_PATH): string {
  if (!value || value.length > MAX_RETURN_PATH_LENGTH || UNSAFE_CHARACTER.test(value)) return fallback;
  let target: URL;
  try {
    target = new URL(value, siteOrigin);
  } catch {
    return fallback;
  }
  if (target.origin !== new URL(siteOrigin).origin) return fallback;
  const local = target.pathname + target.search + target.hash;
  // Dot segments can collapse into a leading "//" ("/.//evil.example" has the path "//evil.example"),
  // which a browser would read as another host once it stands alone in a Location header.
  if (!local.startsWith('/') || local.startsWith('//')) return fallback;
  return local;
}
