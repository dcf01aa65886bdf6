/**
 * Fills a fresh embedded store for the projector benchmark: the SQLite event store
 * (`events.sqlite`) and the vault's key store (`keys.sqlite`) in a DATA_DIR, with
 * account histories shaped like the service's own: activation codes and their
 * letters, registrations with their username/email/member reservations, logins with
 * emailed codes, wrong passwords, wrong codes and a few locks.
 *
 * Events are encoded as the command pipeline stores them (personal fields sealed
 * with each account's key through `accountCodec(vault)`, full metadata, hash-chained
 * with `chain()`), but appended in bulk: the decider does not run for each, and many
 * appends share one group commit. The global order interleaves accounts as time
 * does: every step of every account has a time, and steps are appended in time order.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { accountCodec } from '../libs/accounts/src';
import { chain, GENESIS_HASH } from '../libs/command/src';
import type { AccountEvent, Profile } from '../libs/domain/src';
import {
  type Actor,
  type ExpectedRevision,
  type NewEvent,
  newEventId,
  SqliteEventStore,
} from '../libs/event-store/src';
import { keyedHash } from '../libs/security/src';
import {
  type DataKeyStore,
  type KeyStatus,
  MasterKeyRing,
  type RewrapResult,
  SqliteDataKeyStore,
  Vault,
} from '../libs/vault/src';

export interface FillOptions {
  dataDir: string;
  accounts: number;
  masterKey: Buffer;
  hmacKey: Buffer;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FillResult {
  accounts: number;
  events: number;
  accountEvents: number;
  reservationEvents: number;
  byType: Record<string, number>;
  seconds: number;
}

/** What one step of an account's life appends. */
const enum Step {
  IssueCode,
  MailLetter,
  ClaimMember,
  ClaimUsername,
  ClaimEmail,
  Register,
  WrongPassword,
  LogIn,
  WrongCode,
  VerifyCode,
}

type Path = 'activation-code' | 'roster-match' | 'nonmember';

interface AccountPlan {
  id: string;
  index: number;
  path: Path;
  /** Next revision of the account stream, and the hash the next event links to. */
  revision: number;
  prevHash: string;
  failures: number;
  verified: boolean;
  codeId?: string;
  loginId?: string;
  otpId?: string;
  otpAttempts: number;
}

const DAY = 86_400_000;
const START = Date.parse('2026-01-05T08:00:00.000Z');
const FIRST_NAMES = [
  'Ana',
  'Bo',
  'Chen',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'June',
  'Kofi',
  'Lena',
];
const LAST_NAMES = [
  'Kowalski',
  'Okafor',
  'Nguyen',
  'Martinez',
  'Johansson',
  'Haddad',
  'Fitzgerald',
  'Castellanos',
  'Abernathy',
  'Lindqvist',
  'Moreau',
  'Papadopoulos',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
];
// Shaped like the real thing (argon2id, 19 MiB, 2 passes): what a stored hash costs in bytes.
const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2n0oVFf3tQ5QyqR3yRk1vQbX0n2Lz8m3U8cVq1b0H2s';
const ANSWER_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$YW5vdGhlcnNhbHRzYWx0$Xq2m3W9r1oF0yP6c8kQ7dJ2sV5nL4hT1uB0aE3gR9zY';

/** Deterministic, so two fills with one seed hold the same histories (ids and ciphertexts aside). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keys in memory while sealing: the SQLite key store syncs one commit per new key, which setup need not wait for. */
class MemoryKeys implements DataKeyStore {
  readonly keys = new Map<string, Buffer>();
  async getOrCreate(accountId: string): Promise<Buffer> {
    let key = this.keys.get(accountId);
    if (!key) this.keys.set(accountId, (key = randomBytes(32)));
    return key;
  }
  async get(accountId: string): Promise<Buffer | undefined> {
    return this.keys.get(accountId);
  }
  async erase(): Promise<void> {
    throw new Error('not used by the bench');
  }
  async status(): Promise<KeyStatus> {
    throw new Error('not used by the bench');
  }
  async rewrap(): Promise<RewrapResult> {
    throw new Error('not used by the bench');
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Every step of every account, as parallel arrays sorted by time. */
function schedule(count: number, random: () => number) {
  const at: number[] = [];
  const who: number[] = [];
  const what: Step[] = [];
  const paths: Path[] = [];
  const add = (t: number, account: number, step: Step) => {
    at.push(t);
    who.push(account);
    what.push(step);
  };
  for (let i = 0; i < count; i++) {
    const r = random();
    const path: Path = r < 0.55 ? 'activation-code' : r < 0.85 ? 'roster-match' : 'nonmember';
    paths.push(path);
    // Spread over half a year; steps of one account a few ms apart at least, so their order is kept.
    let t = START + random() * 180 * DAY;
    if (path === 'activation-code') {
      add(t, i, Step.IssueCode);
      t += DAY + random() * DAY;
      add(t, i, Step.MailLetter);
      t += 5 * DAY + random() * 7 * DAY;
    }
    if (path !== 'nonmember') add((t += 1), i, Step.ClaimMember);
    add((t += 1), i, Step.ClaimUsername);
    add((t += 1), i, Step.ClaimEmail);
    add((t += 1), i, Step.Register);
    const locks = random() < 0.03;
    const logins = random() < 0.5 ? 1 : 2;
    for (let l = 0; l < logins; l++) {
      t += l === 0 ? 60_000 + random() * 600_000 : random() * 30 * DAY;
      if (random() < 0.15)
        for (let w = random() < 0.5 ? 1 : 2; w > 0; w--) add((t += 8_000), i, Step.WrongPassword);
      add((t += 5_000), i, Step.LogIn);
      if (random() < 0.08) add((t += 20_000), i, Step.WrongCode);
      add((t += 25_000), i, Step.VerifyCode);
    }
    if (locks) for (let w = 0; w < 5; w++) add((t += DAY / 2 + 6_000 * w), i, Step.WrongPassword);
  }
  const order = Array.from({ length: at.length }, (_, k) => k).sort((a, b) => at[a] - at[b]);
  return { order, at, who, what, paths };
}

export async function fillStore(options: FillOptions): Promise<FillResult> {
  const started = Date.now();
  const random = prng(options.seed ?? 20261122);
  const memory = new MemoryKeys();
  const vault = new Vault(memory);
  const codec = accountCodec(vault);
  const store = SqliteEventStore.open(join(options.dataDir, 'events.sqlite'));
  const plan = schedule(options.accounts, random);
  const accounts: AccountPlan[] = plan.paths.map((path, index) => ({
    id: randomUUID(),
    index,
    path,
    revision: 0,
    prevHash: GENESIS_HASH,
    failures: 0,
    verified: false,
    otpAttempts: 0,
  }));
  const byType: Record<string, number> = {};
  let accountEvents = 0;
  let reservationEvents = 0;

  const meta = (t: number, actor: Actor, a: AccountPlan) => ({
    correlationId: randomUUID(),
    actor,
    occurredAt: new Date(t).toISOString(),
    schemaVersion: 1,
    ...(actor.kind === 'system'
      ? {}
      : { clientIp: `198.51.${a.index % 250}.${(a.index >> 8) % 250}`, userAgent: AGENTS[a.index % 3] }),
  });

  const profileOf = (a: AccountPlan): Profile => {
    const first = FIRST_NAMES[a.index % FIRST_NAMES.length];
    const last = LAST_NAMES[(a.index >> 4) % LAST_NAMES.length];
    return {
      firstName: first,
      lastName: last,
      dateOfBirth: `19${50 + (a.index % 50)}-${String(1 + (a.index % 12)).padStart(2, '0')}-${String(1 + (a.index % 28)).padStart(2, '0')}`,
      email: `${first}.${last}.${a.index}@example.com`.toLowerCase(),
      phone: `+1 (555) ${String(a.index % 1000).padStart(3, '0')}-${String(a.index % 10000).padStart(4, '0')}`,
      ...(a.path === 'nonmember' ? {} : { memberId: `XYZ${String(a.index).padStart(7, '0')}` }),
    };
  };

  /** The domain events a step records, as the decider would decide them. */
  const decide = async (a: AccountPlan, step: Step, t: number): Promise<AccountEvent[]> => {
    const iso = (ms: number) => new Date(ms).toISOString();
    switch (step) {
      case Step.IssueCode: {
        const code = String(100000 + (a.index % 900000));
        a.codeId = randomUUID();
        return [
          {
            type: 'ActivationCodeIssued',
            data: {
              accountId: a.id,
              codeId: a.codeId,
              codeHash: keyedHash(options.hmacKey, 'activation', code),
              codeSealed: await vault.seal(a.id, code),
              memberId: profileOf(a).memberId!,
              expiresAt: iso(t + 21 * DAY),
            },
          },
        ];
      }
      case Step.MailLetter:
        return [
          {
            type: 'ActivationCodeMailed',
            data: {
              codeId: a.codeId!,
              vendorReference: `VND-${a.index}`,
              mailedAt: iso(t),
              expectedDeliveryAt: iso(t + 7 * DAY),
            },
          },
        ];
      case Step.Register:
        return [
          {
            type: 'Registered',
            data: {
              accountId: a.id,
              kind: a.path === 'nonmember' ? 'nonmember' : 'member',
              via: a.path,
              profile: profileOf(a),
              passwordHash: PASSWORD_HASH,
              securityQuestion: 'Name of your first pet?',
              securityAnswerHash: ANSWER_HASH,
              communication: { email: true, text: a.index % 3 === 0 },
              termsAcceptedAt: iso(t),
            },
          },
          { type: 'UsernameCreated', data: { username: `member${a.index}user` } },
        ];
      case Step.WrongPassword: {
        a.failures++;
        const failed: AccountEvent = {
          type: 'LoginFailed',
          data: { reason: 'wrong-password', consecutive: a.failures },
        };
        if (a.failures < 5) return [failed];
        return [
          failed,
          { type: 'Locked', data: { until: iso(t + 30 * 60_000), consecutiveFailures: a.failures } },
        ];
      }
      case Step.LogIn: {
        const code = String(100000 + ((a.index * 7) % 900000));
        a.loginId = randomUUID();
        a.otpId = randomUUID();
        a.otpAttempts = 0;
        return [
          { type: 'PasswordAccepted', data: { loginId: a.loginId } },
          {
            type: 'OtpIssued',
            data: {
              loginId: a.loginId,
              otpId: a.otpId,
              codeHash: keyedHash(options.hmacKey, 'otp', code),
              codeSealed: await vault.seal(a.id, code),
              expiresAt: iso(t + 10 * 60_000),
            },
          },
        ];
      }
      case Step.WrongCode:
        return [
          { type: 'OtpFailed', data: { loginId: a.loginId!, otpId: a.otpId!, attempts: ++a.otpAttempts } },
        ];
      case Step.VerifyCode: {
        a.failures = 0;
        const events: AccountEvent[] = [
          { type: 'OtpVerified', data: { loginId: a.loginId!, otpId: a.otpId! } },
          {
            type: 'LoginSucceeded',
            data: { loginId: a.loginId!, sessionId: randomUUID(), method: 'email-code' },
          },
        ];
        // The first emailed code proves the address.
        if (!a.verified) events.push({ type: 'EmailVerified', data: { email: profileOf(a).email } });
        a.verified = true;
        return events;
      }
      default:
        throw new Error(`not an account step: ${step}`);
    }
  };

  const reservation = (a: AccountPlan, step: Step, t: number): { stream: string; event: NewEvent } => {
    const p = profileOf(a);
    const [kind, value] =
      step === Step.ClaimMember
        ? (['member', p.memberId!] as const)
        : step === Step.ClaimUsername
          ? (['username', `member${a.index}user`] as const)
          : (['email', p.email] as const);
    const event: NewEvent = {
      id: newEventId(t),
      type: 'ReservationClaimed',
      data: { accountId: a.id },
      metadata: meta(t, { kind: 'anonymous' }, a),
    };
    return {
      stream: `${kind}-${keyedHash(options.hmacKey, kind, value)}`,
      event: chain([event], GENESIS_HASH)[0],
    };
  };

  const WAVE = 4_000;
  let pending: Promise<unknown>[] = [];
  let pendingEvents = 0;
  const flush = async () => {
    await Promise.all(pending);
    pending = [];
    pendingEvents = 0;
  };
  try {
    for (let k = 0; k < plan.order.length; k++) {
      const n = plan.order[k];
      const a = accounts[plan.who[n]];
      const step = plan.what[n];
      const t = plan.at[n];
      if (step === Step.ClaimMember || step === Step.ClaimUsername || step === Step.ClaimEmail) {
        const { stream, event } = reservation(a, step, t);
        pending.push(store.append(stream, [event], 'no_stream'));
        byType[event.type] = (byType[event.type] ?? 0) + 1;
        reservationEvents++;
        pendingEvents++;
      } else {
        const stream = `account-${a.id}`;
        const domain = await decide(a, step, t);
        const actor: Actor =
          step === Step.MailLetter
            ? { kind: 'system', component: 'activation-letters' }
            : { kind: 'self', accountId: a.id };
        const correlation = meta(t, actor, a);
        const encoded: NewEvent[] = [];
        for (const event of domain) {
          const e = await codec.encode(stream, event);
          encoded.push({
            id: newEventId(t),
            type: e.type,
            data: e.data,
            metadata: { ...correlation, schemaVersion: e.schemaVersion },
          });
          byType[e.type] = (byType[e.type] ?? 0) + 1;
        }
        const chained = chain(encoded, a.prevHash);
        const expected: ExpectedRevision = a.revision === 0 ? 'no_stream' : BigInt(a.revision - 1);
        pending.push(store.append(stream, chained, expected));
        a.prevHash = chained[chained.length - 1].metadata.hash!;
        a.revision += chained.length;
        accountEvents += chained.length;
        pendingEvents += chained.length;
      }
      if (pendingEvents >= WAVE) {
        await flush();
        options.onProgress?.(k + 1, plan.order.length);
      }
    }
    await flush();
  } finally {
    await store.close();
  }
  await writeKeys(join(options.dataDir, 'keys.sqlite'), options.masterKey, memory.keys);
  return {
    accounts: options.accounts,
    events: accountEvents + reservationEvents,
    accountEvents,
    reservationEvents,
    byType,
    seconds: (Date.now() - started) / 1000,
  };
}

/** The keys the events were sealed with, wrapped under the master key in the service's key store, in one transaction. */
async function writeKeys(file: string, masterKey: Buffer, keys: Map<string, Buffer>): Promise<void> {
  const ring = new MasterKeyRing(masterKey);
  // Opened once by the service's own class, so the table is exactly the one it migrates to.
  await new SqliteDataKeyStore(file, ring).close();
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO data_keys (account_id, wrapped, master_key_id) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const [accountId, key] of keys) {
      const { masterKeyId, wrapped } = ring.wrap(accountId, key);
      insert.run(accountId, wrapped, masterKeyId);
    }
  })();
  db.close();
}
