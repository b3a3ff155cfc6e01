// What the login page says when single sign-on does not let someone in, one text per reason
// (admit.ts, and 'invalid'/'expired' for a failed or stale callback). Dutch, as all interface text.
import type { SsoRefusal } from './admit.ts';

export type SsoFailure = SsoRefusal | 'invalid' | 'expired';

export const SSO_MESSAGES = {
  deactivated: 'Je account is uitgeschakeld. Neem contact op met je opleider of de beheerder van de Leergang.',
  'email-not-verified':
    'Je organisatie-account geeft geen bevestigd e-mailadres door, dus we weten niet zeker wie je bent. Vraag je opleider om een uitnodiging.',
  'domain-not-allowed':
    'Je organisatie-account hoort niet bij een gemeente die toegang heeft tot de Leergang. Vraag je opleider om een uitnodiging.',
  invalid: 'Inloggen met je organisatie-account is niet gelukt. Probeer het opnieuw.',
  expired: 'Deze inlogpoging is verlopen of al gebruikt. Probeer het opnieuw.',
} as const satisfies Record<SsoFailure, string>;
