/**
 * What the signed-in owner changes about how we reach them and how they prove who
 * they are: the email address (only once a code sent to the new address comes
 * back), the phone number, the security question and its answer. The API keeps
 * the email reservation in step (claims the new address before the confirmation,
 * releases the old one after it).
 */
import { accept, reject } from '../decider';
import { constantTimeEqual } from '../constant-time';
import { AccountErrors } from '../errors';
import { type FieldProblems, hiddenTextProblems } from '../password-rules';
import type { AccountPolicy } from '../policy';
import { emailProblems } from './registration';
import {
  type AccountDecision,
  type CommandOf,
  iso,
  refuseOverResendLimit,
  refuseUnlessActive,
} from './shared';
import type { AccountState } from './state';

const problems = (fields: FieldProblems): AccountDecision | undefined =>
  Object.keys(fields).length > 0 ? reject(AccountErrors.validationFailed(fields)) : undefined;

export function requestEmailChange(
  command: CommandOf<'RequestEmailChange'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (!command.currentPasswordMatches) return reject(AccountErrors.currentPasswordWrong());
  const email = command.email.trim();
  const bad = problems({ ...hiddenTextProblems({ email }), ...emailProblems(email) });
  if (bad) return bad;
  if (email.toLowerCase() === state.profile?.email.toLowerCase())
    return reject(AccountErrors.validationFailed({ email: 'That is already your email address.' }));
  const overLimit = refuseOverResendLimit(state.emailChange?.sends ?? [], command.now, policy);
  if (overLimit) return overLimit;
  return accept({
    type: 'EmailChangeRequested',
    data: {
      changeId: command.code.changeId,
      email,
      codeHash: command.code.codeHash,
      codeSealed: command.code.codeSealed,
      expiresAt: iso(command.now + policy.emailCode.lifetimeMs),
    },
  });
}

export function confirmEmailChange(
  command: CommandOf<'ConfirmEmailChange'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  const pending = state.emailChange;
  if (!pending) return reject(AccountErrors.emailChangeNotStarted());
  if (pending.attempts >= policy.emailCode.maxAttempts) return reject(AccountErrors.codeAttemptsExceeded());
  if (command.now >= pending.expiresAt) return reject(AccountErrors.codeExpired());
  if (!constantTimeEqual(pending.hash, command.codeHash))
    return reject(AccountErrors.codeInvalid(), {
      type: 'EmailChangeFailed',
      data: { changeId: pending.id, attempts: pending.attempts + 1 },
    });
  const previousEmail = state.profile?.email;
  return accept(
    { type: 'EmailChanged', data: { email: pending.email, ...(previousEmail ? { previousEmail } : {}) } },
    // The code came back from the new address: it is verified.
    { type: 'EmailVerified', data: { email: pending.email } },
  );
}

/** The same rule as the API's (a phone has 10 to 15 digits, with the usual separators). */
function phoneProblems(phone: string): FieldProblems {
  const digits = /^\+?[0-9 ().-]+$/.test(phone) ? phone.replace(/\D/g, '') : '';
  return digits.length >= 10 && digits.length <= 15 && phone.length <= 32
    ? {}
    : { phone: 'Enter a phone number of 10 to 15 digits.' };
}

export function changePhone(command: CommandOf<'ChangePhone'>, state: AccountState): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  const phone = command.phone.trim();
  const bad = problems(phoneProblems(phone));
  if (bad) return bad;
  if (state.profile?.phone === phone) return accept();
  return accept({ type: 'PhoneChanged', data: { phone } });
}

/** The answer arrives argon2-hashed, as at registration; the question is checked as there. */
export function changeSecurityQuestion(
  command: CommandOf<'ChangeSecurityQuestion'>,
  state: AccountState,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (!command.currentPasswordMatches) return reject(AccountErrors.currentPasswordWrong());
  const securityQuestion = command.securityQuestion.trim();
  const fields = hiddenTextProblems({ securityQuestion });
  if (securityQuestion.length < 5) fields.securityQuestion = 'Choose a security question.';
  const bad = problems(fields);
  if (bad) return bad;
  return accept({
    type: 'SecurityQuestionChanged',
    data: { securityQuestion, securityAnswerHash: command.securityAnswerHash },
  });
}
