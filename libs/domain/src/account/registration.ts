/**
 * Registration: an activation code by mail, member, nonmember, producer and office
 * administrator sign-ups, accounts made by someone else, legacy imports, and the
 * username a legacy account creates.
 */
import { accept, type DomainError, reject } from '../decider';
import { constantTimeEqual } from '../constant-time';
import { AccountErrors } from '../errors';
import {
  ARGON2_PHC,
  checkPassword,
  checkUsername,
  type FieldProblems,
  hiddenTextProblems,
} from '../password-rules';
import type { AccountPolicy } from '../policy';
import type { NewCredentials } from './commands';
import type { AccountEvent, AccountKind, IssuedBy, Organisation, Profile } from './events';
import { type AccountDecision, type CommandOf, iso, refuseUnlessActive } from './shared';
import type { AccountState } from './state';

export function requestActivationCode(
  command: CommandOf<'RequestActivationCode'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'active') return reject(AccountErrors.alreadyRegistered('member'));
  if (!command.rosterMatched) return reject(AccountErrors.rosterMismatch());
  return accept({
    type: 'ActivationCodeIssued',
    data: {
      accountId: command.accountId,
      codeId: command.codeId,
      codeHash: command.codeHash,
      codeSealed: command.codeSealed,
      memberId: command.memberId,
      expiresAt: iso(command.now + policy.activationCode.lifetimeMs),
    },
  });
}

export function recordActivationCodeMailed(
  command: CommandOf<'RecordActivationCodeMailed'>,
  state: AccountState,
): AccountDecision {
  // A worker records what it did; a duplicate or stale report changes nothing.
  if (state.activation?.id !== command.codeId || state.activation.mailedAt !== undefined) return accept();
  return accept({
    type: 'ActivationCodeMailed',
    data: {
      codeId: command.codeId,
      vendorReference: command.vendorReference,
      mailedAt: iso(command.now),
      expectedDeliveryAt: iso(command.expectedDeliveryAt),
    },
  });
}

export function registerWithActivationCode(
  command: CommandOf<'RegisterWithActivationCode'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const a = state.activation;
  // An account already registered answers like a wrong code: "already registered" would tell
  // anyone holding a member id (no code needed) that its member has an account.
  if (!a || a.used || state.status === 'active') return reject(AccountErrors.activationCodeInvalid());
  if (a.attempts >= policy.activationCode.maxAttempts)
    return reject(AccountErrors.activationCodeAttemptsExceeded());
  if (command.now >= a.expiresAt) return reject(AccountErrors.activationCodeExpired());
  if (!constantTimeEqual(a.hash, command.codeHash))
    return reject(AccountErrors.activationCodeInvalid(), {
      type: 'ActivationCodeFailed',
      data: { codeId: a.id, attempts: a.attempts + 1 },
    });
  const problems = registrationProblems(command, policy, 'member');
  if (problems) return reject(problems);
  return registered(state.accountId ?? '', 'member', 'activation-code', command);
}

export function registerMember(
  command: CommandOf<'RegisterMember'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'active') return reject(AccountErrors.alreadyRegistered('member'));
  const problems = registrationProblems(command, policy, 'member');
  if (problems) return reject(problems);
  if (!command.rosterMatched) return reject(AccountErrors.rosterMismatch());
  return registered(command.accountId, 'member', 'roster-match', command);
}

export function registerNonmember(
  command: CommandOf<'RegisterNonmember'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'active') return reject(AccountErrors.alreadyRegistered('account'));
  const problems = registrationProblems(command, policy, 'nonmember');
  if (problems) return reject(problems);
  return registered(command.accountId, 'nonmember', 'nonmember', {
    ...command,
    profile: { ...command.profile, memberId: undefined },
  });
}

export function registerProducer(
  command: CommandOf<'RegisterProducer'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'active') return reject(AccountErrors.alreadyRegistered('account'));
  const problems = registrationProblems(command, policy, 'producer', {
    ...(command.profile.producerId?.trim() ? {} : { producerId: 'Enter your agency or producer id.' }),
  });
  if (problems) return reject(problems);
  return registered(command.accountId, 'producer', 'producer-online', {
    ...command,
    profile: {
      ...command.profile,
      memberId: undefined,
      producerId: command.profile.producerId?.trim(),
    },
  });
}

export function registerOfficeAdministrator(
  command: CommandOf<'RegisterOfficeAdministrator'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status === 'active') return reject(AccountErrors.alreadyRegistered('account'));
  const problems = registrationProblems(command, policy, 'provider');
  if (problems) return reject(problems);
  return registered(
    command.accountId,
    'provider',
    'office-registration',
    { ...command, profile: { ...command.profile, memberId: undefined } },
    command.office,
  );
}

export function createAccount(
  command: CommandOf<'CreateAccount'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  if (state.status !== 'new') return reject(AccountErrors.alreadyRegistered('account'));
  const fields: FieldProblems = {
    ...profileTextProblems(command.profile),
    ...checkUsername(command.username, policy),
    ...emailProblems(command.profile.email),
  };
  if (!command.profile.firstName.trim()) fields.firstName = 'Enter a first name.';
  if (!command.profile.lastName.trim()) fields.lastName = 'Enter a last name.';
  if (Object.keys(fields).length > 0) return reject(AccountErrors.validationFailed(fields));
  const issuedBy: IssuedBy =
    command.via === 'plan-staff' ? { staffId: command.by } : { administratorId: command.by };
  return accept<AccountEvent>(
    {
      type: 'AccountCreated',
      data: {
        accountId: command.accountId,
        kind: command.kind,
        via: command.via,
        by: command.by,
        profile: { ...command.profile, email: command.profile.email.trim(), memberId: undefined },
        organisation: command.organisation,
      },
    },
    { type: 'UsernameCreated', data: { username: command.username.normalize('NFKC').trim() } },
    {
      type: 'TemporaryPasswordIssued',
      data: { passwordHash: command.passwordHash, passwordSealed: command.passwordSealed, ...issuedBy },
    },
  );
}

export function importLegacyAccount(
  command: CommandOf<'ImportLegacyAccount'>,
  state: AccountState,
): AccountDecision {
  if (state.status !== 'new') return reject(AccountErrors.alreadyRegistered('account'));
  if (!ARGON2_PHC.test(command.passwordHash))
    return reject(
      AccountErrors.validationFailed({ passwordHash: 'Import argon2 password hashes (PHC strings) only.' }),
    );
  return accept({
    type: 'LegacyAccountImported',
    data: {
      accountId: command.accountId,
      memberId: command.memberId,
      passwordHash: command.passwordHash,
      profile: { ...command.profile, memberId: command.memberId },
    },
  });
}

/** A legacy account's way off its member id: a username and an email address. */
export function createUsername(
  command: CommandOf<'CreateUsername'>,
  state: AccountState,
  policy: AccountPolicy,
): AccountDecision {
  const inactive = refuseUnlessActive(state);
  if (inactive) return inactive;
  if (state.username !== undefined) return reject(AccountErrors.usernameAlreadyCreated());
  const fields = { ...checkUsername(command.username, policy), ...emailProblems(command.email) };
  if (Object.keys(fields).length > 0) return reject(AccountErrors.validationFailed(fields));
  return accept<AccountEvent>(
    { type: 'UsernameCreated', data: { username: command.username.normalize('NFKC').trim() } },
    { type: 'EmailChanged', data: { email: command.email.trim() } },
  );
}

export function sendAlreadyRegisteredNotice(
  command: CommandOf<'SendAlreadyRegisteredNotice'>,
  state: AccountState,
): AccountDecision {
  // Only an account someone can sign in to has an owner to tell; the caller hears the same either way.
  if (state.status !== 'active' || state.username === undefined) return accept();
  return accept({
    type: 'AlreadyRegisteredNoticeSent',
    data: { matched: command.matched, requestedAt: iso(command.now) },
  });
}

/** A profile's free text: no direction controls, no broken characters (the answer arrives hashed: the API checks it). */
function profileTextProblems(p: Profile): FieldProblems {
  return hiddenTextProblems({
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    producerId: p.producerId,
  });
}

export function emailProblems(email: string): FieldProblems {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? {} : { email: 'Enter a valid email address.' };
}

function registrationProblems(
  c: NewCredentials & { profile: Profile; termsAccepted: boolean },
  policy: AccountPolicy,
  audience: AccountKind,
  more: FieldProblems = {},
): DomainError | undefined {
  const fields: FieldProblems = {
    ...more,
    ...profileTextProblems(c.profile),
    ...hiddenTextProblems({ securityQuestion: c.securityQuestion }),
    ...checkUsername(c.username, policy),
    ...checkPassword(c.password, c.username, policy, 'password', audience),
    ...emailProblems(c.profile.email),
  };
  if (c.securityQuestion.trim().length < 5) fields.securityQuestion = 'Choose a security question.';
  if (!c.termsAccepted) fields.termsAccepted = 'Agree to the terms and conditions to continue.';
  return Object.keys(fields).length > 0 ? AccountErrors.validationFailed(fields) : undefined;
}

function registered(
  accountId: string,
  kind: AccountKind,
  via: Extract<AccountEvent, { type: 'Registered' }>['data']['via'],
  c: NewCredentials & { now: number; profile: Profile; communication: { email: boolean; text: boolean } },
  organisation?: Organisation,
): AccountDecision {
  return accept<AccountEvent>(
    {
      type: 'Registered',
      data: {
        accountId,
        kind,
        via,
        profile: c.profile,
        ...(organisation ? { organisation } : {}),
        passwordHash: c.passwordHash,
        securityQuestion: c.securityQuestion.trim(),
        securityAnswerHash: c.securityAnswerHash,
        communication: c.communication,
        termsAcceptedAt: iso(c.now),
      },
    },
    { type: 'UsernameCreated', data: { username: c.username.normalize('NFKC').trim() } },
  );
}
