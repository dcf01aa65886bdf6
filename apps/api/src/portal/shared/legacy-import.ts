/**
 * Accounts of the member portal from before usernames (seed 004, "How do I log in
 * if I already have a HAP Member Portal account?"): each is a member id and the old
 * portal's password hash. The import records one `LegacyAccountImported` per member
 * on the roster, with the roster's name and date of birth, and reserves the member
 * id, so the member cannot also register a second account. Such an account logs in
 * with its member id until it creates a username (POST /v1/login/create-username).
 */
import type { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { DomainError } from '@portal/domain';

export type LegacyImportOutcome = 'imported' | 'has-account' | 'not-on-roster';

/** The id of a member's imported account: derived from the member id, the same at every run. */
export function legacyAccountId(accounts: Accounts, memberId: string): string {
  return accounts.keyedUuid('member', `legacy\0${accounts.lookupKey('member', memberId)}`);
}

/**
 * Imports one account; safe to run again. The account id is derived from the member
 * id, so a run that stopped between reserving the member id and recording the
 * account finishes it the next time; a member another account holds is left alone.
 */
export async function importLegacyAccount(
  accounts: Accounts,
  memberId: string,
  passwordHash: string,
  ctx: CommandContext,
): Promise<LegacyImportOutcome> {
  const entry = await accounts.rosterEntry(memberId);
  if (!entry) return 'not-on-roster';
  const accountId = legacyAccountId(accounts, entry.memberId);
  let took: boolean;
  try {
    took = await accounts.claim('member', entry.memberId, accountId, ctx);
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
    // Recorded by an earlier run: that run's reservation stays.
    if (error instanceof DomainError && error.code === 'ALREADY_REGISTERED') return 'has-account';
    if (took) await accounts.release('member', entry.memberId, accountId, ctx);
    throw error;
  }
  return 'imported';
}
