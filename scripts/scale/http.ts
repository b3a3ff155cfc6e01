// Talking to an app instance the way a browser would, without one: the session cookie kept by
// hand, and an Origin header equal to the instance's own origin on every POST (the origin check
// refuses anything else).
import type { Child } from './processes.ts';

export const SESSION_COOKIE = 'lt_sessie';

export interface Instance {
  name: string;
  origin: string;
  child: Child;
}

export interface Page {
  status: number;
  body: string;
  location: string | null;
  /** `lt_sessie=<token>` when the response sets a session cookie. */
  sessionCookie: string | undefined;
}

async function request(instance: Instance, path: string, init: RequestInit & { cookie?: string }): Promise<Page> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.method && init.method !== 'GET') headers.set('origin', instance.origin);
  const response = await fetch(new URL(path, instance.origin), { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
  return { status: response.status, body: await response.text(), location: response.headers.get('location'), sessionCookie: session };
}

export function get(instance: Instance, path: string, cookie?: string): Promise<Page> {
  return request(instance, path, { method: 'GET', cookie });
}

export function postForm(instance: Instance, path: string, fields: Record<string, string>, cookie?: string): Promise<Page> {
  return request(instance, path, {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

export function postJson(instance: Instance, path: string, data: unknown, cookie?: string): Promise<Page> {
  return request(instance, path, {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
}

/** Posts the login form; a successful login is a 303 with a fresh session cookie. */
export function login(instance: Instance, email: string, password: string): Promise<Page> {
  return postForm(instance, '/inloggen', { email, password });
}

/** Every <table> on a page, as HTML: the part of a dashboard that holds its numbers. */
export function tables(html: string): string[] {
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
}
