/**
 * Projector benchmark (not part of the test suite), issue #5:
 *
 * - `rebuild`: fills a fresh embedded store (temp DATA_DIR: SQLite event store and
 *   vault key store) with realistic account histories (projector-fill.ts), then
 *   times `rebuild()` with the real projections into a fresh document store, in a
 *   child process per run (so its peak RSS is the rebuild's own), as the
 *   `read-models` CLI wires it. One more run under `--cpu-prof` gives the profile
 *   summary. Target: ≥ 100,000 events/s.
 * - `lag`: boots the service in this process as `npm start` does (api + projector +
 *   worker, embedded adapters, BullMQ when Redis answers), drives registrations and
 *   logins from a load generator in a child process (projector-load.ts), and
 *   records for every event the time its documents and checkpoint were stored minus
 *   the time the event store recorded it. Target: p99 < 50 ms under load.
 *
 * Run with `npm run bench:projector` (both), or `npm run bench:projector -- rebuild
 * --accounts 100000 --runs 2` / `-- lag --seconds 60`.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { ReadModelProjectorService } from '../apps/projector/src/read-model-projector.service';
import { listeningBenchApp } from './bench-app';
import type { Position, RecordedEvent } from '../libs/event-store/src';
import { SqliteCheckpointStore } from '../libs/notifications/src';
import { Vault } from '../libs/vault/src';
import { type DocumentStore, SqliteDocumentStore, type Write } from '../libs/documents/src';
import { rebuild } from '../libs/read-models/src';
import {
  boot,
  createAccounts,
  createDataKeyStore,
  createDocumentStore,
  createEventStore,
  createReadModels,
  DEMO_ROSTER,
} from '../libs/runtime/src';
import { formatSummary, summariseProfile } from './cpu-profile';
import { MemoryDocumentStore } from './memory-document-store';
import { fillStore } from './projector-fill';
import type { LoadCommand, LoadReport } from './projector-load';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const MiB = 2 ** 20;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface RebuildReport {
  events: number;
  seconds: number;
  rate: number;
  cpuSeconds: number;
  peakRssBytes: number;
  writes: number;
  applied: number;
  /** Calls of `write` (each one transaction on SQLite) and the longest of them. */
  writeCalls: number;
  longestWriteMs: number;
  /** How long `finishFill` took (the index-term rows, in a worker thread). */
  finishFillMs: number;
  /** The longest the event loop was held (a 10 ms histogram over the run). */
  loopMaxMs: number;
  documents: Record<string, number>;
}

interface Counts {
  writes: number;
  applied: number;
  calls: number;
  longestMs: number;
  finishFillMs: number;
}

/**
 * The document store with its writes counted (documents written = bodies and tombstones sent, and how many were
 * applied; calls, and the longest call).
 */
function counting(docs: DocumentStore, counts: Counts): DocumentStore {
  return new Proxy(docs, {
    get(target, prop, receiver) {
      if (prop === 'write')
        return async (generation: number, writes: readonly Write[]) => {
          counts.writes += writes.length;
          counts.calls++;
          const t0 = performance.now();
          const applied = await target.write(generation, writes);
          counts.longestMs = Math.max(counts.longestMs, performance.now() - t0);
          counts.applied += applied;
          return applied;
        };
      if (prop === 'finishFill')
        return async (generation: number) => {
          const t0 = performance.now();
          await target.finishFill(generation);
          counts.finishFillMs += performance.now() - t0;
        };
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * What a run measures: `sqlite` the rebuild as the service does it; the others are
 * references that show where the time goes: `read` pages through `readAll` only,
 * `decode` also opens every event through the vault, `memory` rebuilds into a Map
 * instead of SQLite, `memory-keys` the same with a vault key cache that holds every account
 * (the service's holds 10,000), `shm` into SQLite on tmpfs (no disk).
 */
export type Variant = 'sqlite' | 'read' | 'decode' | 'memory' | 'memory-keys' | 'shm';

/** Child: one rebuild over DATA_DIR's stores, wired as `npm run read-models -- rebuild` wires it. */
async function rebuildChild(dataDir: string, variant: Variant, batchSize: number | undefined): Promise<void> {
  const { config } = boot('bench-rebuild', {
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HMAC_KEY: process.env.BENCH_HMAC_KEY,
      MASTER_KEY: process.env.BENCH_MASTER_KEY,
      ROSTER_FILE: DEMO_ROSTER,
    },
  });
  const store = createEventStore(config.eventStore);
  const { vault: liveVault, close } = createAccounts(config, store);
  const counts: Counts = { writes: 0, applied: 0, calls: 0, longestMs: 0, finishFillMs: 0 };
  const shm = variant === 'shm' ? mkdtempSync('/dev/shm/bench-projector-') : undefined;
  const docs = counting(
    variant === 'memory' || variant === 'memory-keys'
      ? new MemoryDocumentStore()
      : shm
        ? SqliteDocumentStore.open(join(shm, 'read-models.sqlite'))
        : await createDocumentStore(config),
    counts,
  );
  const bigCacheKeys = variant === 'memory-keys' ? createDataKeyStore(config) : undefined;
  const vault = bigCacheKeys ? new Vault(bigCacheKeys, 10_000_000) : undefined;
  const { projector } = createReadModels(config, store, vault ?? liveVault, docs);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let events = 0;
  let to = 0;
  if (variant === 'read' || variant === 'decode') {
    for (let after: Position | undefined; ;) {
      const page = await store.readAll({ ...(after ? { after } : {}), maxCount: batchSize ?? 5000 });
      if (page.length === 0) break;
      if (variant === 'decode') for (const e of page) await projector.decode(e);
      events += page.length;
      after = page[page.length - 1].position;
    }
  } else {
    const result = await rebuild(projector, { dropAfterMs: 0, ...(batchSize ? { batchSize } : {}) });
    events = result.events;
    to = result.to;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const documents: Record<string, number> = {};
  if (to > 0)
    for (const p of projector.projections) documents[p.spec.name] = await docs.count(to, p.spec.name);
  const report: RebuildReport = {
    events,
    seconds,
    rate: events / seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    writes: counts.writes,
    applied: counts.applied,
    writeCalls: counts.calls,
    longestWriteMs: counts.longestMs,
    finishFillMs: counts.finishFillMs,
    loopMaxMs: loop.max / 1e6,
    documents,
  };
  await docs.close();
  await bigCacheKeys?.close();
  if (shm) rmSync(shm, { recursive: true, force: true });
  await close();
  await store.close();
  process.send!(report);
}

function runRebuildChild(
  dataDir: string,
  keys: Record<string, string>,
  options: { variant?: Variant; batchSize?: number; profileDir?: string } = {},
): Promise<RebuildReport> {
  const { variant = 'sqlite', batchSize, profileDir } = options;
  // A fresh document store each run: every run writes the same documents into an empty file.
  if (variant === 'sqlite')
    for (const f of readdirSync(dataDir)) if (f.startsWith('read-models.sqlite')) rmSync(join(dataDir, f));
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', 'rebuild', dataDir, variant, String(batchSize ?? '')], {
      env: { ...process.env, ...keys },
      execArgv: profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
      stdio: 'inherit',
    });
    let report: RebuildReport | undefined;
    child.on('message', (m) => (report = m as RebuildReport));
    child.on('error', reject);
    child.on('exit', (code) =>
      report && code === 0 ? resolve(report) : reject(new Error(`rebuild child exited with ${code}`)),
    );
  });
}

const PROFILED = [
  'catchUp',
  'readAll',
  'applyBatch',
  'decode',
  'open',
  'getMany',
  'write',
  'applyWrites',
  'project',
  'fold',
  'describe',
  'term',
  'lastNamePrefixes',
  'structuredClone',
  'stringify',
  'parse',
  'saveCheckpoint',
  'finishFill',
  '(garbage collector)',
];

function strArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

/**
 * `--data-dir DIR` keeps the filled store in DIR and reuses it on the next run (the
 * fill of 100,000 accounts takes minutes); without it, a temp dir removed at the end.
 */
async function filledStore(
  accounts: number,
): Promise<{ dir: string; keys: Record<string, string>; remove: boolean }> {
  const kept = strArg('data-dir');
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'bench-projector-'));
  const keysFile = join(dir, 'bench-keys.json');
  if (kept && existsSync(keysFile)) {
    console.log(`Reusing the store filled in ${dir}`);
    return { dir, keys: JSON.parse(readFileSync(keysFile, 'utf8')) as Record<string, string>, remove: false };
  }
  mkdirSync(dir, { recursive: true });
  const keys = {
    BENCH_HMAC_KEY: randomBytes(32).toString('base64'),
    BENCH_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  let last = 0;
  const fill = await fillStore({
    dataDir: dir,
    accounts,
    hmacKey: Buffer.from(keys.BENCH_HMAC_KEY, 'base64'),
    masterKey: Buffer.from(keys.BENCH_MASTER_KEY, 'base64'),
    onProgress: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > last) process.stderr.write(`fill: ${tenth * 10}%\n`);
      last = tenth;
    },
  });
  if (kept) writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  console.log(
    `Fill (not measured): ${fmt(fill.accounts)} accounts, ${fmt(fill.events)} events (${fmt(fill.accountEvents)} in account streams, ` +
      `${fmt(fill.reservationEvents)} reservations) in ${fill.seconds.toFixed(0)} s`,
  );
  console.log(
    `Events by type: ${Object.entries(fill.byType)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${fmt(n)}`)
      .join(', ')}`,
  );
  return { dir, keys, remove: !kept };
}

const REFERENCES: { variant: Variant; name: string }[] = [
  { variant: 'read', name: 'reference: readAll only, pages of 5,000' },
  { variant: 'decode', name: 'reference: readAll + vault decode of every event' },
  { variant: 'memory', name: 'reference: rebuild into a Map (no storage engine)' },
  { variant: 'memory-keys', name: 'reference: rebuild into a Map, vault key cache holding every account' },
  { variant: 'shm', name: 'reference: rebuild into SQLite on tmpfs (no disk)' },
];

/**
 * Options: `--runs N` timed rebuilds as the CLI runs them (batches of 5,000); `--batch-sizes
 * 20000,50000` one more run per size; `--references all` (or some of read,decode,memory,shm)
 * the reference runs; `--no-profile`, or `--profile-variant memory` to profile a reference run.
 */
async function rebuildBench(): Promise<void> {
  const runs = arg('runs', 2);
  const { dir, keys, remove } = await filledStore(arg('accounts', 100_000));
  try {
    console.log(
      '| run | events | time | rate | CPU | peak RSS | documents written (applied) | write calls (longest) | loop held max | finishFill | live documents |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    const line = (name: string, r: RebuildReport) =>
      console.log(
        `| ${name} | ${fmt(r.events)} | ${r.seconds.toFixed(2)} s | **${fmt(r.rate)} events/s** | ${(r.cpuSeconds / r.seconds).toFixed(2)} cores | ` +
          `${fmt(r.peakRssBytes / MiB)} MiB | ${fmt(r.writes)} (${fmt(r.applied)}) | ${fmt(r.writeCalls)} (${fmt(r.longestWriteMs)} ms) | ` +
          `${fmt(r.loopMaxMs)} ms | ${(r.finishFillMs / 1000).toFixed(2)} s | ${Object.entries(r.documents)
            .map(([c, n]) => `${c} ${fmt(n)}`)
            .join(', ')} |`,
      );
    for (let run = 1; run <= runs; run++) line(`rebuild ${run}`, await runRebuildChild(dir, keys));
    for (const size of (strArg('batch-sizes') ?? '').split(',').filter(Boolean).map(Number))
      line(`rebuild, batches of ${fmt(size)}`, await runRebuildChild(dir, keys, { batchSize: size }));
    const wanted = (strArg('references') ?? '').split(',');
    for (const r of REFERENCES.filter((r) => wanted.includes(r.variant) || wanted.includes('all')))
      line(r.name, await runRebuildChild(dir, keys, { variant: r.variant }));
    if (process.argv.includes('--no-profile')) return;
    const profileDir = join(__dirname, '..', '..', 'bench', 'out', `projector-${Date.now()}`);
    mkdirSync(profileDir, { recursive: true });
    const variant = (strArg('profile-variant') ?? 'sqlite') as Variant;
    line(
      `${variant === 'sqlite' ? 'rebuild' : variant} under --cpu-prof`,
      await runRebuildChild(dir, keys, { profileDir, variant }),
    );
    const profile = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (profile) {
      console.log(`\nCPU profile: ${join(profileDir, profile)}\n`);
      console.log(formatSummary(summariseProfile(join(profileDir, profile), 25, PROFILED)));
    }
  } finally {
    if (remove) rmSync(dir, { recursive: true, force: true });
  }
}

/** Every event the live projector applied: when the store recorded it and how long until its documents were stored. */
class LagRecorder {
  private recorded: number[] = [];
  private lags: number[] = [];

  add(batch: readonly RecordedEvent[], appliedAt: number): void {
    for (const e of batch) {
      const at = Date.parse(e.recordedAt);
      this.recorded.push(at);
      this.lags.push(appliedAt - at);
    }
  }

  /** Lags of the events recorded in [from, to), sorted. */
  between(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.recorded.length; i++)
      if (this.recorded[i] >= from && this.recorded[i] < to) out.push(this.lags[i]);
    return out.sort((a, b) => a - b);
  }
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Redis for BullMQ and the rate limiter, when it answers: a logical database nobody uses, so no other process takes these jobs. */
async function benchRedis(): Promise<{ url: string; cleanUp(): Promise<void> } | undefined> {
  const base = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  for (let db = 13; db <= 15; db++) {
    const url = `${base.replace(/\/\d+$/, '')}/${db}`;
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.dbsize()) !== 0) {
        redis.disconnect();
        continue;
      }
    } catch {
      redis.disconnect();
      return undefined;
    }
    return {
      url,
      // The database was empty before the run and only this service used it: everything in it is the bench's.
      async cleanUp() {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
        redis.disconnect();
      },
    };
  }
  return undefined;
}

/**
 * Where the service under load keeps its data: a fresh DATA_DIR, or with `--data-dir`
 * a copy of the store the rebuild bench filled (its read models rebuilt), so the
 * projector writes into B-trees of production size. The copied history's messages
 * count as sent: the delivery reactor's checkpoint is set to the last event.
 */
async function lagDataDir(): Promise<{ dataDir: string; env: Record<string, string>; label: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-projector-lag-'));
  const filled = strArg('data-dir');
  if (!filled) return { dataDir, env: {}, label: 'a fresh temp DATA_DIR' };
  if (!existsSync(join(filled, 'bench-keys.json')) || !existsSync(join(filled, 'read-models.sqlite')))
    throw new Error(
      `${filled} holds no filled store with read models: run \`rebuild --data-dir ${filled}\` first`,
    );
  cpSync(filled, dataDir, { recursive: true });
  const keys = JSON.parse(readFileSync(join(dataDir, 'bench-keys.json'), 'utf8')) as Record<string, string>;
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const { seq, streams } = db
    .prepare(
      "SELECT max(seq) AS seq, count(DISTINCT stream_id) FILTER (WHERE stream_id LIKE 'account-%') AS streams FROM events",
    )
    .get() as { seq: number; streams: number };
  db.close();
  const checkpoints = new SqliteCheckpointStore(join(dataDir, 'checkpoints.sqlite'));
  await checkpoints.save('delivery-reactor', { commit: BigInt(seq), prepare: BigInt(seq) });
  await checkpoints.close();
  return {
    dataDir,
    env: { HMAC_KEY: keys.BENCH_HMAC_KEY, MASTER_KEY: keys.BENCH_MASTER_KEY },
    label: `a copy of a filled store (${fmt(streams)} accounts, ${fmt(seq)} events, read models rebuilt)`,
  };
}

async function lagBench(): Promise<void> {
  const seconds = arg('seconds', 60);
  const share = arg('share', 0.8);
  const { dataDir, env, label } = await lagDataDir();
  const redis = await benchRedis();
  const b = boot('standalone', {
    env: {
      ...env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      // One client address sends everything.
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
      RATE_LIMIT_MESSAGES_PER_HOUR: '0',
      ...(redis ? { REDIS_URL: redis.url } : {}),
    },
  });
  const app = await listeningBenchApp(b);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const lags = new LagRecorder();
  app
    .get(ReadModelProjectorService, { strict: false })
    .projector!.onBatchApplied((batch, at) => lags.add(batch, at));
  const load = fork(join(__dirname, 'projector-load.js'), [String(port), dataDir], { stdio: 'inherit' });
  const ask = (command: LoadCommand) =>
    new Promise<LoadReport>((resolve, reject) => {
      load.once('message', (m) => resolve(m as LoadReport));
      load.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
      load.send(command);
    });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();

  console.log(
    `Service: api + projector + worker in this process, embedded stores in ${label}, jobs on ${redis ? 'BullMQ (Redis)' : 'the embedded SQLite queue'}; load generator in a child process`,
  );
  console.log(
    '| phase | load (operations/s) | requests | HTTP p50 / p99 | events applied | events/s | lag p50 | **lag p99** | lag max | service CPU | loop delay p99 / max | machine load |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const phase = async (name: string, command: LoadCommand) => {
    // Settle: what the previous phase left (emails, projector batches) is not this phase's.
    await new Promise((r) => setTimeout(r, 2000));
    delay.reset();
    const cpu0 = process.cpuUsage();
    const from = Date.now();
    const r = await ask(command);
    const to = Date.now();
    const cpu = process.cpuUsage(cpu0);
    // Let the projector apply what was appended last before reading the lags.
    await new Promise((res) => setTimeout(res, 1000));
    const window = lags.between(from, to);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `| ${name} | ${(r.operations / r.seconds).toFixed(1)} (${Object.entries(r.byKind)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}; ${r.failures} failed${r.codesMissed ? `, ${r.codesMissed} codes late` : ''}${r.dropped ? `, ${r.dropped} dropped` : ''}) | ` +
        `${r.requests} | ${ms(r.latencyP50)} / ${ms(r.latencyP99)} | ${window.length} | ${(window.length / ((to - from) / 1000)).toFixed(0)} | ` +
        `${ms(pct(window, 50))} | **${ms(pct(window, 99))}** | ${ms(window[window.length - 1] ?? NaN)} | ` +
        `${((cpu.user + cpu.system) / 1e3 / (to - from)).toFixed(2)} cores | ${ms(delay.percentile(99) / 1e6)} / ${ms(delay.max / 1e6)} | ` +
        // Other work on the machine takes cores from the service: the 1-minute load average at the phase's end.
        `${loadavg()[0].toFixed(1)} |`,
    );
    return r;
  };
  try {
    await ask({ phase: 'warmup', accounts: arg('warmup', 300) });
    await phase('idle: 2 operations/s', { phase: 'open', seconds: 20, rate: 2 });
    const closed = await phase(`capacity: ${arg('concurrency', 32)} loops back to back`, {
      phase: 'closed',
      seconds: arg('capacity-seconds', 30),
      concurrency: arg('concurrency', 32),
    });
    const rate = (closed.operations / closed.seconds) * share;
    await phase(`steady: ${Math.round(share * 100)}% of capacity, ${seconds} s`, {
      phase: 'open',
      seconds,
      rate,
    });
  } finally {
    load.disconnect();
    await app.close();
    await redis?.cleanUp();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    if (process.argv[3] === 'rebuild')
      return rebuildChild(process.argv[4], process.argv[5] as Variant, Number(process.argv[6]) || undefined);
    throw new Error(`unknown child ${process.argv[3]}`);
  }
  const what = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'all';
  console.log(
    `Projector benchmark (${what}): ${cpus().length} CPUs, ${cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}`,
  );
  if (what === 'rebuild' || what === 'all') await rebuildBench();
  if (what === 'lag' || what === 'all') await lagBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
