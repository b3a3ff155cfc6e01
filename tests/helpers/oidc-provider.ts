// A real OpenID provider for tests: panva's oidc-provider (the certified one) on 127.0.0.1 with a
// random port, its own RSA signing key, PKCE required, and its built-in development login form
// (devInteractions) instead of a real user database. The account id typed as "login" is the
// subject (`sub`); findAccount gives that account's claims: `email` and `email_verified` with the
// scope `email`, `name` and `groups` with the scope `profile` (the app asks for `openid email
// profile`, and real providers send groups without a scope of their own).
//
// The accounts record is read on every request, so a test may change an account's claims between
// two logins (a new e-mail address, other groups).
//
// Signing in through its form, as signInAtProvider below does with fetch and as a browser test
// would with Playwright (the provider speaks English and has no labels; use the names):
// 1. open the authorization URL: it redirects (303) to `${issuer}/interaction/<uid>`, a page with
//    the heading "Sign-in" and `<form method="post" action="${issuer}/interaction/<uid>">`: a hidden
//    `prompt=login`, a text field `name="login"` (placeholder "Enter any login": type the account
//    id), a password field `name="password"` (placeholder "and password": required by the form,
//    never checked) and the button "Sign-in";
// 2. the form posts, `${issuer}/auth/<uid>` redirects to a new `${issuer}/interaction/<uid2>` with
//    the heading "Authorize" (the page title stays "Sign-in"): a hidden `prompt=consent` and the
//    button "Continue" (asked once per provider session and client; a later login in the same
//    browser context skips both pages);
// 3. `${issuer}/auth/<uid2>` redirects to the redirect_uri with `code`, `state` and `iss`.
// Each page also has the link "[ Cancel ]" (`/interaction/<uid>/abort`): back to the redirect_uri
// with `error=access_denied`. The provider's cookies (`_interaction`, `_interaction_resume`,
// `_session`, each with a `.sig`) are set per path: a browser handles them, fetch must carry them.
// Only type ids that are in `accounts`: for any other, oidc-provider answers 500 (server_error)
// on the way back from the form.
import { generateKeyPair } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import Provider, { type Configuration, type JWK } from 'oidc-provider';

export interface TestOidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface TestOidcAccount {
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  /** Errors the provider answered with a server_error (a bug in the test set-up, not in the app). */
  serverErrors: unknown[];
  close: () => Promise<void>;
}

export async function startOidcProvider(options: {
  clients: TestOidcClient[];
  accounts: Record<string, TestOidcAccount>;
  /** For an id that is not in `accounts`: its claims, or undefined (then oidc-provider answers 500). */
  resolveAccount?: (id: string) => TestOidcAccount | undefined;
  /** A fixed port (the browser tests agree on it before either server starts); default: any free one. */
  port?: number;
  /** False: the ID token carries only `sub` and friends, the rest comes from userinfo (oidc-provider's own default). */
  claimsInIdToken?: boolean;
}): Promise<TestOidcProvider> {
  const server = createServer();
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: options.clients.map((client) => ({ ...client, grant_types: ['authorization_code'], response_types: ['code'] })),
    jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomUUID()] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    features: { devInteractions: { enabled: true } },
    findAccount(_ctx, id) {
      const account = Object.hasOwn(options.accounts, id) ? options.accounts[id] : options.resolveAccount?.(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    // Numbers instead of the default functions, which announce themselves on the console.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    renderError(ctx, out) {
      ctx.type = 'text/plain';
      ctx.body = `${out.error}: ${out.error_description ?? ''}`;
    },
  };
  // The constructor warns that the in-memory store and the development login form are for
  // development only: that is what this is.
  const provider = withoutDevelopmentWarnings(() => new Provider(issuer, configuration));
  const serverErrors: unknown[] = [];
  provider.on('server_error', (_ctx, error) => serverErrors.push(error));
  server.on('request', provider.callback());

  return {
    issuer,
    serverErrors,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function withoutDevelopmentWarnings<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING:') && args[0].includes('development-only')) return;
    warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

/**
 * Signs `login` in at the provider with fetch, from the authorization URL to the redirect back:
 * follows the redirects by hand (carrying the provider's cookies), fills in the login form and
 * confirms the consent form. Returns the URL the provider redirects to (the redirect_uri with
 * `code`, `state` and `iss`) without opening it. Pass the same `cookies` to sign in again in the
 * same "browser" (the provider then remembers the person and the consent).
 */
export async function signInAtProvider(authorizationUrl: URL, login: string, redirectUri: string, cookies: CookieJar = new Map()): Promise<URL> {
  const back = new URL(redirectUri);
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    if (url.origin === back.origin && url.pathname === back.pathname) return url;
    const cookie = [...cookies.entries()]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.slice(0, key.indexOf('|'))}=${c.value}`)
      .join('; ');
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) keepCookie(cookies, line);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      body = undefined;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !prompt) throw new Error(`unexpected answer from ${url.href} (${response.status}): ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'niet-gecontroleerd' } : { prompt });
  }
  throw new Error('the provider did not redirect back within 12 steps');
}

/** The provider's cookies, by name and path. */
export type CookieJar = Map<string, { path: string; value: string }>;

/** A Set-Cookie line into the jar; an expired or emptied one is removed. */
function keepCookie(cookies: CookieJar, line: string): void {
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  const name = pair.slice(0, pair.indexOf('='));
  const value = pair.slice(pair.indexOf('=') + 1);
  const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
  const path = attribute('path') ?? '/';
  const expires = attribute('expires');
  const key = `${name}|${path}`;
  if (value === '' || (expires && Date.parse(expires) <= Date.now()) || attribute('max-age') === '0') cookies.delete(key);
  else cookies.set(key, { path, value });
}
