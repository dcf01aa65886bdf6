/**
 * Logins to one account do not queue behind each other's argon2: the password is
 * checked before the account's lock is taken, and the decision (with the lockout count)
 * is made inside it on the fresh state.
 */
import { randomUUID } from 'node:crypto';
import type { Accounts, SqliteSessionStore } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { accountStreamId, type DomainError } from '@portal/domain';
import { PasswordHasher } from '@portal/security';
import { tempAccounts, type TempAccounts } from '../../../../../libs/accounts/src/testing/temp-accounts';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';
import { registerAccount } from '../../../../../libs/accounts/src/testing/registered-account';

const PASSWORD = 'Fixture7Password9Long';

/** argon2 (cheap parameters) whose verify counts how many run at once and can wait for company. */
class OverlapHasher extends PasswordHasher {
  inside = 0;
  most = 0;
  /** While set, each verify waits until this many are running (or a fallback, so a test never hangs). */
  waitFor = 0;
  private arrived: Array<() => void> = [];
  constructor() {
    super({ memoryCost: 8192, timeCost: 1, parallelism: 1 }, 8);
  }
  override async verify(hash: string, secret: string): Promise<boolean> {
    this.inside++;
    this.most = Math.max(this.most, this.inside);
    try {
      if (this.waitFor > 0) {
        if (this.inside >= this.waitFor) for (const go of this.arrived.splice(0)) go();
        else
          await Promise.race([
            new Promise<void>((resolve) => this.arrived.push(resolve)),
            new Promise((resolve) => setTimeout(resolve, 2_000)),
          ]);
      }
      return await super.verify(hash, secret);
    } finally {
      this.inside--;
    }
  }
}

describe('LogInHandler and the account lock', () => {
  let t: TempAccounts<SqliteSessionStore>;
  let hasher: OverlapHasher;
  let accounts: Accounts;
  let handler: LogInHandler;
  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  beforeEach(async () => {
    hasher = new OverlapHasher();
    t = await tempAccounts({ hasher });
    accounts = t.accounts;
    handler = new LogInHandler(accounts);
  });
  afterEach(() => t.close());

  async function registered(username: string): Promise<string> {
    return registerAccount(accounts, {
      username,
      password: PASSWORD,
      passwordHash: await hasher.hash(PASSWORD),
      ctx,
    });
  }

  it('two logins to one account check their passwords at the same time', async () => {
    await registered('overlapping1');
    hasher.waitFor = 2;
    const results = await Promise.all([
      handler.execute(new LogInCommand('overlapping1', PASSWORD, ctx())),
      handler.execute(new LogInCommand('overlapping1', PASSWORD, ctx())),
    ]);
    expect(hasher.most).toBe(2);
    expect(results.map((r) => r.secondFactor)).toEqual(['email-code', 'email-code']);
  });

  it('parallel wrong passwords still lock after exactly the threshold, and a right one does not count', async () => {
    const accountId = await registered('overlapping2');
    const threshold = accounts.policy.lockout.threshold;
    const attempts = [...Array.from({ length: threshold * 3 }, () => 'Wrong7Password9Long'), PASSWORD].map(
      (password) =>
        handler.execute(new LogInCommand('overlapping2', password, ctx())).then(
          () => 'ok',
          (error: unknown) => (error as DomainError).code,
        ),
    );
    await Promise.all(attempts);
    const events = await t.store.readStream(accountStreamId(accountId));
    const failed = events.filter((e) => e.type === 'LoginFailed' && e.data.reason === 'wrong-password');
    expect(failed).toHaveLength(threshold);
    expect(events.filter((e) => e.type === 'Locked')).toHaveLength(1);
    expect(hasher.most).toBeGreaterThan(1);
  });
});
