// The OpenID Connect relying party: a thin layer over openid-client v6, which does the protocol
// work that must not be hand-made (PKCE S256, the state and nonce checks, the ID token's
// signature, issuer, audience and expiry). Two calls: beginSsoLogin makes the authorization URL
// and the secrets the callback needs (the caller keeps them: pending-login.ts), finishSsoLogin
// checks the provider's answer against them and returns the verified claims. A provider or
// validation error never reaches the caller as an exception, only as `{ ok: false }` with a
// `detail` for the server log (never for the page: it may name the provider's internals).
//
// Claims come from the validated ID token. Providers that keep e-mail or groups out of the ID
// token (oidc-provider by default, some Okta and ADFS set-ups) give them at the userinfo
// endpoint; only then is it asked, with the access token, and openid-client checks that its
// `sub` is the ID token's.
import * as client from 'openid-client';
import { isLoopbackHttp, type SsoSettings } from './sso-config.ts';

export const SSO_SCOPE = 'openid email profile';

/** How long a provider's discovery document (endpoints, keys URL) is reused before asking again. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export interface SsoClaims {
  issuer: string;
  subject: string;
  /** As the provider gave it (not normalised); null when it gave none. */
  email: string | null;
  /** True only when the provider says the e-mail address is verified. */
  emailVerified: boolean;
  name: string | null;
  /** The values of the configured role claim (OIDC_ROLE_CLAIM), e.g. the person's groups; [] without one. */
  roleValues: string[];
}

export type SsoLoginStart = { url: URL; state: string; nonce: string; codeVerifier: string };
export type SsoLoginFinish = { ok: true; claims: SsoClaims } | { ok: false; reason: 'invalid'; detail: string };

const discoveries = new Map<string, { until: number; configuration: Promise<client.Configuration> }>();

/** The provider's configuration, discovered once per issuer (and client) and kept for an hour; a failed discovery is not kept. */
function configurationFor(settings: SsoSettings): Promise<client.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  const now = Date.now();
  const cached = discoveries.get(key);
  if (cached && now < cached.until) return cached.configuration;
  const issuer = new URL(settings.issuer);
  const configuration = client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), {
    // openid-client talks https only; a provider on this machine (development, tests) may use http.
    execute: isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [],
    timeout: 10,
  });
  discoveries.set(key, { until: now + DISCOVERY_TTL_MS, configuration });
  configuration.catch(() => {
    if (discoveries.get(key)?.configuration === configuration) discoveries.delete(key);
  });
  return configuration;
}

/**
 * The URL to send the browser to, and the three secrets of this login. The caller stores them
 * (storePendingLogin) and ties `state` to the browser (a short cookie), so that a callback only
 * completes a login that this browser started. Rejects when the provider cannot be reached.
 */
export async function beginSsoLogin(settings: SsoSettings, redirectUri: string, options: { forceLogin?: boolean } = {}): Promise<SsoLoginStart> {
  const configuration = await configurationFor(settings);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: SSO_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    // The provider asks for the login again even with a session of its own: a fresh proof.
    ...(options.forceLogin ? { prompt: 'login' } : {}),
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * The callback URL as openid-client must see it: the registered redirect URI with the query the
 * provider sent. Behind a reverse proxy the request's own URL has another origin, and the token
 * request must repeat the registered redirect URI exactly.
 */
export function callbackUrl(redirectUri: string, requestUrl: URL): URL {
  const url = new URL(redirectUri);
  url.search = requestUrl.search;
  return url;
}

/**
 * Checks the provider's answer (`callbackUrl`: see callbackUrl()) against what this login
 * expects, redeems the code and returns the verified claims.
 */
export async function finishSsoLogin(
  settings: SsoSettings,
  callback: URL,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<SsoLoginFinish> {
  try {
    const configuration = await configurationFor(settings);
    const tokens = await client.authorizationCodeGrant(configuration, callback, {
      pkceCodeVerifier: expected.codeVerifier,
      expectedState: expected.state,
      expectedNonce: expected.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) return { ok: false, reason: 'invalid', detail: 'no ID token in the token response' };
    const wantsMore = claimOf(idToken, 'email') === undefined || (settings.roleClaim !== null && claimOf(idToken, settings.roleClaim) === undefined);
    const userinfo =
      wantsMore && configuration.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : undefined;
    return { ok: true, claims: toSsoClaims(settings, idToken, userinfo) };
  } catch (error) {
    return { ok: false, reason: 'invalid', detail: describe(error) };
  }
}

type ClaimSet = Record<string, unknown>;

/** A claim by name; a name with dots that is not itself a claim is a path (Keycloak's `realm_access.roles`). */
function claimOf(claims: ClaimSet, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as ClaimSet)[part];
  }
  return value;
}

function toSsoClaims(settings: SsoSettings, idToken: ClaimSet & { iss: string; sub: string }, userinfo: ClaimSet | undefined): SsoClaims {
  // The e-mail and whether it is verified come as a pair, from the ID token if it has an e-mail.
  const mailSource = typeof idToken.email === 'string' || !userinfo ? idToken : userinfo;
  const email = typeof mailSource.email === 'string' && mailSource.email.trim() !== '' ? mailSource.email.trim() : null;
  const verified = mailSource.email_verified;
  const pick = (name: string) => claimOf(idToken, name) ?? (userinfo ? claimOf(userinfo, name) : undefined);
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email,
    // Some providers send the JSON string "true".
    emailVerified: email !== null && (verified === true || verified === 'true' || settings.trustEmail),
    name: nameOf(pick('name'), pick('given_name'), pick('family_name')),
    roleValues: settings.roleClaim === null ? [] : stringsOf(pick(settings.roleClaim)),
  };
}

function nameOf(name: unknown, given: unknown, family: unknown): string | null {
  if (typeof name === 'string' && name.trim() !== '') return name.trim();
  const parts = [given, family].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? parts.map((part) => part.trim()).join(' ') : null;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** The error and its causes (openid-client wraps the precise one), for the server log. */
function describe(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error);
  const { code, error: oauthError, error_description: description } = error as Error & { code?: unknown; error?: unknown; error_description?: unknown };
  const own = [error.name, code, oauthError, error.message, description].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return error.cause instanceof Error && depth < 3 ? `${own} (${describe(error.cause, depth + 1)})` : own;
}
