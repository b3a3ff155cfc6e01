// What the login page says when single sign-on does not let someone in, one text per reason
// (admit.ts, and 'invalid'/'expired' for a failed or stale callback). The texts are in nl.ts.
import { t } from '../../i18n/nl.ts';
import type { SsoRefusal } from './admit.ts';

export type SsoFailure = SsoRefusal | 'invalid' | 'expired';

export const SSO_MESSAGES: Readonly<Record<SsoFailure, string>> = t.sso.refused;
