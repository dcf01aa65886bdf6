import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { numericCode } from '@portal/security';

/** A fresh 6-digit code: the command's hashed and sealed forms, and the email that carries it. */
export async function newEmailCode(accounts: Accounts, accountId: string) {
  const code = numericCode(accounts.policy.emailCode.length);
  return {
    otp: {
      otpId: randomUUID(),
      codeHash: accounts.codeHash('otp', code),
      codeSealed: await accounts.deps.vault.seal(accountId, code),
    },
    email: (to: string) => ({
      to,
      subject: 'Your verification code',
      text:
        `Your verification code is ${code}. It expires in ${Math.round(accounts.policy.emailCode.lifetimeMs / 60_000)} minutes.\r\n` +
        'If you did not try to sign in, change your password.',
    }),
  };
}
