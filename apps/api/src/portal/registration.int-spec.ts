import { randomUUID } from 'node:crypto';
import type { Accounts, SqliteSessionStore } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { PasswordHasher } from '@portal/security';
import { tempAccounts, type TempAccounts } from '../../../../libs/accounts/src/testing/temp-accounts';
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
});
