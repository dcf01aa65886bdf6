/**
 * Fills the service's stores (DATA_DIR, or EVENTSTORE_URL) with N realistic
 * accounts and their histories, for benchmarks (bench/flows.bench.ts):
 *
 *   npm run seed:data -- --accounts 1000000 [--data-dir DIR] [--seed 1] [--batch 500] [--no-rebuild]
 *
 * Every event goes through the Account decider and is stored as the command
 * pipeline stores it: personal fields sealed with the account's own key (the
 * vault and `accountCodec`), metadata as `handleCommand` writes it, hash-chained
 * with `chain()`, plus the username/email/member reservation streams that logins
 * and registrations read. Then the read models are rebuilt (`rebuild`).
 *
 * What differs from live traffic, on purpose:
 * - Every password and security answer is the same argon2id hash (of
 *   BENCH_PASSWORD / BENCH_ANSWER), computed once per run: 1,000,000 real hashes
 *   would take 6 hours on two cores, and a verify costs the same whatever the hash.
 * - Data keys are made and inserted a batch at a time (one synced transaction per
 *   batch, not one per account), through the same key wrapping as the key store.
 *
 * Everything about account i (id, names, username, email, member id) follows from
 * the seed and i alone (`seededAccount`), so a bench can log in as account i.
 * Re-running is idempotent per account (each append expects "no stream"; a stream
 * already there is skipped) and resumes from DATA_DIR/seed-manifest.json.
 * Progress on stderr; one JSON summary line on stdout. Exit 2 on bad arguments.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { makeOwnerOnlyDir } from '@portal/config';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { accountCodec, type Accounts } from '@portal/accounts';
import { chain, GENESIS_HASH, reservationStreamId, type ReservationKind } from '@portal/command';
import {
  type AccountCommand,
  type AccountEvent,
  accountDecider,
  type AccountState,
  accountStreamId,
  DEFAULT_POLICY,
} from '@portal/domain';
import {
  type Actor,
  type EventStore,
  type NewEvent,
  newEventId,
  WrongExpectedRevisionError,
} from '@portal/event-store';
import { rebuild } from '@portal/read-models';
import {
  boot,
  createAccounts,
  createDocumentStore,
  createEventStore,
  type CliSpec,
  createReadModels,
  progressLine,
  readCommandLine,
  runCli,
} from '@portal/runtime';
import { PasswordHasher } from '@portal/security';
import { type DataKeyStore, MasterKeyRing, SqliteDataKeyStore, Vault } from '@portal/vault';

/** The password of every seeded account (meets the policy; never a real one). */
export const BENCH_PASSWORD = 'Seeded7Bench9Password';
export const BENCH_ANSWER = 'Seeded answer';

const FIRST = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph ' +
  'Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Margaret ' +
  'Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian ' +
  'Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Edward Sharon Jeffrey Cynthia Ryan ' +
  'Kathleen Jacob Amy Gary Angela Nicholas Shirley Eric Anna Jonathan Brenda Stephen Pamela Larry Emma Justin ' +
  'Nicole Scott Helen Brandon Samantha Benjamin Katherine Samuel Christine Gregory Debra Alexander Rachel ' +
  'Patrick Carolyn Frank Janet Raymond Maria Jack Olivia Dennis Heather Jerry Diane Tyler Julie Aaron Joyce'
).split(' ');
const LAST = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson ' +
  'Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis ' +
  'Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera ' +
  'Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart ' +
  'Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim ' +
  'Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo ' +
  'Sanders Patel Myers Long Ross Foster Jimenez'
).split(' ');
// Common surnames repeat (a prefix search finds many); the rest are rarer compounds, as in a real roster.
const SYLLABLES =
  'ab al an ar be bo ca de el en fa ga ha ir ka la lo ma mi na no or pa ra ri sa se ta to va we ya'.split(
    ' ',
  );
const QUESTIONS = ['Name of your first pet?', 'City where you were born?', 'Your first school?'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
];
const DAY = 86_400_000;

/** What the seed asks of `Accounts`: code hashes under the live key, seals under the batch's keys. */
type SeedAccounts = Pick<Accounts, 'codeHash' | 'seal'>;

/** A small, fast PRNG (mulberry32): the same seed gives the same accounts on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(seed: number, i: number, what: string): string {
  const h = createHash('sha256').update(`${seed}:${i}:${what}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface SeededAccount {
  index: number;
  accountId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  username: string;
  email: string;
  phone: string;
  /** Members only (about 85%); nonmember patient accounts have none. */
  memberId?: string;
  /** Registered with a mailed activation code (about 3%). */
  viaActivationCode: boolean;
}

/** Account i of a seed: what a bench needs to log in, search or ask for a username reminder. */
export function seededAccount(seed: number, i: number): SeededAccount {
  const r = prng(seed * 1_000_003 + i);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const firstName = pick(FIRST);
  const lastName =
    r() < 0.6
      ? pick(LAST)
      : [pick(SYLLABLES), pick(SYLLABLES), pick(SYLLABLES)].join('').replace(/^./, (c) => c.toUpperCase()) +
        pick(['', 'son', 'ez', 'er', 'ov', 'ski']);
  const born = Date.UTC(1940, 0, 1) + Math.floor(r() * 68 * 365.25) * DAY;
  const member = r() < 0.85;
  const viaActivationCode = member && r() < 0.035;
  return {
    index: i,
    accountId: uuidFrom(seed, i, 'account'),
    firstName,
    lastName,
    dateOfBirth: new Date(born).toISOString().slice(0, 10),
    // The index keeps every username and email unique; the names keep them looking real.
    username: `${firstName}${lastName}${i}`.toLowerCase(),
    email: `${firstName}.${lastName}.${i}@mail.example`.toLowerCase(),
    phone: `+1555${String(i % 10_000_000).padStart(7, '0')}`,
    ...(member ? { memberId: `HP${String(10_000_000 + i).padStart(9, '0')}` } : {}),
    viaActivationCode,
  };
}

interface Step {
  command: AccountCommand;
  actor: Actor;
  at: number;
}

/**
 * One account's life as the commands the service would have run, in order, each
 * with the values the application layer would have computed (hashes, seals).
 */
async function historyOf(
  a: SeededAccount,
  seed: number,
  anchor: number,
  hashes: { password: string; answer: string },
  accounts: SeedAccounts,
): Promise<Step[]> {
  const r = prng(seed * 7_919 + a.index);
  const self: Actor = { kind: 'self', accountId: a.accountId };
  const system: Actor = { kind: 'system', component: 'seed-data' };
  const steps: Step[] = [];
  let t = anchor - Math.floor((30 + r() * 1_065) * DAY);
  const profile = {
    firstName: a.firstName,
    lastName: a.lastName,
    dateOfBirth: a.dateOfBirth,
    email: a.email,
    phone: a.phone,
    ...(a.memberId ? { memberId: a.memberId } : {}),
  };
  const credentials = {
    username: a.username,
    password: BENCH_PASSWORD,
    passwordHash: hashes.password,
    securityQuestion: QUESTIONS[a.index % QUESTIONS.length],
    securityAnswerHash: hashes.answer,
    communication: { email: true, text: r() < 0.3 },
    termsAccepted: true,
  };
  let n = 0;
  const id = (what: string) => uuidFrom(seed, a.index, `${what}${n++}`);
  if (a.viaActivationCode) {
    const code = String(Math.floor(r() * 1e8)).padStart(8, '0');
    const codeId = id('code');
    steps.push({
      actor: { kind: 'anonymous' },
      at: t,
      command: {
        type: 'RequestActivationCode',
        accountId: a.accountId,
        memberId: a.memberId!,
        rosterMatched: true,
        codeId,
        codeHash: accounts.codeHash('activation', code),
        codeSealed: await accounts.seal(a.accountId, code),
        now: t,
      },
    });
    t += 3_600_000;
    steps.push({
      actor: system,
      at: t,
      command: {
        type: 'RecordActivationCodeMailed',
        codeId,
        vendorReference: `LTR-${a.index}`,
        expectedDeliveryAt: t + 7 * DAY,
        now: t,
      },
    });
    t += Math.floor((6 + r() * 10) * DAY);
    steps.push({
      actor: { kind: 'anonymous' },
      at: t,
      command: {
        type: 'RegisterWithActivationCode',
        codeHash: accounts.codeHash('activation', code),
        profile,
        ...credentials,
        now: t,
      },
    });
  } else {
    const base = { accountId: a.accountId, profile, ...credentials, now: t };
    steps.push({
      actor: { kind: 'anonymous' },
      at: t,
      command: a.memberId
        ? { type: 'RegisterMember', rosterMatched: true, ...base }
        : { type: 'RegisterNonmember', ...base },
    });
  }
  const otp = async () => {
    const code = String(Math.floor(r() * 1e6)).padStart(6, '0');
    return {
      code,
      otp: {
        otpId: id('otp'),
        codeHash: accounts.codeHash('otp', code),
        codeSealed: await accounts.seal(a.accountId, code),
      },
    };
  };
  // Most people sign in a few times; some never again, a few often.
  const logins = Math.floor(-Math.log(1 - r()) * 2.2);
  for (let k = 0; k < logins && t < anchor - 2 * DAY; k++) {
    t += Math.floor(r() * Math.min(90, (anchor - t) / DAY - 1) * DAY);
    const wrongPasswords = r() < 0.01 ? 5 : r() < 0.12 ? 1 : 0;
    for (let w = 0; w < wrongPasswords; w++) {
      const s = await otp();
      steps.push({
        actor: self,
        at: (t += 20_000),
        command: { type: 'LogIn', loginId: id('login'), passwordMatches: false, otp: s.otp, now: t },
      });
    }
    // Five wrong passwords lock the account for 30 minutes: the owner comes back later.
    if (wrongPasswords >= 5) t += 2 * 3_600_000;
    const loginId = id('login');
    const s = await otp();
    steps.push({
      actor: self,
      at: (t += 15_000),
      command: { type: 'LogIn', loginId, passwordMatches: true, otp: s.otp, now: t },
    });
    if (r() < 0.08)
      steps.push({
        actor: self,
        at: (t += 30_000),
        command: {
          type: 'VerifyOtp',
          loginId,
          codeHash: accounts.codeHash('otp', s.code === '000000' ? '000001' : '000000'),
          sessionId: id('session'),
          now: t,
        },
      });
    steps.push({
      actor: self,
      at: (t += 40_000),
      command: {
        type: 'VerifyOtp',
        loginId,
        codeHash: accounts.codeHash('otp', s.code),
        sessionId: id('session'),
        now: t,
      },
    });
  }
  if (r() < 0.03 && t < anchor - DAY)
    steps.push({ actor: self, at: (t += DAY / 2), command: { type: 'SendUsernameReminder', now: t } });
  return steps;
}

/** The decider's events for each step, folded in order, as `handleCommand` would have appended them. */
function decideAll(steps: Step[]): { events: AccountEvent[]; step: Step }[] {
  const decider = accountDecider(DEFAULT_POLICY);
  let state: AccountState = decider.initialState();
  const out: { events: AccountEvent[]; step: Step }[] = [];
  for (const step of steps) {
    const decision = decider.decide(step.command, state);
    if (decision.events.length === 0 && decision.rejection)
      throw new Error(`seed: ${step.command.type} refused: ${decision.rejection.message}`);
    out.push({ events: decision.events, step });
    state = decision.events.reduce(decider.evolve, state);
  }
  return out;
}

function metadataOf(step: Step, correlationId: string, schemaVersion: number, index: number) {
  return {
    correlationId,
    actor: step.actor,
    occurredAt: new Date(step.at).toISOString(),
    schemaVersion,
    // Invented history: its codes, locks and reminders were never meant for anyone's inbox.
    imported: 'seed-data',
    ...(step.actor.kind === 'system'
      ? {}
      : {
          clientIp: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
          userAgent: AGENTS[index % AGENTS.length],
        }),
  };
}

/**
 * Data keys for a batch of accounts: the stored one when a previous run made it,
 * else a fresh key wrapped under the master key, all inserted in one transaction.
 * The vault then finds every key in memory instead of syncing one insert per account.
 */
class BatchKeys implements DataKeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly insert;

  constructor(
    private readonly stored: SqliteDataKeyStore,
    file: string,
    private readonly ring: MasterKeyRing,
  ) {
    const db = new Database(file, { timeout: 10_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      'INSERT OR IGNORE INTO data_keys (account_id, wrapped, master_key_id) VALUES (?, ?, ?)',
    );
    this.insert = db.transaction((rows: [string, Buffer, string][]) => {
      for (const row of rows) insert.run(...row);
    });
  }

  async prepare(accountIds: string[]): Promise<void> {
    this.keys.clear();
    const fresh: [string, Buffer, string][] = [];
    for (const id of accountIds) {
      const existing = await this.stored.get(id);
      if (existing === 'erased') throw new Error(`seed: account ${id} was erased; use a fresh DATA_DIR`);
      if (existing) {
        this.keys.set(id, existing);
        continue;
      }
      const key = randomBytes(32);
      const { masterKeyId, wrapped } = this.ring.wrap(id, key);
      fresh.push([id, wrapped, masterKeyId]);
      this.keys.set(id, key);
    }
    this.insert(fresh);
  }

  async getOrCreate(accountId: string): Promise<Buffer> {
    const key = this.keys.get(accountId);
    if (!key) throw new Error(`seed: no key prepared for account ${accountId}`);
    return key;
  }
  get = (id: string) => Promise.resolve(this.keys.get(id));
  erase = () => Promise.reject(new Error('seed: not supported'));
  status = () => this.stored.status();
  rewrap = () => Promise.reject(new Error('seed: not supported'));
  ping = () => this.stored.ping();
  close = () => Promise.resolve();
}

/** Appends `events` as a new stream; false when the stream was already there (a previous run wrote it). */
async function appendNew(store: EventStore, streamId: string, events: NewEvent[]): Promise<boolean> {
  try {
    await store.append(streamId, events, 'no_stream');
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return false;
    throw error;
  }
}

export interface SeedArgs {
  accounts: number;
  dataDir?: string;
  seed: number;
  batch: number;
  rebuild: boolean;
}

export const SEED_DATA_CLI: CliSpec = {
  name: 'seed-data',
  about:
    'fills the embedded stores with N realistic accounts, for benchmarks (npm run seed:data -- … or portal-seed-data …)',
  usage: 'seed-data --accounts N [--data-dir DIR] [--seed S] [--batch B] [--no-rebuild]',
  options: {
    accounts: { type: 'string' },
    'data-dir': { type: 'string' },
    seed: { type: 'string' },
    batch: { type: 'string' },
    'no-rebuild': { type: 'boolean' },
  },
};

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const out: SeedArgs = { accounts: 0, seed: 1, batch: 500, rebuild: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    const count = (what: string) => {
      if (!/^\d+$/.test(value ?? '') || Number(value) < 1)
        throw new UsageError(`${what} needs a whole number above 0 (got ${JSON.stringify(value ?? '')})`);
      i++;
      return Number(value);
    };
    if (name === '--accounts') out.accounts = count('--accounts');
    else if (name === '--seed') out.seed = count('--seed');
    else if (name === '--batch') out.batch = count('--batch');
    else if (name === '--no-rebuild') out.rebuild = false;
    else if (name === '--data-dir') {
      if (!value) throw new UsageError('--data-dir needs a directory');
      out.dataDir = value;
      i++;
    } else throw new UsageError(`unknown argument ${JSON.stringify(name)}`);
  }
  if (out.accounts === 0) throw new UsageError('--accounts N is required');
  return out;
}

export class UsageError extends Error {}

interface Manifest {
  seed: number;
  anchor: number;
  done: number;
}

function bar(done: number, total: number, startedAt: number, startDone: number, events: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = Math.max(0.001, (performance.now() - startedAt) / 1000);
  const rate = (done - startDone) / seconds;
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} accounts  ${Math.round(rate)}/s  ${Math.round(events / seconds)} events/s  eta ${eta}s`;
}

export async function main(argv: string[], processEnv: NodeJS.ProcessEnv = process.env): Promise<number> {
  const shell = readCommandLine(SEED_DATA_CLI, argv);
  if (typeof shell === 'number') return shell;
  let args: SeedArgs;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(
      `seed-data: ${error.message}\nusage: npm run seed:data -- --accounts N [--data-dir DIR] [--seed S] [--batch B] [--no-rebuild]\n`,
    );
    return 2;
  }
  const env = { LOG_LEVEL: 'warn', ...processEnv, ...(args.dataDir ? { DATA_DIR: args.dataDir } : {}) };
  const { config } = boot('seed-data', { env });
  if (config.eventStore.kind !== 'sqlite' || config.readModels.kind !== 'sqlite') {
    process.stderr.write('seed-data: fills the embedded stores only; unset EVENTSTORE_URL and MONGO_URL\n');
    return 2;
  }
  makeOwnerOnlyDir(config.dataDir);
  const manifestFile = join(config.dataDir, 'seed-manifest.json');
  let manifest: Manifest = { seed: args.seed, anchor: Date.now(), done: 0 };
  if (existsSync(manifestFile)) {
    const previous = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (previous.seed !== args.seed) {
      process.stderr.write(`seed-data: ${config.dataDir} was seeded with --seed ${previous.seed}\n`);
      return 2;
    }
    manifest = previous;
  }

  const store = createEventStore(config.eventStore);
  const { accounts: live, vault: liveVault, close } = createAccounts(config, store);
  const ring = new MasterKeyRing(config.secrets.masterKey, config.secrets.previousMasterKeys);
  const keysFile = join(config.dataDir, 'keys.sqlite');
  const storedKeys = new SqliteDataKeyStore(keysFile, ring);
  const batchKeys = new BatchKeys(storedKeys, keysFile, ring);
  // The live Accounts for lookup keys and code hashes; a vault on the batch keys for sealing.
  const vault = new Vault(batchKeys, args.batch * 2);
  const accounts: SeedAccounts = {
    codeHash: live.codeHash.bind(live),
    seal: (accountId, value) => vault.seal(accountId, value),
  };
  const codec = accountCodec(vault);
  const hasher = new PasswordHasher();
  const hashes = { password: await hasher.hash(BENCH_PASSWORD), answer: await hasher.hash(BENCH_ANSWER) };

  const startedAt = performance.now();
  const startDone = Math.min(manifest.done, args.accounts);
  let events = 0;
  let skipped = 0;
  const progress = progressLine();
  try {
    for (let from = startDone; from < args.accounts; from += args.batch) {
      const to = Math.min(args.accounts, from + args.batch);
      const batch = Array.from({ length: to - from }, (_, k) => seededAccount(args.seed, from + k));
      await batchKeys.prepare(batch.map((a) => a.accountId));
      const appends: Promise<boolean>[] = [];
      for (const a of batch) {
        const steps = await historyOf(a, args.seed, manifest.anchor, hashes, accounts);
        const streamId = accountStreamId(a.accountId);
        const stored: NewEvent[] = [];
        let c = 0;
        for (const { events: decided, step } of decideAll(steps)) {
          const correlationId = uuidFrom(args.seed, a.index, `corr${c++}`);
          for (const e of decided) {
            const encoded = await codec.encode(streamId, e);
            stored.push({
              id: newEventId(),
              type: encoded.type,
              data: encoded.data,
              metadata: metadataOf(step, correlationId, encoded.schemaVersion, a.index),
            });
          }
        }
        events += stored.length;
        appends.push(appendNew(store, streamId, chain(stored, GENESIS_HASH)));
        const held: [ReservationKind, string | undefined][] = [
          ['username', a.username],
          ['email', a.email],
          ['member', a.memberId],
        ];
        for (const [kind, value] of held) {
          if (!value) continue;
          const claim: NewEvent = {
            id: newEventId(),
            type: 'ReservationClaimed',
            data: { accountId: a.accountId },
            metadata: metadataOf(steps[0], uuidFrom(args.seed, a.index, 'corr0'), 1, a.index),
          };
          const streamOf = reservationStreamId(kind, live.lookupKey(kind, value));
          appends.push(appendNew(store, streamOf, chain([claim], GENESIS_HASH)));
        }
      }
      skipped += (await Promise.all(appends)).filter((written) => !written).length;
      manifest.done = to;
      writeFileSync(manifestFile, JSON.stringify(manifest));
      progress.update(bar(to, args.accounts, startedAt, startDone, events), to === args.accounts);
    }
    const seededSeconds = (performance.now() - startedAt) / 1000;
    progress.done();
    let rebuilt: { events: number; seconds: number } | undefined;
    if (args.rebuild) {
      const docs = await createDocumentStore(config);
      const { projector } = createReadModels(config, store, liveVault, docs);
      const t0 = performance.now();
      const rebuildProgress = progressLine();
      const result = await rebuild(projector, {
        dropAfterMs: 0,
        onProgress: (p) => {
          const s = (performance.now() - t0) / 1000;
          rebuildProgress.update(`read models: ${p.events} events  ${Math.round(p.events / s)}/s`);
        },
      });
      rebuilt = { events: result.events, seconds: (performance.now() - t0) / 1000 };
      rebuildProgress.done();
      await docs.close();
    }
    process.stdout.write(
      `${JSON.stringify({
        dataDir: config.dataDir,
        accounts: args.accounts,
        seededThisRun: args.accounts - startDone,
        eventsThisRun: events,
        streamsAlreadyThere: skipped,
        seconds: Number(seededSeconds.toFixed(1)),
        accountsPerSecond: Math.round((args.accounts - startDone) / seededSeconds),
        eventsPerSecond: Math.round(events / seededSeconds),
        ...(rebuilt
          ? {
              rebuild: {
                events: rebuilt.events,
                seconds: Number(rebuilt.seconds.toFixed(1)),
                eventsPerSecond: Math.round(rebuilt.events / rebuilt.seconds),
              },
            }
          : {}),
      })}\n`,
    );
    return 0;
  } finally {
    await storedKeys.close();
    await close();
    await store.close();
  }
}

if (require.main === module) runCli('seed-data', main);
