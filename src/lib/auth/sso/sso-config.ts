// Single sign-on settings, read from the environment like everything else (src/lib/env.ts). SSO is
// off unless OIDC_ISSUER is set; once it is, a missing or unsafe setting stops the start-up with a
// Dutch message instead of a login button that fails later. A role claim without any values that
// map to trainer or admin is refused too: it would quietly make every trainer and admin a learner
// on their next SSO login.
import { z } from 'astro/zod';
import { t } from '../../i18n/nl.ts';

export const DEFAULT_SSO_LABEL = t.sso.title;

export interface SsoSettings {
  /** The issuer identifier exactly as configured (the ID token's `iss` must match it). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lowercased e-mail domains whose people get an account on their first SSO login; empty: invitations only. */
  allowedDomains: string[];
  /** The claim whose values decide the role on every SSO login, e.g. `groups`; null: SSO never changes a role. */
  roleClaim: string | null;
  trainerValues: string[];
  adminValues: string[];
  /** The text of the login button. */
  label: string;
  /**
   * Take the provider's e-mail address as verified even without `email_verified`: Microsoft Entra
   * ID does not send that claim. Only for a provider whose e-mail addresses the organisation
   * itself hands out (a single-tenant issuer), never for one where people type their own.
   */
  trustEmail: boolean;
  /** The redirect URI registered at the provider; null: this site's /inloggen/organisatie/terug as the request names it. */
  redirectUri: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http is only acceptable when the provider runs on this machine (development, tests). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankIsUnset, z.string().trim().optional());
const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

function issuerProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return 'moet een volledige URL zijn, bijv. https://login.gemeente.nl';
  const url = new URL(value);
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) return 'moet met https:// beginnen (http:// alleen voor 127.0.0.1, localhost of [::1])';
  if (value.includes('?') || value.includes('#')) return 'een issuer heeft geen ? of #';
  return undefined;
}

const ssoSchema = z
  .object({
    OIDC_ISSUER: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const problem = issuerProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    OIDC_CLIENT_ID: z.preprocess(blankIsUnset, z.string({ error: 'ontbreekt: de client-id die de identiteitsprovider gaf' }).trim()),
    OIDC_CLIENT_SECRET: z.preprocess(blankIsUnset, z.string({ error: 'ontbreekt: het client-geheim dat de identiteitsprovider gaf' })),
    OIDC_ALLOWED_DOMAINS: optionalText
      .transform((value) => list(value).map((domain) => domain.toLowerCase()))
      .refine((domains) => domains.every((domain) => DOMAIN.test(domain)), {
        error: 'moet een lijst van domeinen zijn, gescheiden door komma’s, zonder @ (bijv. utrecht.nl,amersfoort.nl)',
      }),
    OIDC_ROLE_CLAIM: optionalText,
    OIDC_TRAINER_VALUES: optionalText.transform(list),
    OIDC_ADMIN_VALUES: optionalText.transform(list),
    OIDC_NAME: optionalText,
    OIDC_TRUST_EMAIL: z.preprocess(blankIsUnset, z.enum(['ja', 'nee'], { error: 'moet ja of nee zijn' }).default('nee')),
    OIDC_REDIRECT_URI: optionalText.refine(
      (value) => value === undefined || (URL.canParse(value) && new URL(value).pathname === '/inloggen/organisatie/terug'),
      {
        error: 'moet de volledige URL van /inloggen/organisatie/terug op deze site zijn, bijv. https://leergang.gemeente.nl/inloggen/organisatie/terug',
      },
    ),
  })
  .superRefine((env, ctx) => {
    const hasValues = env.OIDC_TRAINER_VALUES.length > 0 || env.OIDC_ADMIN_VALUES.length > 0;
    if (env.OIDC_ROLE_CLAIM && !hasValues) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ROLE_CLAIM'],
        message: 'zonder OIDC_TRAINER_VALUES of OIDC_ADMIN_VALUES zou elke opleider en beheerder bij de volgende SSO-login professional worden',
      });
    }
    if (!env.OIDC_ROLE_CLAIM && hasValues) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ROLE_CLAIM'],
        message: 'ontbreekt: OIDC_TRAINER_VALUES en OIDC_ADMIN_VALUES werken alleen met de claim waarin die waarden staan (bijv. groups)',
      });
    }
  });

/**
 * The SSO settings in `source`, or null when OIDC_ISSUER is not set (SSO off). Throws with every
 * problem in Dutch when it is set but something is missing or wrong.
 */
export function readSsoSettings(source: Record<string, string | undefined> = process.env): SsoSettings | null {
  if (blankIsUnset(source.OIDC_ISSUER) === undefined) return null;
  const result = ssoSchema.safeParse(source);
  if (!result.success) {
    const messages = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Ongeldige SSO-instellingen: ${messages}`);
  }
  const env = result.data;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
    roleClaim: env.OIDC_ROLE_CLAIM ?? null,
    trainerValues: env.OIDC_TRAINER_VALUES,
    adminValues: env.OIDC_ADMIN_VALUES,
    label: env.OIDC_NAME ?? DEFAULT_SSO_LABEL,
    trustEmail: env.OIDC_TRUST_EMAIL === 'ja',
    redirectUri: env.OIDC_REDIRECT_URI ?? null,
  };
}

let cached: { settings: SsoSettings | null } | undefined;

/** The process's SSO settings, read once; null when single sign-on is off. */
export function getSsoSettings(): SsoSettings | null {
  cached ??= { settings: readSsoSettings(process.env) };
  return cached.settings;
}
