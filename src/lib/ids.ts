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
