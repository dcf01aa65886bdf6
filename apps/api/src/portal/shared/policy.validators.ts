/**
 * The domain's username and password rules as class-validator constraints, so a
 * registration form hears about them together with every other bad field
 * (seed 000: "red text identifying where the problem lies"), under the deployment's
 * policy (the validation pipe sets it on the form: validation-context.ts in libs/runtime),
 * so a PASSWORD_MIN_LENGTH of 14 is refused at the form, with the other bad fields. The
 * handler checks them again; this copy makes the errors come at once. A form validated
 * outside the app's pipe (a unit test) is checked under the defaults.
 * Also the forms' own field rules: a date of birth, a phone number, a member id,
 * text that is not blank, and free text without hidden direction controls or broken
 * characters (the domain's hiddenTextProblem: on every name, question, answer and address).
 */
import {
  type AccountKind,
  type AccountPolicy,
  checkPassword,
  checkUsername,
  DEFAULT_POLICY,
  hiddenTextProblem,
} from '@portal/domain';
import { validationContextOf } from '@portal/runtime';
import {
  isEmail,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

/** The policy the form is checked under: the app's, set by its validation pipe, or the defaults. */
function policyOf(args: ValidationArguments): AccountPolicy {
  return validationContextOf(args.object)?.policy ?? DEFAULT_POLICY;
}

/**
 * Whose account a form's password is for, where the form knows it: a request class says so in a
 * static `passwordAudience` (the registration forms). Otherwise (a change or reset of a password,
 * the account not yet known) the loosest audience's length: the domain applies the account's own.
 */
export interface PasswordAudienceForm {
  passwordAudience?: AccountKind;
}

function audienceOf(args: ValidationArguments): AccountKind | undefined {
  return (args.object.constructor as PasswordAudienceForm).passwordAudience;
}

@ValidatorConstraint({ name: 'usernamePolicy' })
class UsernamePolicy implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && Object.keys(checkUsername(value, policyOf(args))).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string'
      ? (checkUsername(args.value, policyOf(args)).username ?? '')
      : 'username must be text';
  }
}

@ValidatorConstraint({ name: 'passwordPolicy' })
class PasswordPolicy implements ValidatorConstraintInterface {
  private problem(args: ValidationArguments): string | undefined {
    const username = (args.object as { username?: unknown }).username;
    if (typeof args.value !== 'string') return `${args.property} must be text`;
    return Object.values(
      checkPassword(
        args.value,
        typeof username === 'string' ? username : undefined,
        policyOf(args),
        args.property,
        audienceOf(args),
      ),
    )[0];
  }
  validate(_value: unknown, args: ValidationArguments): boolean {
    return this.problem(args) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args) ?? '';
  }
}

export function MeetsUsernamePolicy(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      target: target.constructor,
      propertyName: property,
      options,
      validator: UsernamePolicy,
    });
}

export function MeetsPasswordPolicy(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      target: target.constructor,
      propertyName: property,
      options,
      validator: PasswordPolicy,
    });
}

/** A form field's own checks, each with its message (undefined: the value is fine). */
type FieldCheck = (value: unknown, property: string) => string | undefined;

function fieldDecorator(name: string, check: FieldCheck) {
  return (options?: ValidationOptions) => (target: object, property: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => check(value, args.property) === undefined,
        defaultMessage: (args: ValidationArguments) => check(args.value, args.property) ?? '',
      },
    });
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The oldest date of birth taken, in years before today. */
export const OLDEST_AGE_YEARS = 130;

/**
 * A date of birth as `YYYY-MM-DD`: a day the calendar has, not after today (a day's
 * grace, for the time zones ahead of UTC), and at most OLDEST_AGE_YEARS ago.
 * `now` is for tests.
 */
export function dateOfBirthProblem(value: unknown, property: string, now = Date.now()): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${property} must be a date as YYYY-MM-DD`;
  const day = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== value)
    return `${property} must be a day on the calendar`;
  if (day > now + DAY_MS) return `${property} cannot be in the future`;
  if (Number(value.slice(0, 4)) < new Date(now).getUTCFullYear() - OLDEST_AGE_YEARS)
    return `${property} cannot be more than ${OLDEST_AGE_YEARS} years ago`;
  return undefined;
}

export const IsDateOfBirth = fieldDecorator('dateOfBirth', (value, property) =>
  dateOfBirthProblem(value, property),
);

/**
 * A phone number as people write it: digits, with spaces, dashes, dots, parentheses
 * and a leading + if they like; 10 to 15 digits (a US number, with or without its 1,
 * or an international one), 32 characters at most. Required unless IsOptional says not.
 */
export function phoneProblem(value: unknown, property: string): string | undefined {
  if (value === undefined || value === null) return `${property} must be given`;
  const digits =
    typeof value === 'string' && value.length <= 32 && /^\+?[0-9 ().-]+$/.test(value)
      ? value.replace(/\D/g, '')
      : '';
  return digits.length >= 10 && digits.length <= 15
    ? undefined
    : `${property} must be a phone number: 10 to 15 digits (spaces, dashes, dots, parentheses and a leading + are fine)`;
}

export const IsPhone = fieldDecorator('phone', phoneProblem);

/** A member id as printed on the ID card: letters, digits, spaces and dashes, 32 characters at most. */
export function isMemberId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 32 && /^[A-Za-z0-9 -]+$/.test(value);
}

export const IsMemberId = fieldDecorator('memberId', (value, property) =>
  isMemberId(value) ? undefined : `${property} must be the id printed on your ID card`,
);

/**
 * Text with at least `min` characters besides the spaces around it, no control
 * characters (a NUL or a line break in a name would reach letters and support's
 * screens), and nothing IsPlainText refuses: "   " is not a last name, and the domain
 * trims a security question before it counts its length.
 */
export function HasText(min = 1, options?: ValidationOptions) {
  return fieldDecorator('hasText', (value, property) => {
    if (typeof value !== 'string' || value.trim().length < min)
      return min === 1
        ? `${property} must not be blank`
        : `${property} must have at least ${min} characters besides spaces`;
    return plainTextProblem(value, property);
  })(options);
}

function plainTextProblem(value: string, property: string): string | undefined {
  if (/\p{Cc}/u.test(value)) return `${property} must be one line of text, without control characters`;
  return hiddenTextProblem(value, property);
}

/**
 * Free text that may be anything else (an email address, an organisation's name or id, a
 * security answer): one line, no direction controls (U+202A–202E, U+2066–2069, U+200E/200F,
 * U+061C), no lone surrogates. Not a type check: pair it with IsString or IsEmailAddress.
 */
export const IsPlainText = fieldDecorator('plainText', (value, property) =>
  typeof value === 'string' ? plainTextProblem(value, property) : undefined,
);

/**
 * An email address: text IsPlainText takes, that validator's isEmail takes. The text is
 * checked first because isEmail measures an address with encodeURI, which throws on a
 * lone surrogate, and a throw fails the whole form as a 500 instead of naming the field.
 */
export const IsEmailAddress = fieldDecorator('emailAddress', (value, property) => {
  if (typeof value !== 'string') return `${property} must be a valid email address`;
  return (
    plainTextProblem(value, property) ??
    (isEmail(value) ? undefined : `${property} must be a valid email address`)
  );
});
