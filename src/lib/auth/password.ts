// Password hashing with argon2id. Parameters follow OWASP's minimum (19 MiB, 2 passes).
import { channel } from 'node:diagnostics_channel';
import { hash, verify } from '@node-rs/argon2';

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Announces every verification (argon2 run), including those against the dummy hash. Costs nothing
 * without a subscriber; the throttle tests subscribe to count how many guesses were really checked,
 * which the results alone cannot show (a check that ran and was refused afterwards looks the same).
 */
export const passwordVerifications = channel('leergang:password-verification');

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  passwordVerifications.publish(null);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed login, not a crash
  }
}

/** A hash of nothing in particular, verified when an account does not exist so that timing does not tell. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('geen-account-hier-aanwezig');
  await verifyPassword(await dummyHash, password);
  return false;
}
