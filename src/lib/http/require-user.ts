// The signed-in person, for a page or endpoint that needs one. The middleware's role guard
// (src/lib/auth/roles.ts) has already turned away anyone without a session or the right role, so
// this is the second line: it gives the route a typed user instead of `locals.user!`, and if a
// rule and a route ever disagree it fails closed. The middleware answers the thrown AccessRefused
// exactly as it answers its own refusals (src/lib/http/refuse-access.ts).
import type { Role } from '../../../db/schema.ts';
import type { SessionUser } from '../auth/session.ts';

export type Refusal = 'sign-in' | 'forbidden';

export class AccessRefused extends Error {
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(refusal === 'sign-in' ? 'This route needs a signed-in user.' : 'This route is not for this role.');
    this.name = 'AccessRefused';
    this.refusal = refusal;
  }
}

/** What the session middleware leaves in `locals`: the user, or null. */
export interface UserLocals {
  user: SessionUser | null;
}

export function requireUser(locals: UserLocals): SessionUser {
  if (!locals.user) throw new AccessRefused('sign-in');
  return locals.user;
}

export function requireRole(locals: UserLocals, ...roles: readonly Role[]): SessionUser {
  const user = requireUser(locals);
  if (!roles.includes(user.role)) throw new AccessRefused('forbidden');
  return user;
}

/** The refusal behind an error a route threw, if it was one (looked for along `cause` as well). */
export function refusalOf(error: unknown): Refusal | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof AccessRefused) return current.refusal;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
