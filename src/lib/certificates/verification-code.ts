// The verification code printed on a certificate: what an auditor or employer types to check it.
// 100 random bits from the platform's CSPRNG, written in 20 characters of base32 (A-Z, 2-7: no 0/O
// or 1/I to confuse) and shown in five groups of four. Typed back, case, spaces and dashes do not
// matter; anything else, including a prefix of a code, is not a code.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Characters in a code; 5 bits each, so 100 bits of chance. */
export const CODE_LENGTH = 20;

/** A code as stored: exactly 20 characters of upper-case base32. */
export const CODE_PATTERN = /^[A-Z2-7]{20}$/;

/** A new random code (stored form). */
export function newVerificationCode(): string {
  // 20 bytes, one per character, each reduced to 5 bits: 256 is a multiple of 32, so no bias.
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** The code for people: ABCD-EFGH-IJKL-MNOP-QRST. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * A typed or linked code in stored form, or undefined when it cannot be one of ours. Only case,
 * spaces and dashes are forgiven; the length must be exact, so a prefix never matches.
 */
export function parseCode(input: string): string | undefined {
  if (input.length > 64) return undefined;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}
