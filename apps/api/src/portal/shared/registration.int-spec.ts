import { randomUUID } from 'node:crypto';
import type { Accounts, SqliteSessionStore } from '@portal/accounts';
import { CLAIM_TTL_MS, type CommandContext } from '@portal/command';
import { PasswordHasher } from '@portal/security';
import { tempAccounts, type TempAccounts } from '../../../../../libs/accounts/src/testing/temp-accounts';
import { registerAccount } from './registration';

/** argon2 that holds the first `held` hashes until `release()`. */
class HeldHasher extends PasswordHasher {
  calls = 0;
  started = 0;
  private hold: Promise<void>;
  release!: () => void;
  constructor(private readonly held: number) {
    super({ memoryCost: 8192, timeCost: 1, parallelism: 1 });
    this.hold = new Promise((resolve) => (this.release = resolve));
  }
  override async hash(secret: string): Promise<string> {
    if (++this.calls <= this.held) {
      this.started++;
      await this.hold;
    }
    return super.hash(secret);
  }
}

describe('registerAccount', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let hasher: HeldHasher;
  let accounts: Accounts;
  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  beforeEach(async () => {
    hasher = new HeldHasher(2);
    t = await tempAccounts({ hasher });
    accounts = t.accounts;
  });

  afterEach(() => t.close());

  const credentials = { username: 'doubleclick1', password: 'Fixture7Password9Long', securityAnswer: 'Rex' };
  const register = (accountId: string, form: { firstName?: string; termsAccepted?: boolean } = {}) =>
    registerAccount(
      accounts,
      ctx(),
      credentials,
      [
        ['username', credentials.username],
        ['email', 'double@x.test'],
      ],
      (id, hashes) => ({
        type: 'RegisterNonmember',
        accountId: id,
        profile: {
          firstName: form.firstName ?? 'Robin',
          lastName: 'Tester',
          dateOfBirth: '1975-02-03',
          email: 'double@x.test',
        },
        communication: { email: true, text: false },
        termsAccepted: form.termsAccepted ?? true,
        username: credentials.username,
        password: credentials.password,
        securityQuestion: 'First pet?',
        ...hashes,
        now: Date.now(),
      }),
      accountId,
    );

  it('two sends of one form for one account: the one that took the reservations fails last and frees nothing', async () => {
    const accountId = randomUUID();
    // The first send takes the username and email, then waits in argon2.
    const first = register(accountId).then(
      () => undefined,
      (e: unknown) => e,
    );
    while (hasher.started < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // The second finds both held by the account already, and registers it.
    await register(accountId);
    hasher.release();
    expect(await first).toMatchObject({ code: 'ALREADY_REGISTERED' });
    expect(await accounts.holder('username', credentials.username)).toBe(accountId);
    expect(await accounts.holder('email', 'double@x.test')).toBe(accountId);
  });

  it('gives back what it took when the registration fails for its own reason', async () => {
    hasher.release();
    const accountId = randomUUID();
    await expect(register(accountId, { firstName: '', termsAccepted: false })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await accounts.holder('username', credentials.username)).toBeUndefined();
    expect(await accounts.holder('email', 'double@x.test')).toBeUndefined();
  });

  /** A new account's registration (no account id handed in), at `at` ms from now. */
  const registerNew = (form: { username: string; email: string }, at = 0) => {
    const now = new Date(Date.now() + at);
    return registerAccount(
      accounts,
      { ...ctx(), occurredAt: now },
      { ...credentials, username: form.username },
      [
        ['username', form.username],
        ['email', form.email],
      ],
      (id, hashes) => ({
        type: 'RegisterNonmember',
        accountId: id,
        profile: { firstName: 'Robin', lastName: 'Tester', dateOfBirth: '1975-02-03', email: form.email },
        communication: { email: true, text: false },
        termsAccepted: true,
        username: form.username,
        password: credentials.password,
        securityQuestion: 'First pet?',
        ...hashes,
        now: now.getTime(),
      }),
    );
  };
  const MINUTE = 60_000;

  /** Starts a registration that takes its reservations and then never finishes (its process died in argon2). */
  async function cutOff(form: { username: string; email: string }): Promise<void> {
    void registerNew(form).catch(() => undefined);
    while (hasher.started < 2) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  describe('a registration cut off between its reservations and its account', () => {
    const form = { username: 'cutoffuser1', email: 'cutoff@x.test' };

    it('is completed by sending the same form again', async () => {
      await cutOff(form);
      await expect(registerNew(form)).resolves.toBe('registered');
      const accountId = (await accounts.holder('username', form.username))!;
      expect(await accounts.holder('email', form.email)).toBe(accountId);
      expect((await accounts.state(accountId)).status).toBe('active');
    });

    it('holds its values against anyone else for a short time only, then frees them', async () => {
      await cutOff(form);
      const other = { username: form.username, email: 'someone@x.test' };
      await expect(registerNew(other, MINUTE)).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
      await expect(registerNew(other, 3 * MINUTE)).resolves.toBe('registered');
      // The same email with a new username makes an account, not a silent "registered" that made none.
      await expect(registerNew({ username: 'cutoffuser2', email: form.email }, 3 * MINUTE)).resolves.toBe(
        'registered',
      );
      const byEmail = (await accounts.holder('email', form.email))!;
      expect((await accounts.state(byEmail)).username).toBe('cutoffuser2');
    });
  });

  it('a registration stalled past half the claim expiry checks its claims again, and one taken over meanwhile refuses', async () => {
    const stalled = registerNew({ username: 'stalleduser', email: 'stalled@x.test' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    while (hasher.started < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    // The claim has expired for everyone else, and someone takes the username.
    await expect(registerNew({ username: 'stalleduser', email: 'quick@x.test' }, 3 * MINUTE)).resolves.toBe(
      'registered',
    );
    const real = performance.now.bind(performance);
    const clock = jest.spyOn(performance, 'now').mockImplementation(() => real() + CLAIM_TTL_MS);
    try {
      hasher.release();
      expect(await stalled).toMatchObject({ code: 'USERNAME_TAKEN' });
    } finally {
      clock.mockRestore();
    }
    const quick = (await accounts.holder('email', 'quick@x.test'))!;
    expect(await accounts.holder('username', 'stalleduser')).toBe(quick);
    expect(await accounts.holder('email', 'stalled@x.test')).toBeUndefined();
  });

  it('never frees a value an account was registered with, however old', async () => {
    hasher.release();
    await registerNew({ username: 'keptuser01', email: 'kept@x.test' });
    const year = 365 * 24 * 60 * MINUTE;
    await expect(registerNew({ username: 'keptuser01', email: 'other@x.test' }, year)).rejects.toMatchObject({
      code: 'USERNAME_TAKEN',
    });
    const attempt = await registerNew({ username: 'keptuser02', email: 'kept@x.test' }, year);
    expect(attempt).toBe('owner-notified');
    expect((await accounts.state((await accounts.holder('email', 'kept@x.test'))!)).username).toBe(
      'keptuser01',
    );
  });

  it('an email that has an account: the attempt frees its username, which no account holds', async () => {
    hasher.release();
    await registerNew({ username: 'ownerfirst1', email: 'owned@x.test' });
    await expect(registerNew({ username: 'squatter01', email: 'owned@x.test' })).resolves.toBe(
      'owner-notified',
    );
    expect(await accounts.holder('username', 'squatter01')).toBeUndefined();
    await expect(registerNew({ username: 'squatter01', email: 'fresh@x.test' })).resolves.toBe('registered');
  });
});
