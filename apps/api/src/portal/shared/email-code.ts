import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { numericCode } from '@portal/security';

/** A fresh 6-digit code, as the command carries it: hashed to check, sealed for the worker that mails it. */
export async function newEmailCode(accounts: Accounts, accountId: string) {
  const code = numericCode(accounts.policy.emailCode.length);
  return {
    otp: {
      otpId: randomUUID(),
      codeHash: accounts.codeHash('otp', code),
      codeSealed: await accounts.seal(accountId, code),
    },
  };
}
