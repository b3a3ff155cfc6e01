// The account forms, each a zod schema with Dutch messages. Pages read them with postForm
// (src/lib/http/post-form.ts) and show its `fieldErrors` next to the fields.
import { z } from 'astro/zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password.ts';
import { safeReturnTarget } from '../http/safe-redirect.ts';
import { t } from '../i18n/nl.ts';

const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

const email = one(
  z
    .string({ error: t.validation.required })
    .trim()
    .min(1, { error: t.validation.required })
    .max(254, { error: t.validation.tooLong(254) })
    .pipe(z.email({ error: t.validation.email })),
);
const anyPassword = one(
  z
    .string({ error: t.validation.required })
    .min(1, { error: t.validation.required })
    .max(PASSWORD_MAX_LENGTH, { error: t.validation.tooLong(PASSWORD_MAX_LENGTH) }),
);
const newPassword = one(
  z
    .string({ error: t.validation.required })
    .min(PASSWORD_MIN_LENGTH, { error: t.validation.tooShort(PASSWORD_MIN_LENGTH) })
    .max(PASSWORD_MAX_LENGTH, { error: t.validation.tooLong(PASSWORD_MAX_LENGTH) }),
);
const name = one(
  z
    .string({ error: t.validation.required })
    .trim()
    .min(2, { error: t.validation.tooShort(2) })
    .max(100, { error: t.validation.tooLong(100) }),
);

export const loginFormSchema = z.object({ email, password: anyPassword });

export const acceptInvitationFormSchema = z
  .object({ name, password: newPassword, passwordRepeat: anyPassword })
  .refine((f) => f.password === f.passwordRepeat, { error: t.validation.mismatch, path: ['passwordRepeat'] });

export const forgotPasswordFormSchema = z.object({ email });

export const resetPasswordFormSchema = z
  .object({ password: newPassword, passwordRepeat: anyPassword })
  .refine((f) => f.password === f.passwordRepeat, { error: t.validation.mismatch, path: ['passwordRepeat'] });

export const changePasswordFormSchema = z
  .object({ current: anyPassword, password: newPassword, passwordRepeat: anyPassword })
  .refine((f) => f.password === f.passwordRepeat, { error: t.validation.mismatch, path: ['passwordRepeat'] });

export const invitationFormSchema = z.object({
  email,
  role: one(z.enum(['learner', 'trainer', 'admin'], { error: t.team.chooseRole })),
});

/**
 * Deleting one's own account: the e-mail address typed as a confirmation, and the password (none
 * for an account without one). Never refused here: a wrong or missing value is a mismatch the
 * page explains, the same as a wrong password.
 */
const typed = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.slice(0, max) : ''), z.string());
export const deleteAccountFormSchema = z.object({ email: typed(Infinity), password: typed(200) });

/**
 * Where to go back to after a form post: only a path on this site, never another host. The same
 * rule as the login's `terug` (src/lib/http/safe-redirect.ts); the origin here is a stand-in,
 * since only path, query and fragment are ever returned.
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/modules'): string {
  return safeReturnTarget(value, 'https://leergang.invalid', fallback);
}
