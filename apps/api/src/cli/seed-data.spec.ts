import { checkPassword, checkUsername, DEFAULT_POLICY } from '@portal/domain';
import { BENCH_PASSWORD, parseSeedArgs, prng, seededAccount, UsageError } from './seed-data';

describe('seed-data', () => {
  it('gives account i the same identity on every run, and another one for another seed', () => {
    expect(seededAccount(1, 42)).toEqual(seededAccount(1, 42));
    expect(seededAccount(2, 42).accountId).not.toBe(seededAccount(1, 42).accountId);
    expect(prng(7)()).toBe(prng(7)());
  });

  it('makes unique usernames, emails and member ids that the service accepts', () => {
    const accounts = Array.from({ length: 2000 }, (_, i) => seededAccount(1, i));
    for (const key of ['accountId', 'username', 'email'] as const)
      expect(new Set(accounts.map((a) => a[key])).size).toBe(accounts.length);
    const members = accounts.filter((a) => a.memberId);
    expect(new Set(members.map((a) => a.memberId)).size).toBe(members.length);
    expect(members.length / accounts.length).toBeGreaterThan(0.75);
    for (const a of accounts.slice(0, 50)) {
      expect(checkUsername(a.username, DEFAULT_POLICY)).toEqual({});
      expect(a.dateOfBirth).toMatch(/^(19[4-9]\d|200\d)-\d\d-\d\d$/);
    }
    expect(checkPassword(BENCH_PASSWORD, accounts[0].username, DEFAULT_POLICY)).toEqual({});
  });

  it('reads its arguments and names what is wrong', () => {
    expect(parseSeedArgs(['--accounts', '1000', '--data-dir', '/tmp/x'])).toEqual({
      accounts: 1000,
      dataDir: '/tmp/x',
      seed: 1,
      batch: 500,
      rebuild: true,
    });
    expect(parseSeedArgs(['--accounts', '5', '--no-rebuild', '--seed', '3']).rebuild).toBe(false);
    expect(() => parseSeedArgs([])).toThrow(new UsageError('--accounts N is required'));
    expect(() => parseSeedArgs(['--accounts', 'many'])).toThrow(/--accounts needs a whole number/);
    expect(() => parseSeedArgs(['--accounts', '5', '--fast'])).toThrow(/unknown argument "--fast"/);
  });
});
