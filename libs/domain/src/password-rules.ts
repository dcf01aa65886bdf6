/**
 * The checks on a chosen username and password. Each returns every problem at
 * once, keyed by field, so the portal can show red text beside each field.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { normaliseLookup } from './lookup-keys';
import type { AccountPolicy } from './policy';

export type FieldProblems = Record<string, string>;

let common: ReadonlySet<string> | undefined;
/** zxcvbn-ts's list of the most used passwords (lower case), loaded on first use. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  return common;
}

/** True for a password on the common list, also once trailing digits and symbols ("Password2024!") are removed. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  const list = commonPasswords();
  return list.has(lower) || (stem.length >= 4 && list.has(stem));
}

/**
 * An argon2 hash as a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`, the
 * parameters in any order): what an imported password hash must be.
 */
export const ARGON2_PHC =
  /^\$argon2(id|i|d)\$(v=\d+\$)?[a-z]+=[A-Za-z0-9+/]+(,[a-z]+=[A-Za-z0-9+/]+)*\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** A username as lookups, reservations and limits compare it (see lookup-keys.ts). */
export function normaliseUsername(username: string): string {
  return normaliseLookup('username', username);
}

export function checkUsername(username: string, policy: AccountPolicy): FieldProblems {
  const u = username.normalize('NFKC').trim();
  const { minLength, maxLength } = policy.username;
  if (u.length < minLength) return { username: `Use at least ${minLength} characters.` };
  if (u.length > maxLength) return { username: `Use at most ${maxLength} characters.` };
  if (!/^[\p{L}\p{N}._@-]+$/u.test(u)) return { username: 'Use letters, digits, and . _ - @ only.' };
  return {};
}

export function checkPassword(
  password: string,
  username: string | undefined,
  policy: AccountPolicy,
  field = 'password',
): FieldProblems {
  const rule = policy.password;
  const missing: string[] = [];
  if (password.length < rule.minLength) missing.push(`at least ${rule.minLength} characters`);
  if (rule.requireUpper && !/\p{Lu}/u.test(password)) missing.push('an upper-case letter');
  if (rule.requireLower && !/\p{Ll}/u.test(password)) missing.push('a lower-case letter');
  if (rule.requireDigit && !/\p{Nd}/u.test(password)) missing.push('a number');
  if (password.length > rule.maxLength) return { [field]: `Use at most ${rule.maxLength} characters.` };
  if (missing.length > 0) return { [field]: `Your password must include ${missing.join(', ')}.` };
  // Compared without case: "Member2024Smith" and username "member2024smith" are the same to a guesser.
  if (username !== undefined && normaliseUsername(password) === normaliseUsername(username))
    return { [field]: 'Your password cannot be the same as your username.' };
  if (rule.rejectCommon && isCommonPassword(password))
    return { [field]: 'That password is too common. Choose one that is harder to guess.' };
  return {};
}
