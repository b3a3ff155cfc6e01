// Signing in with an organisation account, as two steps the pages call: start (make the provider
// URL and keep this login's secrets) and complete (check the provider's answer, decide who may
// enter, write the audit entry). The session afterwards is the platform's own (start-session.ts),
// started by the page. No HTTP here: the page passes the state its cookie kept and the URL the
// provider sent the browser back to.
import type { Db } from '../../../../db/client.ts';
import { auditLog } from '../../../../db/schema.ts';
import { admitSsoUser, type AdmitHow } from './admit.ts';
import { beginSsoLogin, callbackUrl, finishSsoLogin } from './openid.ts';
import { storePendingLogin, takePendingLogin, PENDING_LOGIN_LIFETIME_MS } from './pending-login.ts';
import type { SsoSettings } from './sso-config.ts';
import type { SsoFailure } from './sso-messages.ts';

export const SSO_CALLBACK_PATH = '/inloggen/organisatie/terug';
export { PENDING_LOGIN_LIFETIME_MS };

/** The redirect URI registered at the provider: the configured one, else this site's callback. */
export function redirectUriFor(settings: SsoSettings, requestUrl: URL): string {
  return settings.redirectUri ?? new URL(SSO_CALLBACK_PATH, requestUrl).href;
}

export type SsoStart = { ok: true; url: string; state: string } | { ok: false; reason: 'unreachable'; detail: string };

/** Where to send the browser, and the state to keep in its cookie. */
export async function startSsoLogin(
  db: Db,
  settings: SsoSettings,
  input: { redirectUri: string; returnTo: string | null; forceLogin?: boolean },
  now = Date.now(),
): Promise<SsoStart> {
  let start;
  try {
    start = await beginSsoLogin(settings, input.redirectUri, { forceLogin: input.forceLogin ?? false });
  } catch (error) {
    return { ok: false, reason: 'unreachable', detail: (error as Error).message };
  }
  await storePendingLogin(db, { state: start.state, nonce: start.nonce, codeVerifier: start.codeVerifier, returnTo: input.returnTo }, now);
  return { ok: true, url: start.url.href, state: start.state };
}

export type SsoCompletion =
  { ok: true; userId: string; how: AdmitHow; returnTo: string | null } | { ok: false; reason: SsoFailure | 'cancelled'; detail?: string };

/**
 * Finishes a login. `browserState`: what this browser's cookie kept when it left (undefined when it
 * has none); the provider's answer must carry the same state, and the login's secrets are found
 * and used up under it — so a callback link made in another browser signs nobody in here.
 */
export async function completeSsoLogin(
  db: Db,
  settings: SsoSettings,
  input: { redirectUri: string; requestUrl: URL; browserState: string | undefined },
  now = Date.now(),
): Promise<SsoCompletion> {
  const query = input.requestUrl.searchParams;
  if (!input.browserState) return { ok: false, reason: 'expired' };
  const pending = await takePendingLogin(db, input.browserState, now);
  // The person chose "cancel" at the provider (or it refused them): no verdict about who they are.
  if (query.has('error')) return { ok: false, reason: 'cancelled', detail: query.get('error') ?? '' };
  if (!pending) return { ok: false, reason: 'expired' };
  const finished = await finishSsoLogin(settings, callbackUrl(input.redirectUri, input.requestUrl), {
    state: input.browserState,
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
  });
  if (!finished.ok) return { ok: false, reason: 'invalid', detail: finished.detail };
  const admitted = await admitSsoUser(db, settings, finished.claims, now);
  if (!admitted.ok) return admitted;
  if (admitted.how !== 'known') {
    await db.insert(auditLog).values({
      at: now,
      actorId: null,
      action: admitted.how === 'linked' ? 'sso-gekoppeld' : 'sso-account-gemaakt',
      subjectId: admitted.userId,
      detail: admitted.how,
    });
  }
  return { ok: true, userId: admitted.userId, how: admitted.how, returnTo: pending.returnTo };
}
