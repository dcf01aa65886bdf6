/**
 * Account snapshots through Accounts, on both event store adapters (SQLite on a file,
 * KurrentDB against its faked client): a member with 10,000 events costs a command its
 * snapshot plus a bounded tail, and erasure leaves no snapshot that opens.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandContext, load, type SnapshotOutcome } from '@portal/command';
import { accountStreamId, DomainError } from '@portal/domain';
import {
  type EventStore,
  KurrentDbEventStore,
  type SnapshotStore,
  SqliteEventStore,
} from '@portal/event-store';
import { CsvRoster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import { ERASED, SqliteDataKeyStore, Vault } from '@portal/vault';
import { countingReads } from '../../event-store/src/testing/counting-reads';
import { FakeKurrentClient } from '../../event-store/src/kurrentdb/testing/fake-kurrentdb-client';
import { accountCodec } from './account-codec';
import { accountSnapshotCodec } from './account-snapshots';
import { Accounts } from './accounts';
import { SqliteSessionStore } from './session-store';
import { DEMO_ROSTER } from './testing/temp-accounts';
import { appendLoginHistory } from './testing/login-history';
import { registerAccount } from './testing/registered-account';

const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture';
const LAST_NAME = 'Snapshotperson';

type Adapter = { name: string; open: (dir: string) => { events: EventStore; snapshots: SnapshotStore } };
const adapters: Adapter[] = [
  {
    name: 'SQLite',
    open: (dir) => {
      const events = SqliteEventStore.open(join(dir, 'events.sqlite'));
      return { events, snapshots: events.snapshots() };
    },
  },
  {
    name: 'KurrentDB (faked client)',
    open: () => {
      const events = new KurrentDbEventStore(new FakeKurrentClient());
      return { events, snapshots: events.snapshots() };
    },
  },
];

describe.each(adapters)('account snapshots on $name', ({ open }) => {
  let dir: string;
  let events: EventStore;
  let snapshotStore: SnapshotStore;
  let keys: SqliteDataKeyStore;
  let sessions: SqliteSessionStore;
  let vault: Vault;
  let accounts: Accounts;
  let read = { events: 0 };
  let counting: EventStore;
  let outcomes: SnapshotOutcome[];
  let errors: unknown[];

  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'account-snapshots-'));
    ({ events, snapshots: snapshotStore } = open(dir));
    keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    sessions = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
    vault = new Vault(keys);
    outcomes = [];
    errors = [];
    // What a reader costs: every event readStream hands back for account streams.
    ({ store: counting, read } = countingReads(events, 'account-'));
    accounts = new Accounts({
      store: counting,
      vault,
      hasher: new PasswordHasher(),
      sessions,
      roster: new CsvRoster(DEMO_ROSTER),
      hmacKey: randomBytes(32),
      snapshots: snapshotStore,
      snapshotOptions: {
        every: 50,
        onLoad: (_s, outcome) => outcomes.push(outcome),
        onError: (_s, error) => errors.push(error),
      },
    });
  });

  afterEach(async () => {
    await accounts.snapshots?.idle();
    await events.close();
    await sessions.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function registered(): Promise<string> {
    return registerAccount(accounts, {
      username: `snap${randomUUID().slice(0, 8)}`,
      password: 'Fixture7Password9Long',
      passwordHash: PASSWORD_HASH,
      lastName: LAST_NAME,
      ctx,
      claim: false,
    });
  }

  const history = (accountId: string, logins: number) => appendLoginHistory(events, vault, accountId, logins);

  const replay = async (accountId: string) =>
    (
      await load(
        { store: events, codec: accountCodec(vault) },
        accountStreamId(accountId),
        accounts['decider'],
      )
    ).state;

  it("a 10,000-event account's commands read its snapshot plus a bounded number of events", async () => {
    const accountId = await registered();
    await history(accountId, 5_000);
    const logIn = async (i: number) =>
      accounts.run(
        accountId,
        {
          type: 'LogIn',
          loginId: `new-${i}`,
          passwordMatches: i % 3 !== 0,
          otp: {
            otpId: `o-${i}`,
            codeHash: 'a'.repeat(64),
            codeSealed: await vault.seal(accountId, '123456'),
          },
          now: Date.now(),
        },
        ctx(),
      );
    read.events = 0;
    await logIn(1);
    expect(read.events).toBeGreaterThan(10_000);
    await accounts.snapshots!.idle();
    expect(accounts.snapshots!.counts.written).toBe(1);

    const reads: number[] = [];
    for (let i = 0; i < 60; i++) {
      read.events = 0;
      // Wrong passwords among them: refused (and after five, locked), which reads the same way.
      await logIn(i + 2).catch((error: unknown) => expect(error).toBeInstanceOf(DomainError));
      reads.push(read.events);
      await accounts.snapshots!.idle();
    }
    expect(Math.max(...reads)).toBeLessThanOrEqual(accounts.snapshots!.every + 1);
    expect(outcomes.filter((o) => o !== 'used' && o !== 'none')).toEqual([]);
    expect(await accounts.state(accountId)).toStrictEqual(await replay(accountId));
  }, 60_000);

  it('seals the whole state under the account key; after erasure no snapshot opens and loads replay', async () => {
    const accountId = await registered();
    await history(accountId, 30);
    await accounts.state(accountId);
    await accounts.snapshots!.idle();
    expect(errors).toEqual([]);
    const before = await snapshotStore.read(accountStreamId(accountId));
    expect(before).toBeDefined();
    // Nothing personal in clear: not the name, not the email.
    expect(before!.state).not.toContain(LAST_NAME);
    expect(before!.state).not.toContain('@x.test');
    expect(Vault.isSealed(before!.state)).toBe(true);
    expect(await accountSnapshotCodec(vault).decode(accountStreamId(accountId), before!.state)).toMatchObject(
      {
        profile: { lastName: LAST_NAME },
      },
    );

    expect(await accounts.erase(accountId, ctx())).toBe(true);
    await accounts.snapshots!.idle();
    // Every snapshot the account ever had (the last one written is the only one kept) now opens to nothing.
    const after = await snapshotStore.read(accountStreamId(accountId));
    for (const snapshot of [before!, after!]) {
      expect(await vault.open(accountId, snapshot.state)).toBe(ERASED);
      expect(
        await accountSnapshotCodec(vault).decode(accountStreamId(accountId), snapshot.state),
      ).toBeUndefined();
    }
    outcomes = [];
    const state = await accounts.state(accountId);
    expect(outcomes).toEqual(['unopenable']);
    expect(state).toStrictEqual(await replay(accountId));
    expect(state.erased).toBe(true);
    await accounts.snapshots!.idle();
    // An erased account is not snapshotted again (there is no key to seal with).
    expect(await snapshotStore.read(accountStreamId(accountId))).toEqual(after);
  });
});
