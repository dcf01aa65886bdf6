/**
 * Accounts of the member portal from before usernames (seed 004, "How do I log in
 * if I already have a HAP Member Portal account?"): each is a member id and the old
 * portal's password hash. The import records one `LegacyAccountImported` per member
 * on the roster, with the roster's name and date of birth, and reserves the member
 * id, so the member cannot also register a second account. Such an account logs in
 * with its member id until it creates a username (POST /v1/login/create-username).
 */
import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { DomainError } from '@portal/domain';

export type LegacyImportOutcome = 'imported' | 'has-account' | 'not-on-roster';

/** Imports one account; safe to run again (a member that has an account is left alone). */
export async function importLegacyAccount(
  accounts: Accounts,
  memberId: string,
  passwordHash: string,
  ctx: CommandContext,
): Promise<LegacyImportOutcome> {
  const entry = await accounts.deps.roster.getByMemberId(memberId);
  if (!entry) return 'not-on-roster';
  const accountId = randomUUID();
  try {
    await accounts.claim('member', entry.memberId, accountId, ctx);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'MEMBER_ALREADY_REGISTERED') return 'has-account';
    throw error;
  }
  try {
    await accounts.run(
      accountId,
      {
        type: 'ImportLegacyAccount',
        accountId,
        memberId: entry.memberId,
        passwordHash,
        profile: {
          firstName: entry.firstName,
          lastName: entry.lastName,
          dateOfBirth: entry.dateOfBirth,
          email: '',
        },
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
  } catch (error) {
    await accounts.release('member', entry.memberId, accountId, ctx);
    throw error;
  }
  return 'imported';
}
