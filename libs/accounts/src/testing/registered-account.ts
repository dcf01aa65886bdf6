/**
 * A nonmember account registered straight through `Accounts` (no HTTP, no argon2 unless the
 * caller hashes), for integration tests and benches that need one account to work on.
 */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@portal/command';
import type { Accounts } from '../accounts';

export interface RegisteredAccountOptions {
  username: string;
  /** The password in clear (the decider checks it against the username and the rules). */
  password: string;
  /** Its argon2 hash; also used as the security answer's. */
  passwordHash: string;
  ctx: () => CommandContext;
  firstName?: string;
  lastName?: string;
  /** Claim the username first, as a registration does (default true). */
  claim?: boolean;
}

export async function registerAccount(
  accounts: Accounts,
  options: RegisteredAccountOptions,
): Promise<string> {
  const { username, ctx } = options;
  const accountId = randomUUID();
  if (options.claim ?? true) await accounts.claim('username', username, accountId, ctx());
  await accounts.run(
    accountId,
    {
      type: 'RegisterNonmember',
      accountId,
      profile: {
        firstName: options.firstName ?? 'Robin',
        lastName: options.lastName ?? 'Tester',
        dateOfBirth: '1975-02-03',
        email: `${username}@x.test`,
      },
      communication: { email: true, text: false },
      termsAccepted: true,
      username,
      password: options.password,
      passwordHash: options.passwordHash,
      securityQuestion: 'First pet?',
      securityAnswerHash: options.passwordHash,
      now: Date.now(),
    },
    ctx(),
  );
  return accountId;
}
