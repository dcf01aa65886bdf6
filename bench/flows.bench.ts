/**
 * The main HTTP flows against their physical bound (issue #8), not part of the test suite.
 *
 * Boots the service (`dist/apps/standalone/src/main.js`, ROLES=api, embedded stores,
 * BullMQ/Redis when it answers) as a child process on a DATA_DIR filled by
 * `npm run seed:data`, loads it from this process (keep-alive connections, a fixed
 * number of requests in flight) and reports, per flow: throughput, p50/p99 latency,
 * the child's CPU (from /proc), its peak RSS and its reads from disk (page-cache
 * misses). In the same run, with the same argon2 parameters, it measures the raw
 * argon2 verify rate on both cores.
 *
 *   npm run seed:data -- --accounts 300000 --data-dir /tmp/flows/data
 *   flock /tmp/bench.lock npm run bench:flows -- --data-dir /tmp/flows/data
 *
 * Options: --duration S (per measurement, 10), --repeat R (measurements per flow, 2),
 * --flows login,verify,register,search,history,reminder,steps, --cpu-prof DIR (profiles of the child),
 * --accounts N (seed DATA_DIR up to N accounts first, resuming; DATA_DIR then defaults to
 * /tmp/flows/data-N), --heavy-events E (10000) and --step-samples S (100) for `steps`,
 * --api-processes N (1): N API processes on the same DATA_DIR, each on its own port, as DESIGN.md
 * deploys the API ("api horizontally"); the load generator spreads requests over them round-robin,
 * and CPU, RSS and disk reads are their sums (per-process peaks are reported too).
 * Environment for the service: SQLITE_CACHE_MIB, MALLOC_* (glibc), SERVICE_NODE_OPTIONS (its NODE_OPTIONS),
 * SERVICE_LOG_LEVEL (its LOG_LEVEL, default warn; production's default is info).
 *
 * Code verification uses logins whose codes the bench knows: before that flow it runs,
 * from this process and on the same stores, the service's own `LogIn` command (the
 * Accounts pipeline) for fresh seeded accounts with codes it drew itself, then posts
 * those codes. Rate limits are off (RATE_LIMIT_*=0): one client IP sends everything.
 * Each request of a flow uses another account, so no two wait on one stream's lock.
 *
 * `steps` (issue 21: does a command cost the same on day 1 and in year 10?): one request at a
 * time, the password step (`POST /v1/login`) then the code step (`/v1/login/verify-code`, with
 * the code the service just sealed in the account's OtpIssued, opened here through the vault),
 * alternating between a fresh seeded account (a new one each time) and one account whose stream
 * was brought to E events before the service started: login cycles decided by the Account
 * decider and appended directly to the store, chained and sealed as the pipeline does, marked
 * `imported` so nothing would ever mail them. Latency p50/p99 per step and account.
 *
 * Issue 21's rows in one run: `npm run bench:command-cost` (= --flows login,verify,steps
 * --accounts 200000); at a small scale `npm run bench:command-cost -- --accounts 2000`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createConnection, createServer } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAccounts } from '../libs/runtime/src/adapters';
import { loadConfig } from '../libs/config/src';
import { type NewEvent, SqliteEventStore } from '../libs/event-store/src';
import { accountCodec } from '../libs/accounts/src';
import { chain, load } from '../libs/command/src';
import { type AccountCommand, accountDecider, accountStreamId, DEFAULT_POLICY } from '../libs/domain/src';
import { PasswordHasher } from '../libs/security/src';
import { BENCH_PASSWORD, seededAccount } from '../apps/api/src/cli/seed-data';
import { newLoginToken } from '../apps/api/src/portal/shared/login-token';

const argv = process.argv.slice(2);
function opt(name: string): string | undefined {
  // The last occurrence wins, so an npm script's defaults can be overridden after `--`.
  const i = argv.lastIndexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
}
const SEED_TO = opt('accounts');
if (SEED_TO !== undefined && !/^[1-9]\d*$/.test(SEED_TO)) {
  process.stderr.write('bench:flows: --accounts must be a whole number of at least 1\n');
  process.exit(2);
}
const DATA_DIR = resolve(opt('data-dir') ?? (SEED_TO ? `/tmp/flows/data-${SEED_TO}` : '/tmp/flows/data'));
const DURATION_S = Number(opt('duration') ?? 10);
const REPEAT = Number(opt('repeat') ?? 2);
const FLOWS = (opt('flows') ?? 'login,verify,register,search,history,reminder').split(',');
const CPU_PROF = opt('cpu-prof');
const API_PROCESSES = Number(opt('api-processes') ?? 1);
if (!Number.isInteger(API_PROCESSES) || API_PROCESSES < 1) {
  process.stderr.write('bench:flows: --api-processes must be a whole number of at least 1\n');
  process.exit(2);
}
const HEAVY_EVENTS = Number(opt('heavy-events') ?? 10_000);
const STEP_SAMPLES = Number(opt('step-samples') ?? 100);
const ROOT = resolve(__dirname, '..', '..');
const CLK_TCK = 100;

const manifestFile = join(DATA_DIR, 'seed-manifest.json');
const seededSoFar = () =>
  existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { done: number }).done : 0;
if (SEED_TO !== undefined && seededSoFar() < Number(SEED_TO)) {
  // The seeder resumes where an earlier run stopped, and rebuilds the read models at the end.
  process.stderr.write(`bench:flows: seeding ${DATA_DIR} up to ${SEED_TO} accounts\n`);
  execFileSync(
    process.execPath,
    [join(ROOT, 'dist/apps/api/src/cli/seed-data.js'), '--accounts', SEED_TO, '--data-dir', DATA_DIR],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
}
if (!existsSync(manifestFile)) {
  process.stderr.write(
    `bench:flows: ${DATA_DIR} is not seeded; run npm run seed:data -- --accounts N --data-dir ${DATA_DIR}\n`,
  );
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { seed: number; done: number };
const SEED = manifest.seed;
const ACCOUNTS = manifest.done;

// Each flow takes seeded accounts from its own slice, so flows and runs never share an account.
let nextIndex = randomInt(0, Math.max(1, ACCOUNTS - 1));
const takeIndex = () => (nextIndex = (nextIndex + 7919) % ACCOUNTS);

interface Response {
  status: number;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });
/** The API processes' ports; requests go to them in turn. */
const ports: number[] = [];
/** Each API process's operations listener (/metrics), by its API port. */
const metricsPorts = new Map<number, number>();
let nextPort = 0;

function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  port = ports[nextPort++ % ports.length],
) {
  return new Promise<Response>((resolvePromise, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...headers,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function procStat(pid: number): { cpuTicks: number; rssKiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuTicks: Number(fields[11]) + Number(fields[12]),
    rssKiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
  };
}

/** The services' CPU ticks and RSS, summed over the API processes. */
function procStats(pids: number[]): { cpuTicks: number; rssKiB: number } {
  return pids
    .map(procStat)
    .reduce((a, b) => ({ cpuTicks: a.cpuTicks + b.cpuTicks, rssKiB: a.rssKiB + b.rssKiB }));
}

/** One service's own view of its memory (prom-client default metrics, on its operations listener), in MiB. */
async function memoryOf(port: number): Promise<Record<string, number>> {
  const text = (await call('GET', '/metrics', undefined, {}, metricsPorts.get(port)!)).body;
  const mib = (name: string) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text);
    return m ? Math.round(Number(m[1]) / 1048576) : NaN;
  };
  return {
    rss: mib('process_resident_memory_bytes'),
    heapTotal: mib('nodejs_heap_size_total_bytes'),
    heapUsed: mib('nodejs_heap_size_used_bytes'),
    external: mib('nodejs_external_memory_bytes'),
  };
}

/** Bytes the processes caused to be read from the block device (page-cache misses), from /proc/<pid>/io. */
function diskReadBytes(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      sum += Number(/^read_bytes: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
    } catch {
      return NaN; // not readable (another user's process, or no task I/O accounting)
    }
  }
  return sum;
}

function peakRssKiB(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

interface Measurement {
  flow: string;
  concurrency: number;
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuCores: number;
  peakRssMiB: number;
  /** The service's reads from disk during the measurement (page-cache misses), MiB/s. */
  diskReadMiBps: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * `concurrency` loops, each sending the next request as soon as the previous one
 * answers, for `seconds` (or until `next` has nothing more to send).
 */
async function measure(
  flow: string,
  concurrency: number,
  seconds: number,
  next: () =>
    | { method: string; path: string; body?: unknown; headers?: Record<string, string>; ok: number }
    | undefined,
): Promise<Measurement> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, procStats(pids).rssKiB)), 50);
  const before = procStats(pids);
  const readBefore = diskReadBytes(pids);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = next();
        if (!r) return;
        const t0 = performance.now();
        try {
          const res = await call(r.method, r.path, r.body, r.headers);
          if (res.status === r.ok) latencies.push(performance.now() - t0);
          else {
            const code = /"code":"([A-Z_]+)"/.exec(res.body)?.[1] ?? '';
            errors[`${res.status} ${code}`] = (errors[`${res.status} ${code}`] ?? 0) + 1;
          }
        } catch (error) {
          const key = (error as NodeJS.ErrnoException).code ?? 'network';
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = procStats(pids);
  const readAfter = diskReadBytes(pids);
  peakRss = Math.max(peakRss, after.rssKiB);
  latencies.sort((a, b) => a - b);
  const m: Measurement = {
    flow,
    concurrency,
    ok: latencies.length,
    errors,
    seconds: Number(elapsed.toFixed(2)),
    perSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50: Number(quantile(latencies, 0.5).toFixed(2)),
    p99: Number(quantile(latencies, 0.99).toFixed(2)),
    cpuCores: Number(((after.cpuTicks - before.cpuTicks) / CLK_TCK / elapsed).toFixed(2)),
    peakRssMiB: Math.round(peakRss / 1024),
    diskReadMiBps: Number(((readAfter - readBefore) / 1048576 / elapsed).toFixed(1)),
  };
  process.stderr.write(`${JSON.stringify(m)}\n`);
  return m;
}

/** Raw argon2id verifies/s with the service's parameters and semaphore (one per core), nothing else running. */
async function argon2Rate(seconds: number): Promise<{ perSecond: number; cpuCores: number }> {
  const hasher = new PasswordHasher();
  const hash = await hasher.hash(BENCH_PASSWORD);
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: availableParallelism() * 2 }, async () => {
      while (performance.now() < end) {
        if (!(await hasher.verify(hash, BENCH_PASSWORD))) throw new Error('argon2 verify failed');
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const result = {
    perSecond: Math.round((done / elapsed) * 10) / 10,
    cpuCores: Number(((cpu.user + cpu.system) / 1e6 / elapsed).toFixed(2)),
  };
  process.stderr.write(`${JSON.stringify({ flow: 'argon2 raw', ...result })}\n`);
  return result;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolvePromise(p));
    });
  });
}

async function redisAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** The API processes under measurement (their pids), set once they are ready. */
let pids: number[] = [];

async function boot(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/apps/standalone/src/main.js')], {
    env: { ...env, PORT: String(port), METRICS_PORT: String(metricsPorts.get(port) ?? 0) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    const ready = await call('GET', '/health/ready', undefined, {}, port).catch(() => undefined);
    if (ready?.status === 200) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service not ready within 60 s');
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Logins whose codes this process chose: the service's own LogIn command run on the same stores. */
async function primeCodes(count: number): Promise<{ loginToken: string; code: string }[]> {
  const config = loadConfig(
    { DATA_DIR, LOG_LEVEL: 'warn' },
    { rosterFile: join(ROOT, 'libs/roster/demo/roster.csv') },
  );
  const store = SqliteEventStore.open(join(DATA_DIR, 'events.sqlite'));
  const { accounts, close } = createAccounts(config, store);
  const out: { loginToken: string; code: string }[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (out.length < count) {
        const a = seededAccount(SEED, takeIndex());
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        // The token and its stored loginId exactly as step 1 makes them.
        const { token, loginId } = newLoginToken(accounts, a.accountId);
        await accounts.run(
          a.accountId,
          {
            type: 'LogIn',
            loginId,
            passwordMatches: true,
            otp: {
              otpId: randomUUID(),
              codeHash: accounts.codeHash('otp', code),
              codeSealed: await accounts.seal(a.accountId, code),
            },
            now: Date.now(),
          },
          {
            correlationId: randomUUID(),
            actor: { kind: 'self', accountId: a.accountId },
            occurredAt: new Date(),
          },
        );
        out.push({ loginToken: token, code });
      }
    }),
  );
  process.stderr.write(
    `primed ${out.length} codes in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  await close();
  await store.close();
  return out;
}

/** The account whose stream `steps` brings to HEAVY_EVENTS events: the first seeded one, whatever N. */
const HEAVY_INDEX = 0;

/**
 * Appends login cycles (a password step that issues a code, then the right code) to the heavy
 * account's stream until it holds `target` events: decided by the Account decider on the folded
 * state, sealed by the account codec, chained and appended in batches, as the pipeline would have
 * stored them. Idempotent across runs: a stream already that long is left alone.
 */
async function seedHeavyAccount(target: number): Promise<number> {
  const config = loadConfig(
    { DATA_DIR, LOG_LEVEL: 'warn' },
    { rosterFile: join(ROOT, 'libs/roster/demo/roster.csv') },
  );
  const store = SqliteEventStore.open(join(DATA_DIR, 'events.sqlite'));
  const { accounts, vault, close } = createAccounts(config, store);
  const { accountId } = seededAccount(SEED, HEAVY_INDEX);
  const streamId = accountStreamId(accountId);
  const decider = accountDecider(DEFAULT_POLICY);
  const codec = accountCodec(vault);
  let { state, expected, lastHash } = await load({ store, codec }, streamId, decider);
  let count = expected === 'no_stream' ? 0 : Number(expected) + 1;
  const started = performance.now();
  // Two minutes per cycle, ending a few minutes ago: a member who signed in very often.
  let t = Date.now() - Math.ceil((target - count) / 4) * 120_000 - 600_000;
  const actor = { kind: 'self' as const, accountId };
  while (count < target) {
    const batch: NewEvent[] = [];
    while (batch.length < 500 && count + batch.length < target) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const loginId = randomUUID();
      const commands: AccountCommand[] = [
        {
          type: 'LogIn',
          loginId,
          passwordMatches: true,
          otp: {
            otpId: randomUUID(),
            codeHash: accounts.codeHash('otp', code),
            codeSealed: await accounts.seal(accountId, code),
          },
          now: (t += 60_000),
        },
        {
          type: 'VerifyOtp',
          loginId,
          codeHash: accounts.codeHash('otp', code),
          sessionId: randomUUID(),
          now: (t += 60_000),
        },
      ];
      for (const command of commands) {
        const decision = decider.decide(command, state);
        if (decision.rejection)
          throw new Error(`heavy account: ${command.type} refused: ${decision.rejection.message}`);
        state = decision.events.reduce(decider.evolve, state);
        for (const e of decision.events) {
          const encoded = await codec.encode(streamId, e);
          batch.push({
            id: randomUUID(),
            type: encoded.type,
            data: encoded.data,
            metadata: {
              correlationId: randomUUID(),
              actor,
              occurredAt: new Date(command.now).toISOString(),
              schemaVersion: encoded.schemaVersion,
              imported: 'bench-flows',
            },
          });
        }
      }
    }
    const chained = chain(batch, lastHash);
    expected = (await store.append(streamId, chained, expected)).nextRevision;
    lastHash = chained.at(-1)!.metadata.hash!;
    count += batch.length;
  }
  process.stderr.write(
    `heavy account ${accountId}: ${count} events (${((performance.now() - started) / 1000).toFixed(1)} s to prepare)\n`,
  );
  await close();
  await store.close();
  return count;
}

interface StepLatency {
  account: 'fresh' | 'heavy';
  step: 'password' | 'code';
  ok: number;
  p50: number;
  p99: number;
  /** Events in the account's stream when its steps ran (fresh: the median over the accounts used). */
  events: number;
  errors: Record<string, number>;
}

/**
 * Password step then code step, one request at a time, alternating a fresh seeded account (another
 * each time) and the heavy one. The code comes from the OtpIssued the password step appended.
 */
async function stepLatencies(samples: number): Promise<StepLatency[]> {
  const config = loadConfig(
    { DATA_DIR, LOG_LEVEL: 'warn' },
    { rosterFile: join(ROOT, 'libs/roster/demo/roster.csv') },
  );
  const store = SqliteEventStore.open(join(DATA_DIR, 'events.sqlite'));
  const { accounts, vault, close } = createAccounts(config, store);
  const codec = accountCodec(vault);
  const times = {
    fresh: { password: [] as number[], code: [] as number[] },
    heavy: { password: [] as number[], code: [] as number[] },
  };
  const errors = { fresh: {} as Record<string, number>, heavy: {} as Record<string, number> };
  const lengths = { fresh: [] as number[], heavy: [] as number[] };
  const fail = (who: 'fresh' | 'heavy', what: string) => (errors[who][what] = (errors[who][what] ?? 0) + 1);
  /** The code in the account's latest OtpIssued, opened as the delivery worker opens it. */
  const latestCode = async (accountId: string): Promise<{ code?: string; events: number }> => {
    const recent = await store.readStream(accountStreamId(accountId), {
      direction: 'backwards',
      maxCount: 8,
    });
    const events = recent.length > 0 ? Number(recent[0].revision) + 1 : 0;
    const issued = recent.find((e) => e.type === 'OtpIssued');
    if (!issued) return { events };
    const decoded = (await codec.decode(issued)) as { data: { codeSealed: string } };
    const code = await accounts.open(accountId, decoded.data.codeSealed);
    return { code: typeof code === 'string' ? code : undefined, events };
  };
  try {
    for (let i = 0; i < samples; i++) {
      for (const who of ['fresh', 'heavy'] as const) {
        const a = seededAccount(SEED, who === 'heavy' ? HEAVY_INDEX : takeIndex());
        let t0 = performance.now();
        const login = await call('POST', '/v1/login', { username: a.username, password: BENCH_PASSWORD });
        if (login.status !== 200) {
          fail(who, `password ${login.status} ${/"code":"([A-Z_]+)"/.exec(login.body)?.[1] ?? ''}`);
          continue;
        }
        times[who].password.push(performance.now() - t0);
        const { loginToken, secondFactor } = JSON.parse(login.body) as {
          loginToken: string;
          secondFactor: string;
        };
        const { code, events } = await latestCode(a.accountId);
        lengths[who].push(events);
        if (secondFactor !== 'email-code' || !code) {
          fail(who, `no emailed code (${secondFactor})`);
          continue;
        }
        t0 = performance.now();
        const verified = await call('POST', '/v1/login/verify-code', { loginToken, code });
        if (verified.status !== 200) {
          fail(who, `code ${verified.status} ${/"code":"([A-Z_]+)"/.exec(verified.body)?.[1] ?? ''}`);
          continue;
        }
        times[who].code.push(performance.now() - t0);
      }
    }
  } finally {
    await close();
    await store.close();
  }
  const out: StepLatency[] = [];
  for (const who of ['fresh', 'heavy'] as const)
    for (const step of ['password', 'code'] as const) {
      const sorted = times[who][step].sort((x, y) => x - y);
      const lens = [...lengths[who]].sort((x, y) => x - y);
      const row: StepLatency = {
        account: who,
        step,
        ok: sorted.length,
        p50: Number(quantile(sorted, 0.5).toFixed(2)),
        p99: Number(quantile(sorted, 0.99).toFixed(2)),
        events: quantile(lens, 0.5),
        errors: errors[who],
      };
      process.stderr.write(`${JSON.stringify({ flow: 'steps', ...row })}\n`);
      out.push(row);
    }
  return out;
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const withRedis = await redisAnswers(redisUrl);
  for (let i = 0; i < API_PROCESSES; i++) {
    const port = await freePort();
    ports.push(port);
    metricsPorts.set(port, await freePort());
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATA_DIR,
    ROLES: 'api',
    // SERVICE_LOG_LEVEL=info measures the access line every request writes in production.
    LOG_LEVEL: process.env.SERVICE_LOG_LEVEL ?? 'warn',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_HOUR: '0',
    ...(withRedis ? { REDIS_URL: redisUrl } : {}),
    // As `npm start` and the image run it; glibc's allocator settings given to the bench reach the
    // child instead, to compare RSS with and without them (MALLOC_ARENA_MAX= for glibc's default).
    MALLOC_ARENA_MAX: '1',
    ...(process.env.SQLITE_CACHE_MIB ? { SQLITE_CACHE_MIB: process.env.SQLITE_CACHE_MIB } : {}),
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('MALLOC_'))),
    // V8 flags for the service alone (NODE_OPTIONS would reach this process too), e.g. heap sizes.
    ...(process.env.SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SERVICE_NODE_OPTIONS } : {}),
  };
  const staffId = `bench-${Date.now()}`;
  const token = execFileSync(
    process.execPath,
    [join(ROOT, 'dist/apps/api/src/cli/staff-cli.js'), 'create', staffId, '--role', 'support'],
    { env: { ...env, ROLES: undefined }, stdio: ['ignore', 'pipe', 'ignore'] },
  )
    .toString()
    .trim();
  const staff = {
    authorization: `Bearer ${token}`,
    'x-access-reason': 'Load test of the support desk (bench)',
  };

  const results: Measurement[] = [];
  const argon2: { perSecond: number; cpuCores: number }[] = [];
  const runId = Date.now().toString(36);
  let registrations = 0;

  // Codes for every verify measurement, primed before the service starts so their cost is not measured.
  const codes = FLOWS.includes('verify')
    ? await primeCodes(Math.min(REPEAT * DURATION_S * 1_500, Math.floor(ACCOUNTS / 2)))
    : [];
  const codesPerRound = Math.floor(codes.length / REPEAT);
  const heavyEvents = FLOWS.includes('steps') ? await seedHeavyAccount(HEAVY_EVENTS) : undefined;
  const steps: StepLatency[][] = [];

  // One after the other: each migrates or checks the stores at boot.
  const children: ChildProcess[] = [];
  try {
    for (const p of ports) children.push(await boot(env, p));
    pids = children.map((c) => c.pid!);
    const flows: Record<string, () => Promise<Measurement>> = {
      login: () =>
        measure('password login step', 16, DURATION_S, () => {
          const a = seededAccount(SEED, takeIndex());
          return {
            method: 'POST',
            path: '/v1/login',
            body: { username: a.username, password: BENCH_PASSWORD },
            ok: 200,
          };
        }),
      verify: async () => {
        // An equal share per round: with few seeded accounts the first round would otherwise
        // take every code and leave the next ones nothing to measure.
        let left = codesPerRound;
        const m = await measure('code verification', 32, DURATION_S, () => {
          const c = left-- > 0 ? codes.pop() : undefined;
          return c && { method: 'POST', path: '/v1/login/verify-code', body: c, ok: 200 };
        });
        if (m.seconds < DURATION_S * 0.95)
          process.stderr.write(
            `code verification ran out of primed codes after ${m.seconds} s of ${DURATION_S} (${codesPerRound} per round, half the seeded accounts over ${REPEAT} rounds): the rate is over that time; seed more accounts for full-length rounds\n`,
          );
        return m;
      },
      register: () =>
        measure('registration (nonmember)', 8, DURATION_S, () => {
          const n = registrations++;
          return {
            method: 'POST',
            path: '/v1/registrations/nonmember',
            body: {
              firstName: 'Bench',
              lastName: `Newcomer${runId}`,
              dateOfBirth: '1984-06-15',
              email: `new.${runId}.${n}@mail.example`,
              phone: '+15550001111',
              username: `newcomer${runId}x${n}`,
              password: BENCH_PASSWORD,
              securityQuestion: 'Name of your first pet?',
              securityAnswer: 'Seeded answer',
              communication: { email: true, text: false },
              termsAccepted: true,
            },
            ok: 201,
          };
        }),
      search: () =>
        measure('support search (last-name prefix)', 32, DURATION_S, () => {
          const a = seededAccount(SEED, takeIndex());
          const prefix = a.lastName.slice(0, 4);
          return {
            method: 'GET',
            path: `/v1/support/accounts?lastNamePrefix=${encodeURIComponent(prefix)}`,
            headers: staff,
            ok: 200,
          };
        }),
      history: () =>
        measure('support history read', 32, DURATION_S, () => {
          const a = seededAccount(SEED, takeIndex());
          return {
            method: 'GET',
            path: `/v1/support/accounts/${a.accountId}/history`,
            headers: staff,
            ok: 200,
          };
        }),
      reminder: () =>
        measure('forgot username', 32, DURATION_S, () => {
          const a = seededAccount(SEED, takeIndex());
          return { method: 'POST', path: '/v1/username-reminders', body: { email: a.email }, ok: 202 };
        }),
    };
    // Warm-up (JIT, page cache), not recorded.
    await measure('warm-up', 8, 2, () => {
      const a = seededAccount(SEED, takeIndex());
      return { method: 'GET', path: `/v1/support/accounts/${a.accountId}/history`, headers: staff, ok: 200 };
    });
    const memoryAfterBoot = await Promise.all(ports.map(memoryOf));
    for (let r = 0; r < REPEAT; r++) {
      argon2.push(await argon2Rate(DURATION_S));
      for (const f of FLOWS)
        if (f === 'steps') steps.push(await stepLatencies(STEP_SAMPLES));
        else results.push(await flows[f]());
    }
    const peaks = pids.map((pid) => Math.round(peakRssKiB(pid) / 1024));
    const summary = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model}, node ${process.version}`,
      dataDir: DATA_DIR,
      accounts: ACCOUNTS,
      apiProcesses: API_PROCESSES,
      redis: withRedis,
      durationS: DURATION_S,
      argon2,
      results,
      ...(heavyEvents === undefined ? {} : { heavyEventsBefore: heavyEvents, steps }),
      servicePeakRssMiB: peaks,
      memoryAfterBoot,
      memoryAtEnd: await Promise.all(ports.map(memoryOf)),
    };
    const file = join(DATA_DIR, '..', `flows-${runId}.json`);
    writeFileSync(file, JSON.stringify(summary, null, 2));
    process.stdout.write(report(summary));
    process.stderr.write(`figures in ${file}\n`);
  } finally {
    await Promise.all(children.map(stop));
  }
}

function report(s: {
  date: string;
  machine: string;
  accounts: number;
  apiProcesses: number;
  redis: boolean;
  argon2: { perSecond: number; cpuCores: number }[];
  results: Measurement[];
  heavyEventsBefore?: number;
  steps?: StepLatency[][];
  servicePeakRssMiB: number[];
  memoryAfterBoot: Record<string, number>[];
  memoryAtEnd: Record<string, number>[];
}): string {
  const lines = [
    `${s.date}, ${s.machine}, ${s.accounts} seeded accounts, ${s.apiProcesses} API process(es), Redis ${s.redis ? 'yes' : 'no'}`,
    ...(s.apiProcesses > 1
      ? ['', 'CPU, peak RSS and disk reads below are the sums over the API processes.']
      : []),
    '',
    '| flow | in flight | ok/s | p50 ms | p99 ms | service CPU (cores) | peak RSS MiB | disk reads MiB/s | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  s.argon2.forEach((a, i) =>
    lines.push(
      `| raw argon2id verify, run ${i + 1} | ${availableParallelism() * 2} | ${a.perSecond} | | | ${a.cpuCores} (bench process) | | | |`,
    ),
  );
  for (const m of s.results)
    lines.push(
      `| ${m.flow} | ${m.concurrency} | ${m.perSecond} | ${m.p50} | ${m.p99} | ${m.cpuCores} | ${m.peakRssMiB} | ${m.diskReadMiBps} | ${
        Object.entries(m.errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || ''
      } |`,
    );
  const logins = s.results.filter((m) => m.flow === 'password login step');
  logins.forEach((m, i) => {
    const raw = s.argon2[i]?.perSecond ?? NaN;
    lines.push(
      '',
      `login run ${i + 1}: ${m.perSecond}/s = ${((100 * m.perSecond) / raw).toFixed(1)}% of raw argon2 (${raw}/s)`,
    );
  });
  (s.steps ?? []).forEach((round, i) => {
    lines.push(
      '',
      `steps, run ${i + 1}: one request at a time; heavy account had ${s.heavyEventsBefore} events before the run`,
      '',
      '| step | account | events in its stream | ok | p50 ms | p99 ms | p50 heavy / fresh | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    );
    for (const r of round) {
      const fresh = round.find((x) => x.step === r.step && x.account === 'fresh');
      const ratio = r.account === 'heavy' && fresh ? `${((100 * r.p50) / fresh.p50).toFixed(0)}%` : '';
      const errors = Object.entries(r.errors)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
      lines.push(
        `| ${r.step} | ${r.account} | ${r.events} | ${r.ok} | ${r.p50} | ${r.p99} | ${ratio} | ${errors} |`,
      );
    }
  });
  lines.push(
    '',
    `service peak RSS over the whole run (VmHWM, per process): ${s.servicePeakRssMiB.join(', ')} MiB`,
  );
  lines.push(`service memory after boot (MiB): ${JSON.stringify(s.memoryAfterBoot)}`);
  lines.push(`service memory at the end (MiB): ${JSON.stringify(s.memoryAtEnd)}`, '');
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:flows: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
