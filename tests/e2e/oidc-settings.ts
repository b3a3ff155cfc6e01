// What the app and the test provider agree on for single sign-on in the browser tests: the
// provider's client, and the app's OIDC_* settings pointing at it.
export const OIDC_TEST_CLIENT = { client_id: 'leergang-e2e', client_secret: 'e2e-geheim-alleen-voor-de-browsertests' };
export const SSO_ALLOWED_DOMAIN = 'toegestaan.example';
export const SSO_TRAINER_GROUP = 'leergang-opleiders';

export function appSsoEnv(oidcPort: number): Record<string, string> {
  return {
    OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT.client_id,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.client_secret,
    OIDC_ALLOWED_DOMAINS: SSO_ALLOWED_DOMAIN,
    OIDC_ROLE_CLAIM: 'groups',
    OIDC_TRAINER_VALUES: SSO_TRAINER_GROUP,
    OIDC_ADMIN_VALUES: 'leergang-beheer',
  };
}
