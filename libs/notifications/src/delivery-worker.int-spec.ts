/**
 * The delivery worker on an account with a long history (issue 21): an email reads the job's
 * event and the account's snapshot plus the events after it, not the whole stream, and the
 * worker's partial folds (it opens only the fields its messages use) never become a snapshot.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Accounts } from '@portal/accounts';
import type { CommandContext } from '@portal/command';
import { accountStreamId } from '@portal/domain';
import { type EventStore, SqliteEventStore } from '@portal/event-store';
import { CsvRoster } from '@portal/roster';
import { PasswordHasher } from '@portal/security';
import { SqliteDataKeyStore, Vault } from '@portal/vault';
import { countingReads } from '../../event-store/src/testing/counting-reads';
import { SqliteSessionStore } from '../../accounts/src/session-store';
import { appendLoginHistory } from '../../accounts/src/testing/login-history';
import { DEMO_ROSTER } from '../../accounts/src/testing/temp-accounts';
import { deliveryFor } from './deliveries';
import { DeliveryWorker } from './delivery-worker';
import type { LetterSender } from './letters';
import type { Mailer, OutgoingEmail } from './mailer';
import { memoryLogger, PLAN } from './testing/harness';

const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture';

describe('the delivery worker on a 10,000-event account', () => {
  let dir: string;
  let events: SqliteEventStore;
  let keys: SqliteDataKeyStore;
  let sessions: SqliteSessionStore;
  let vault: Vault;
  let accounts: Accounts;
  let counting: EventStore;
  let read = { events: 0 };
  const sent: OutgoingEmail[] = [];

  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });
  const mailer: Mailer = {
    send: async (email) => void sent.push(email),
    ping: async () => undefined,
    close: async () => undefined,
  };
  const letters: LetterSender = { send: () => Promise.reject(new Error('no letters here')) } as never;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-worker-'));
    events = SqliteEventStore.open(join(dir, 'events.sqlite'));
    keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    sessions = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
    vault = new Vault(keys);
    sent.length = 0;
    // What a reader costs: every event readStream hands back for account streams.
    ({ store: counting, read } = countingReads(events, 'account-'));
    accounts = new Accounts({
      store: events,
      vault,
      hasher: new PasswordHasher(),
      sessions,
      roster: new CsvRoster(DEMO_ROSTER),
      hmacKey: randomBytes(32),
      snapshots: events.snapshots(),
      snapshotOptions: { every: 50 },
    });
  });

  afterEach(async () => {
    await accounts.snapshots?.idle();
    await events.close();
    await sessions.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const worker = () =>
    new DeliveryWorker({
      store: counting,
      accounts,
      vault,
      roster: new CsvRoster(DEMO_ROSTER),
      mailer,
      letters,
      plan: PLAN,
      logger: memoryLogger(),
    });

  async function registered(): Promise<string> {
    const accountId = randomUUID();
    await accounts.run(
      accountId,
      {
        type: 'RegisterNonmember',
        accountId,
        profile: {
          firstName: 'Robin',
          lastName: 'Tester',
          dateOfBirth: '1975-02-03',
          email: 'robin@example.com',
        },
        communication: { email: true, text: false },
        termsAccepted: true,
        username: `user${accountId.slice(0, 8)}`,
        password: 'Fixture7Password9Long',
        passwordHash: PASSWORD_HASH,
        securityQuestion: 'First pet?',
        securityAnswerHash: PASSWORD_HASH,
        now: Date.now(),
      },
      ctx(),
    );
    return accountId;
  }

  /** A login's first step, and the job the reactor would queue for its code email. */
  async function codeJob(accountId: string, code: string) {
    await accounts.run(
      accountId,
      {
        type: 'LogIn',
        loginId: randomUUID(),
        passwordMatches: true,
        otp: {
          otpId: randomUUID(),
          codeHash: 'a'.repeat(64),
          codeSealed: await accounts.seal(accountId, code),
        },
        now: Date.now(),
      },
      ctx(),
    );
    const [issued] = await events.readStream(accountStreamId(accountId), {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(issued.type).toBe('OtpIssued');
    const delivery = deliveryFor(issued)!;
    return { queue: delivery.queue, id: delivery.jobId, payload: delivery.payload, attempt: 1 };
  }

  it('sends the code reading the snapshot and a bounded number of events, and leaves the snapshot as it was', async () => {
    const accountId = await registered();
    await appendLoginHistory(events, vault, accountId, 5_000);
    // The command's own load folds the whole stream once and writes the snapshot.
    const job = await codeJob(accountId, '246810');
    await accounts.snapshots!.idle();
    expect(accounts.snapshots!.counts.written).toBe(1);
    const snapshot = await events.snapshots().read(accountStreamId(accountId));

    read.events = 0;
    await worker().run(job);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('robin@example.com');
    expect(sent[0].text).toContain('Your verification code is 246810.');
    // The snapshot's own revision, the events after it (the code's two), and the job's event.
    expect(read.events).toBeLessThanOrEqual(5);
    await accounts.snapshots!.idle();
    expect(await events.snapshots().read(accountStreamId(accountId))).toEqual(snapshot);
  });

  it('without a snapshot it folds the whole stream with its partial codec, and writes none from it', async () => {
    // Commands here run without snapshots, so the stream has none when the worker reads it.
    const commands = accounts;
    accounts = new Accounts({
      store: events,
      vault,
      hasher: new PasswordHasher(),
      sessions,
      roster: new CsvRoster(DEMO_ROSTER),
      hmacKey: randomBytes(32),
    });
    const accountId = await registered();
    await appendLoginHistory(events, vault, accountId, 100);
    const job = await codeJob(accountId, '135790');
    accounts = commands;

    read.events = 0;
    const w = worker();
    await w.run(job);
    expect(sent.map((m) => m.text)).toEqual([expect.stringContaining('Your verification code is 135790.')]);
    expect(read.events).toBeGreaterThan(200);
    // A write would have started in the worker's own (read-only) view of the snapshots.
    const view = w['snapshots'] as NonNullable<Accounts['snapshots']>;
    await view.idle();
    expect(view.counts.written).toBe(0);
    expect(await events.snapshots().read(accountStreamId(accountId))).toBeUndefined();
  });
});
