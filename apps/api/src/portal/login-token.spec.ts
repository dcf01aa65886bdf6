import { randomBytes, randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { LOGIN_TOKEN_EXAMPLE, newLoginToken, openLoginToken, parseLoginToken } from './login-token';

const withKey = (hmacKey = randomBytes(32)) => ({ deps: { hmacKey } }) as unknown as Accounts;

describe('login and reset tokens', () => {
  const accounts = withKey();
  const accountId = randomUUID();

  it('open to the account and attempt they were made for, and to a new attempt each time', () => {
    const first = newLoginToken(accounts, accountId);
    const again = newLoginToken(accounts, accountId);
    expect(openLoginToken(accounts, first.token)).toEqual({ accountId, loginId: first.loginId });
    expect(again.token).not.toBe(first.token);
    expect(again.loginId).not.toBe(first.loginId);
  });

  it('hold no account id in any form a reader could find, and all have one shape', () => {
    const { token } = newLoginToken(accounts, accountId);
    const hex = accountId.replace(/-/g, '');
    const decoded = Buffer.from(token, 'base64url');
    expect(token).not.toContain(accountId);
    expect(token).not.toContain(Buffer.from(hex, 'hex').toString('base64url').slice(0, 16));
    expect(decoded.toString('hex')).not.toContain(hex);
    expect(token).toMatch(/^[A-Za-z0-9_-]{82}$/);
    expect(LOGIN_TOKEN_EXAMPLE).toMatch(/^[A-Za-z0-9_-]{82}$/);
  });

  it('open to nothing when made up, altered, cut or sealed under another key', () => {
    const { token } = newLoginToken(accounts, accountId);
    const flipped = Buffer.from(token, 'base64url');
    flipped[20] ^= 1;
    for (const forged of [
      `${accountId}.${randomUUID()}`,
      flipped.toString('base64url'),
      token.slice(0, -2),
      newLoginToken(withKey(), accountId).token,
      LOGIN_TOKEN_EXAMPLE,
      '',
    ]) {
      expect(openLoginToken(accounts, forged)).toBeUndefined();
      expect(() => parseLoginToken(accounts, forged)).toThrow('Start again by signing in.');
    }
  });
});
