/**
 * What both registrations share: the policy's field errors before any slow work,
 * the reservations of unique values (given back if anything later fails), the
 * argon2 hashes, and the command through the pipeline.
 */
import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { CommandContext, ReservationKind } from '@portal/command';
import { type AccountCommand, checkPassword, checkUsername, DomainError, type Profile } from '@portal/domain';
import type { RosterEntry } from '@portal/roster';
import type { RegisterNonmemberRequest } from './register-nonmember/register-nonmember.request';

export interface Credentials {
  username: string;
  password: string;
  securityAnswer: string;
}

export async function registerAccount(
  accounts: Accounts,
  ctx: CommandContext,
  credentials: Credentials,
  unique: [ReservationKind, string][],
  command: (
    accountId: string,
    hashes: { passwordHash: string; securityAnswerHash: string },
  ) => AccountCommand,
  /** An account that already has a stream (one waiting for its activation code); a new one otherwise. */
  existingAccountId?: string,
): Promise<void> {
  const fields = {
    ...checkUsername(credentials.username, accounts.policy),
    ...checkPassword(credentials.password, credentials.username, accounts.policy),
  };
  if (Object.keys(fields).length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      'Some fields need attention. Each is named in "fields".',
      fields,
    );
  const accountId = existingAccountId ?? randomUUID();
  const claimed: [ReservationKind, string][] = [];
  const giveBack = async () => {
    for (const [kind, value] of claimed.reverse()) await accounts.release(kind, value, accountId, ctx);
  };
  try {
    for (const [kind, value] of unique) {
      await accounts.claim(kind, value, accountId, ctx);
      claimed.push([kind, value]);
    }
    const [passwordHash, securityAnswerHash] = await Promise.all([
      accounts.deps.hasher.hash(credentials.password),
      accounts.deps.hasher.hash(credentials.securityAnswer),
    ]);
    await accounts.run(accountId, command(accountId, { passwordHash, securityAnswerHash }), ctx);
  } catch (error) {
    await giveBack();
    throw error;
  }
}

/** The fields every registration command takes from the form. */
export function formFields(
  r: RegisterNonmemberRequest,
  hashes: { passwordHash: string; securityAnswerHash: string },
  ctx: CommandContext,
) {
  return {
    username: r.username,
    password: r.password,
    ...hashes,
    securityQuestion: r.securityQuestion,
    communication: r.communication,
    termsAccepted: r.termsAccepted,
    now: ctx.occurredAt.getTime(),
  };
}

/** A member's profile: name and date of birth as the roster has them, contact details from the form. */
export function memberProfile(entry: RosterEntry, r: RegisterNonmemberRequest): Profile {
  return {
    firstName: entry.firstName,
    lastName: entry.lastName,
    dateOfBirth: entry.dateOfBirth,
    email: r.email,
    phone: r.phone,
    memberId: entry.memberId,
  };
}
