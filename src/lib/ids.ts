// The shapes of the ids and tokens the site makes, in one place, so a page, a form schema and a
// lookup cannot each spell them a little differently. A value that does not match is refused
// before any query: it cannot be one of ours.

/** A random token in a link or cookie: 20 bytes, base32 (sessions, invitations, reset links). */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** A random id of a row: 15 bytes, base32 (accounts, teams, paths; src/lib/auth/user.ts). */
export const ID_PATTERN = /^[a-z2-7]{24}$/;

/** The SHA-256 of a token, in hex: how an invitation is stored and named in forms. */
export const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** An id from the course content (module, lesson, question, reflection). */
export const SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;

/** An option's token as quiz/option-tokens.ts makes it: 16 characters of base64url, per person and question. */
export const OPTION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/**
 * An option token as a form or the JSON endpoint may send it. Looser than OPTION_TOKEN_PATTERN: a
 * token of another length passes here and is refused when it is mapped back (decodeAnswer).
 */
export const SENT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

/** The idempotency key of an answer form (a UUID the page makes): one key, one stored answer. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

/** A row number in a form (an autoincrement id, such as a toets): digits, short enough to stay a safe integer. */
export const ROW_NUMBER_PATTERN = /^\d{1,12}$/;
