/**
 * Notifications benchmark (not part of the test suite): N code emails end to end,
 * from `OtpIssued` events already in the store, through the delivery reactor, the
 * queue (BullMQ on Redis, or the embedded SQLite queue) and the worker, to an SMTP
 * server in a child process. Measures emails/s from reactor start to the last
 * message accepted by the SMTP server, CPU and peak RSS of the service process.
 *
 * Run with `npm run bench:notifications` (REDIS_URL or 127.0.0.1:6379).
 * Options: `-- --emails 5000 --concurrency 64 --smtp-connections 8 --worker-processes 1`;
 * BENCH_ONLY=raw|queue|bullmq|sqlite runs one part; BENCH_PROFILE=<dir> writes a CPU profile.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Accounts, SqliteSessionStore } from '../libs/accounts/src';
import type { CommandContext } from '../libs/command/src';
import { SqliteEventStore } from '../libs/event-store/src';
import { BullMqJobQueue, type JobQueue, SqliteJobQueue } from '../libs/jobs/src';
import {
  DeliveryReactor,
  DeliveryWorker,
  SmtpMailer,
  OutboxLetterSender,
  SqliteCheckpointStore,
} from '../libs/notifications/src';
import { createLogger } from '../libs/observability/src';
import { CsvRoster } from '../libs/roster/src';
import { PasswordHasher } from '../libs/security/src';
import { SqliteDataKeyStore, Vault } from '../libs/vault/src';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const EMAILS = arg('emails', 5000);
const CONCURRENCY = arg('concurrency', 64);
const SMTP_CONNECTIONS = arg('smtp-connections', 8);
/** Worker processes: 1 runs the worker beside the reactor; N > 1 adds N - 1 forked worker processes, as production scales workers. */
const WORKER_PROCESSES = arg('worker-processes', 1);
const logger = createLogger({ level: 'warn', name: 'bench' });
const silent = { warn: () => undefined, error: () => undefined };

interface Sink {
  port: number;
  received(): Promise<number>;
  /** CPU time the sink process has used so far, in ms. */
  cpuMs(): Promise<number>;
  waitFor(n: number): Promise<void>;
  stop(): void;
}

async function startSink(): Promise<Sink> {
  const child = fork(join(__dirname, 'smtp-sink.js'), [], { stdio: 'inherit' });
  let latest = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  const port = await new Promise<number>((resolve) => {
    child.on('message', (m: { port?: number; received?: number }) => {
      if (m.port !== undefined) resolve(m.port);
      if (m.received !== undefined) {
        latest = Math.max(latest, m.received);
        for (const w of waiters.filter((w) => latest >= w.n)) w.resolve();
      }
    });
  });
  return {
    port,
    received: () =>
      new Promise((resolve) => {
        child.once('message', (m: { received?: number }) => resolve(m.received ?? latest));
        child.send({ report: true });
      }),
    cpuMs: () =>
      new Promise((resolve) => {
        const listen = (m: { cpuMs?: number }) => {
          if (m.cpuMs === undefined) return;
          child.off('message', listen);
          resolve(m.cpuMs);
        };
        child.on('message', listen);
        child.send({ cpu: true });
      }),
    waitFor: (n) => new Promise((resolve) => (latest >= n ? resolve() : waiters.push({ n, resolve }))),
    stop: () => child.disconnect(),
  };
}

async function scenario(kind: 'bullmq' | 'sqlite'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-notify-'));
  const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  const masterKey = randomBytes(32);
  const keys = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), masterKey);
  const sessions = new SqliteSessionStore(join(dir, 'sessions.sqlite'));
  const vault = new Vault(keys);
  const roster = new CsvRoster(join(__dirname, '..', 'libs', 'roster', 'demo', 'roster.csv'));
  const accounts = new Accounts({
    store,
    vault,
    hasher: new PasswordHasher(),
    sessions,
    roster,
    hmacKey: randomBytes(32),
  });
  const ctx = (): CommandContext => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' },
    occurredAt: new Date(),
  });

  // Setup, not measured: N members, each with one code to mail.
  const setup = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async (_, lane) => {
      for (let i = lane; i < EMAILS; i += 32) {
        const accountId = randomUUID();
        await accounts.run(
          accountId,
          {
            type: 'RegisterNonmember',
            accountId,
            profile: {
              firstName: 'Bench',
              lastName: `Member${i}`,
              dateOfBirth: '1980-01-01',
              email: `m${i}@bench.example`,
            },
            communication: { email: true, text: false },
            termsAccepted: true,
            username: `benchuser${i}`,
            password: 'Bench7Password9Long',
            passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$bench$bench',
            securityQuestion: 'Name of your first pet?',
            securityAnswerHash: '$argon2id$v=19$m=19456,t=2,p=1$bench$answer',
            now: Date.now(),
          },
          ctx(),
        );
        const code = String(100000 + i);
        await accounts.run(
          accountId,
          {
            type: 'LogIn',
            loginId: randomUUID(),
            passwordMatches: true,
            otp: {
              otpId: randomUUID(),
              codeHash: accounts.codeHash('otp', code),
              codeSealed: await accounts.seal(accountId, code),
            },
            now: Date.now(),
          },
          ctx(),
        );
      }
    }),
  );
  const setupSeconds = (performance.now() - setup) / 1000;

  const sink = await startSink();
  const prefix = `bench-notify-${randomUUID().slice(0, 8)}`;
  const queue: JobQueue =
    kind === 'bullmq'
      ? await BullMqJobQueue.connect(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
          prefix,
          logger: silent,
        })
      : SqliteJobQueue.open(join(dir, 'jobs.sqlite'), { logger: silent });
  // The reactor's side alone: when the last job was stored, so its share of the time shows apart.
  let added = 0;
  let allAddedAt = 0;
  const jobs: JobQueue = Object.assign(Object.create(queue) as JobQueue, {
    add: async (...a: Parameters<JobQueue['add']>) => {
      const result = await queue.add(...a);
      if (++added === EMAILS) allAddedAt = performance.now();
      return result;
    },
    addMany: async (...a: Parameters<JobQueue['addMany']>) => {
      const results = await queue.addMany(...a);
      added += results.length;
      if (added === EMAILS) allAddedAt = performance.now();
      return results;
    },
  });
  const { mailer, worker } = deliveryWorker(store, { accounts, vault, roster }, sink.port, dir);
  const children = await Promise.all(
    Array.from({ length: WORKER_PROCESSES - 1 }, () =>
      forkWorker({ kind, dir, prefix, masterKey: masterKey.toString('hex'), smtpPort: sink.port }),
    ),
  );
  const checkpoints = new SqliteCheckpointStore(join(dir, 'checkpoints.sqlite'));
  const reactor = new DeliveryReactor(store, jobs, checkpoints, logger);

  const redis = kind === 'bullmq' ? new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379') : undefined;
  const redisCpu0 = redis ? await redisCpuMs(redis) : 0;
  const sinkCpu0 = await sink.cpuMs();
  const childCpu0 = await Promise.all(children.map((c) => c.cpuMs()));
  const cpu0 = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const profile = await startProfile();
  const t0 = performance.now();
  await worker.start(jobs, { email: CONCURRENCY });
  for (const child of children) child.start();
  await reactor.start();
  await sink.waitFor(EMAILS);
  const seconds = (performance.now() - t0) / 1000;
  await profile?.stop(`notifications-${kind}`);
  console.error(
    `${kind}: the reactor had stored all ${EMAILS} jobs after ${((allAddedAt - t0) / 1000).toFixed(2)} s of ${seconds.toFixed(2)} s`,
  );
  const cpu = process.cpuUsage(cpu0);
  const childCpuMs = (await Promise.all(children.map((c) => c.cpuMs()))).reduce(
    (sum, ms, i) => sum + ms - (childCpu0[i] as number),
    0,
  );
  const sinkCpuMs = (await sink.cpuMs()) - sinkCpu0;
  const redisCpuMsUsed = redis ? (await redisCpuMs(redis)) - redisCpu0 : 0;
  redis?.disconnect();
  clearInterval(rssTimer);
  const received = await sink.received();
  const cores = (ms: number) => (ms / 1000 / seconds).toFixed(2);

  await reactor.stop();
  await Promise.all(children.map((c) => c.stop()));
  await jobs.close();
  await mailer.close();
  await checkpoints.close();
  sink.stop();
  await store.close();
  sessions.close();
  await keys.close();
  rmSync(dir, { recursive: true, force: true });
  if (kind === 'bullmq') await deleteKeys(prefix);
  const rate = Math.round(EMAILS / seconds);
  const queueName = kind === 'bullmq' ? 'BullMQ (Redis)' : 'embedded SQLite queue';
  const processes = WORKER_PROCESSES > 1 ? `, worker in ${WORKER_PROCESSES} processes` : '';
  return (
    `| ${queueName}${processes} | ${EMAILS} | ${received} | ` +
    `**${rate.toLocaleString('en-US')} emails/s** | ${cores((cpu.user + cpu.system) / 1000)}` +
    `${children.length > 0 ? ` + ${cores(childCpuMs)}` : ''} cores | ${cores(sinkCpuMs)} | ` +
    `${redis ? cores(redisCpuMsUsed) : ''} | ${Math.round(peakRss / 2 ** 20)} MiB | ${setupSeconds.toFixed(1)} s |`
  );
}

type WorkerAccounts = Pick<ConstructorParameters<typeof DeliveryWorker>[0], 'accounts' | 'vault' | 'roster'>;

function deliveryWorker(
  store: SqliteEventStore,
  { accounts, vault, roster }: WorkerAccounts,
  smtpPort: number,
  dir: string,
) {
  const mailer = new SmtpMailer(`smtp://127.0.0.1:${smtpPort}`, 'Bench <noreply@bench.example>', {
    maxConnections: SMTP_CONNECTIONS,
  });
  const worker = new DeliveryWorker({
    store,
    accounts,
    vault,
    roster,
    mailer,
    letters: new OutboxLetterSender(join(dir, 'outbox')),
    plan: { name: 'Bench Plan', supportPhone: '1-800-555-0100', portalUrl: 'https://bench.example' },
    logger,
  });
  return { mailer, worker };
}

interface ChildConfig {
  kind: 'bullmq' | 'sqlite';
  dir: string;
  prefix: string;
  masterKey: string;
  smtpPort: number;
}

interface ChildWorker {
  start(): void;
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Another worker process on the same event store, key store and queue: what a second worker host would be. */
async function forkWorker(config: ChildConfig): Promise<ChildWorker> {
  const child = fork(__filename, [...process.argv.slice(2), '--child-worker', JSON.stringify(config)], {
    stdio: 'inherit',
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve) => {
      const listen = (m: Record<string, unknown>) => {
        if (!(key in m)) return;
        child.off('message', listen);
        resolve(m[key] as T);
      };
      child.on('message', listen);
    });
  await next('ready');
  return {
    start: () => child.send({ start: true }),
    cpuMs: () => {
      const reply = next<number>('cpuMs');
      child.send({ cpu: true });
      return reply;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ stop: true });
      await exited;
    },
  };
}

async function childWorker(config: ChildConfig): Promise<void> {
  const store = SqliteEventStore.open(join(config.dir, 'events.sqlite'));
  const keys = new SqliteDataKeyStore(join(config.dir, 'keys.sqlite'), Buffer.from(config.masterKey, 'hex'));
  const sessions = new SqliteSessionStore(join(config.dir, 'sessions.sqlite'));
  const vault = new Vault(keys);
  const roster = new CsvRoster(join(__dirname, '..', 'libs', 'roster', 'demo', 'roster.csv'));
  const accounts = new Accounts({
    store,
    vault,
    hasher: new PasswordHasher(),
    sessions,
    roster,
    hmacKey: randomBytes(32),
  });
  const jobs: JobQueue =
    config.kind === 'bullmq'
      ? await BullMqJobQueue.connect(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
          prefix: config.prefix,
          logger: silent,
        })
      : SqliteJobQueue.open(join(config.dir, 'jobs.sqlite'), { logger: silent, pollIntervalMs: 20 });
  const { mailer, worker } = deliveryWorker(store, { accounts, vault, roster }, config.smtpPort, config.dir);
  process.on('message', (m: { start?: boolean; cpu?: boolean; stop?: boolean }) => {
    if (m.start) void worker.start(jobs, { email: CONCURRENCY });
    if (m.cpu) {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMs: (user + system) / 1000 });
    }
    if (m.stop)
      void (async () => {
        await jobs.close();
        await mailer.close();
        await store.close();
        sessions.close();
        await keys.close();
        process.exit(0);
      })();
  });
  process.send?.({ ready: true });
}

/** CPU time Redis has used since it started, in ms (INFO cpu). */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

/** With BENCH_PROFILE=<dir>, a CPU profile of the measured window only (setup excluded), for `--cpu-prof`-style analysis. */
async function startProfile(): Promise<{ stop(name: string): Promise<void> } | undefined> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The bench's BullMQ keys, removed afterwards. */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** The bound: the SMTP mailer alone (its connection pool, 64 sends in flight) to the same sink, with no store, queue or vault. */
async function rawNodemailer(connections: number, prerender: boolean): Promise<string> {
  const sink = await startSink();
  const mailer = new SmtpMailer(`smtp://127.0.0.1:${sink.port}`, 'Bench <noreply@bench.example>', {
    maxConnections: connections,
    prerender,
  });
  let next = 0;
  const sinkCpu0 = await sink.cpuMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < EMAILS) {
        const i = next++;
        await mailer.send({
          messageId: `<raw-${i}@bench.example>`,
          to: `m${i}@bench.example`,
          subject: 'Your Bench Plan verification code',
          text: `Hello Bench,\r\n\r\nYour verification code is ${100000 + i}.\r\n`,
          html: `<p>Hello Bench,</p><p>Your verification code is <strong>${100000 + i}</strong>.</p>`,
        });
      }
    }),
  );
  await sink.waitFor(EMAILS);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const sinkCpuMs = (await sink.cpuMs()) - sinkCpu0;
  await mailer.close();
  sink.stop();
  return (
    `| reference: SMTP mailer alone, ${prerender ? 'pre-rendered MIME' : "nodemailer's composer"}, ${connections} connections | ${EMAILS} | ${EMAILS} | ` +
    `${Math.round(EMAILS / seconds).toLocaleString('en-US')} emails/s | ${((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)} cores | ` +
    `${(sinkCpuMs / 1000 / seconds).toFixed(2)} | | | |`
  );
}

/**
 * BullMQ's own floor, none of our code: `Queue.addBulk` in batches of 256 (as the reactor
 * stores jobs), each job with its id, retries and a retention for dedupe (what issue #6 asks
 * of every job), consumed by a `Worker` whose processor does nothing. Its service and Redis
 * CPU per job are a floor under any end-to-end run on BullMQ.
 */
async function queueAlone(): Promise<string> {
  const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const prefix = `bench-queue-${randomUUID().slice(0, 8)}`;
  const producer = new Redis(url, { maxRetriesPerRequest: null });
  const consumer = new Redis(url, { maxRetriesPerRequest: null });
  const redis = new Redis(url);
  const queue = new Queue('email', { connection: producer, prefix });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const redisCpu0 = await redisCpuMs(redis);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = new Worker(
    'email',
    async () => {
      if (++done === EMAILS) finished();
    },
    { connection: consumer, prefix, concurrency: CONCURRENCY },
  );
  const opts = {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 86_400 },
  };
  for (let i = 0; i < EMAILS; i += 256) {
    await queue.addBulk(
      Array.from({ length: Math.min(256, EMAILS - i) }, () => ({
        name: 'email',
        data: { payload: { streamId: `account-${randomUUID()}`, revision: '1', kind: 'otp' } },
        opts: { ...opts, jobId: randomUUID() },
      })),
    );
  }
  await allDone;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const redisCpu = (await redisCpuMs(redis)) - redisCpu0;
  await worker.close();
  await queue.close();
  producer.disconnect();
  consumer.disconnect();
  redis.disconnect();
  await deleteKeys(prefix);
  const cores = (ms: number) => (ms / 1000 / seconds).toFixed(2);
  return (
    `| reference: BullMQ alone (addBulk + a Worker doing nothing, concurrency ${CONCURRENCY}) | ${EMAILS} | | ` +
    `${Math.round(EMAILS / seconds).toLocaleString('en-US')} jobs/s | ${cores((cpu.user + cpu.system) / 1000)} cores | | ` +
    `${cores(redisCpu)} | | |`
  );
}

async function main(): Promise<void> {
  console.log(
    `Notifications benchmark: ${EMAILS} code emails, worker concurrency ${CONCURRENCY}, ${SMTP_CONNECTIONS} SMTP connections; ` +
      `${cpus().length} CPUs, ${cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(
    '| queue | emails | received by SMTP | rate | service CPU | SMTP sink CPU | Redis CPU | peak RSS | setup (not measured) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'raw') {
    console.log(await rawNodemailer(8, false));
    console.log(await rawNodemailer(8, true));
    console.log(await rawNodemailer(32, true));
  }
  if (!only || only === 'queue') console.log(await queueAlone());
  for (const kind of ['bullmq', 'sqlite'] as const)
    if (!only || only === kind) console.log(await scenario(kind));
}

const childArg = process.argv.indexOf('--child-worker');
(childArg === -1
  ? main()
  : childWorker(JSON.parse(process.argv[childArg + 1] as string) as ChildConfig)
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
