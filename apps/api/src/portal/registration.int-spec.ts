import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Accounts, SqliteSessionStore } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { SqliteEventStore } from '@portal/event-store';
import { CsvRoster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import { SqliteDataKeyStore, Vault } from '@portal/vault';
import { registerAccount } from './registration';

const ROSTER = join(__dirname, '..', '..', '..', '..', 'libs', 'roster', 'demo', 'roster.csv');

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
  let dir: string;
  let store: SqliteEventStore;
  let keys: SqliteDataKeyStore;
  let sessions: SqliteSessionStore;
  let hasher: HeldHasher;
  let accounts: Accounts;
  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registration-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    sessions = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
    hasher = new HeldHasher(2);
    accounts = new Accounts({
      store,
      vault: new Vault(keys),
      hasher,
      sessions,
      roster: new CsvRoster(ROSTER),
      hmacKey: randomBytes(32),
    });
  });

  afterEach(async () => {
    await store.close();
    await sessions.close();
    await keys.close();
    await rm(dir, { recursive: true, force: true });
  });

  const credentials = { username: 'doubleclick1', password: 'Fixture7Password9Long', securityAnswer: 'Rex' };
  const register = (accountId: string) =>
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
          firstName: 'Robin',
          lastName: 'Tester',
          dateOfBirth: '1975-02-03',
          email: 'double@x.test',
        },
        communication: { email: true, text: false },
        termsAccepted: true,
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
    await expect(
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
          profile: { firstName: '', lastName: 'Tester', dateOfBirth: '1975-02-03', email: 'double@x.test' },
          communication: { email: true, text: false },
          termsAccepted: false,
          username: credentials.username,
          password: credentials.password,
          securityQuestion: 'First pet?',
          ...hashes,
          now: Date.now(),
        }),
        accountId,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await accounts.holder('username', credentials.username)).toBeUndefined();
    expect(await accounts.holder('email', 'double@x.test')).toBeUndefined();
  });
});
