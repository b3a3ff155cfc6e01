// Which role may open which part of the site. The middleware asks this for every request, so
// a route cannot forget its check.
import type { Role } from '../../../db/schema.ts';

export type Access = 'public' | 'signed-in' | Role[];

const RULES: { prefix: string; access: Access }[] = [
  // First match wins: the admin-only part of /team comes before /team itself.
  { prefix: '/team/beheer', access: ['admin'] },
  { prefix: '/team', access: ['trainer', 'admin'] },
  { prefix: '/api/team', access: ['trainer', 'admin'] },
  { prefix: '/modules', access: 'signed-in' },
  { prefix: '/voortgang', access: 'signed-in' },
  { prefix: '/herhalen', access: 'signed-in' },
  { prefix: '/account', access: 'signed-in' },
  { prefix: '/api', access: 'signed-in' },
  { prefix: '/antwoord', access: 'signed-in' },
  { prefix: '/reflectie', access: 'signed-in' },
  { prefix: '/uitloggen', access: 'signed-in' },
];

export function accessFor(pathname: string): Access {
  const path = pathname.replace(/\/+$/, '') || '/';
  const rule = RULES.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
  return rule ? rule.access : 'public';
}

export type AccessDecision = 'allow' | 'sign-in' | 'forbidden';

export function decideAccess(pathname: string, role: Role | null): AccessDecision {
  const access = accessFor(pathname);
  if (access === 'public') return 'allow';
  if (role === null) return 'sign-in';
  if (access === 'signed-in') return 'allow';
  return access.includes(role) ? 'allow' : 'forbidden';
}

