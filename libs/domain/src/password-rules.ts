/**
 * The checks on a chosen username and password. Each returns every problem at
 * once, keyed by field, so the portal can show red text beside each field.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { normaliseLookup } from './lookup-keys';
import type { AccountKind } from './account/events';
import { type AccountPolicy, passwordMinLength } from './policy';

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

/**
 * A new username: after NFKC (fullwidth "ｐａｔ" is "pat"), ASCII letters and digits and
 * `. _ - @` only. A letter of another script can look exactly like a Latin one (Cyrillic
 * "а" and Latin "a"): allowing them would let "pаtexample" be a second account that reads
 * as "patexample" in an email or on support's screen. Usernames created before this rule
 * keep working (it applies where a username is chosen, not where one is looked up).
 */
export function checkUsername(username: string, policy: AccountPolicy): FieldProblems {
  const u = username.normalize('NFKC').trim();
  const { minLength, maxLength } = policy.username;
  if (u.length < minLength) return { username: `Use at least ${minLength} characters.` };
  if (u.length > maxLength) return { username: `Use at most ${maxLength} characters.` };
  if (!/^[A-Za-z0-9._@-]+$/.test(u))
    return { username: 'Use letters a-z, digits 0-9, and . _ - @ only (no spaces, no accents).' };
  return {};
}

/** Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the direction marks (U+200E, U+200F, U+061C). */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Half of a UTF-16 pair without its other half: it has no character, and turns into U+FFFD on the way out. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What is wrong with free text a person typed (a name, a security question, an address),
 * or undefined. Refused: characters that reorder what is shown around them (a right-to-left
 * override makes "Pat\u202Egpj.exe" read "Patexe.jpg") and broken UTF-16.
 */
export function hiddenTextProblem(value: string, field: string): string | undefined {
  if (DIRECTION_CONTROLS.test(value))
    return `${field} must not contain hidden characters that change the direction of the text`;
  if (LONE_SURROGATE.test(value)) return `${field} must not contain broken characters (a lone surrogate)`;
  return undefined;
}

/** hiddenTextProblem of each field given, keyed by field. */
export function hiddenTextProblems(fields: Record<string, string | undefined>): FieldProblems {
  const out: FieldProblems = {};
  for (const [field, value] of Object.entries(fields)) {
    const problem = value === undefined ? undefined : hiddenTextProblem(value, field);
    if (problem) out[field] = problem;
  }
  return out;
}

/**
 * `audience`: the kind of account the password is for (its own least length, if the policy gives
 * one); left out where it is not known (a form's early check), the loosest of all audiences.
 */
export function checkPassword(
  password: string,
  username: string | undefined,
  policy: AccountPolicy,
  field = 'password',
  audience?: AccountKind,
): FieldProblems {
  const rule = policy.password;
  const minLength = passwordMinLength(policy, audience);
  const missing: string[] = [];
  if (password.length < minLength) missing.push(`at least ${minLength} characters`);
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
