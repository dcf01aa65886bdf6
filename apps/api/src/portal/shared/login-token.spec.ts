import { randomBytes, randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { keyedHash, type SecretPurpose } from '@portal/security';
import {
  ANY_LOGIN_TOKEN,
  LOGIN_TOKEN_EXAMPLE,
  newLoginToken,
  openLoginToken,
  parseLoginToken,
} from './login-token';

const withKey = (hmacKey = randomBytes(32)) =>
  ({
    keyedHash: (purpose: SecretPurpose, value: string) => keyedHash(hmacKey, purpose, value),
  }) as unknown as Accounts;

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

  it('open only as the kind they were made as (a checked identity is not a login attempt), or as any kind where asked', () => {
    const attempt = newLoginToken(accounts, accountId);
    const checked = newLoginToken(accounts, accountId, 'identity-checked');
    expect(checked.token).toMatch(/^[A-Za-z0-9_-]{82}$/);
    expect(openLoginToken(accounts, checked.token)).toBeUndefined();
    expect(openLoginToken(accounts, attempt.token, ['identity-checked'])).toBeUndefined();
    expect(() => parseLoginToken(accounts, attempt.token, ['identity-checked'])).toThrow();
    expect(openLoginToken(accounts, checked.token, ['identity-checked'])).toEqual({
      accountId,
      loginId: checked.loginId,
    });
    expect(openLoginToken(accounts, checked.token, ANY_LOGIN_TOKEN)?.loginId).toBe(checked.loginId);
    expect(openLoginToken(accounts, attempt.token, ANY_LOGIN_TOKEN)?.loginId).toBe(attempt.loginId);
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

  it('open only in their one spelling: a last character that differs in unused bits is another token', () => {
    // 61 bytes are 82 base64url characters whose last carries 4 unused bits: Node decodes
    // both spellings to the same bytes, so without the check a client's typo-free "altered"
    // token (or an attacker's) would open as the genuine one and count for its account.
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const { token } = newLoginToken(accounts, accountId);
    const last = ALPHABET.indexOf(token.at(-1)!);
    const respelled = `${token.slice(0, -1)}${ALPHABET[last ^ 1]}`;
    expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(token, 'base64url'));
    expect(openLoginToken(accounts, respelled)).toBeUndefined();
    expect(openLoginToken(accounts, token)).toBeDefined();
  });
});
