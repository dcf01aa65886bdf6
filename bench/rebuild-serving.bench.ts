/**
 * /health latency while a read-model rebuild runs in the serving process (issue 20
 * item 16): `npm start`'s roles in one process on the embedded stores, seeded with
 * `--accounts` accounts; a worker thread (its own event loop, so the client is not
 * slowed by the server's) polls GET /health every 5 ms and records each latency.
 *
 *   npm run bench:rebuild-serving -- --accounts 10000 --rounds 3
 *
 * Each round runs, interleaved: no rebuild (idle), a rebuild whose old generation is
 * dropped on the event loop in one transaction (`dropOnLoop`, as before), and one
 * whose old generation's tables are dropped in a worker thread (now). Both fill in
 * batches of 250 events. Each rebuild runs on a connection of its own to the same
 * file, opened with the drop under test, in the serving process.
 *
 * Every rebuild is cut into phases (the fill, its final cache writes, finishFill, the
 * swap and catch-up, the grace period before the drop, the drop), and per phase the
 * bench reports the /health answers that started in it, the event loop's delay (how
 * late a 5 ms timer fired, counted in the phase current when it fired), the longest
 * synchronous store call and the longest GC pause; perf_hooks.monitorEventLoopDelay
 * gives the delay over the whole rebuild (reset at each phase, it would miss a block
 * that opens a phase, such as the drop). The old generation is dropped 1.5 s after
 * the swap (the live projector follows within 1 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { main as seedData } from '../apps/api/src/cli/seed-data';
import { listeningBenchApp } from './bench-app';
import type { DocumentStore } from '../libs/documents/src';
import { SqliteDocumentStore } from '../libs/documents/src';
import type { EventStore } from '../libs/event-store/src';
import { type ProjectorDeps, rebuild } from '../libs/read-models/src';
import { boot, READ_MODELS, type ReadModelsRuntime } from '../libs/runtime/src';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Each answer as [when it was sent (ms since the epoch), latency ms]. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const samples = [];
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const t0 = performance.now();
    await fetch(workerData.url).then((r) => r.arrayBuffer());
    samples.push([performance.timeOrigin + t0, performance.now() - t0]);
    await new Promise((r) => setTimeout(r, 5));
  }
  parentPort.postMessage(samples);
})();
`;

const PHASES = ['fill', 'final writes', 'finishFill', 'swap + catch-up', 'grace', 'drop'] as const;
type Phase = (typeof PHASES)[number];

interface PhaseStats {
  /** How late each 5 ms timer due in the phase fired (ms). */
  loopMax: number[];
  /** Longest synchronous document-store call (ms) and its method. */
  longestCall: number;
  longestCallName: string;
  longestGc: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Marks a rebuild's phases from the calls it makes: the fill's short last page ends
 * the fill (the cache's final writes follow), `finishFill`, the swap (`setMeta('active')`),
 * the second catch-up's short last page (the grace period), `drop`.
 */
class PhaseClock {
  phase: Phase | undefined;
  readonly marks: Array<{ phase: Phase | undefined; at: number }> = [];
  readonly stats = new Map<Phase, PhaseStats>(
    PHASES.map((p) => [p, { loopMax: [], longestCall: 0, longestCallName: '', longestGc: 0 }]),
  );
  /** Over the whole rebuild: a histogram reset at a phase's start would miss a block that opens it. */
  private readonly delay = monitorEventLoopDelay({ resolution: 5 });
  /**
   * Per phase: a 5 ms timer's lateness, counted in the phase current when it fires (a
   * phase is entered as its first call starts, so a block opening it counts there).
   */
  private sampler?: NodeJS.Timeout;
  wholeRunMaxMs = 0;
  wholeRunP99Ms = 0;
  private readonly gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const s = this.phase && this.stats.get(this.phase);
      if (s) s.longestGc = Math.max(s.longestGc, entry.duration);
    }
  });

  start(): void {
    this.gc.observe({ entryTypes: ['gc'] });
    this.delay.enable();
    this.enter('fill');
    let due = performance.now() + 5;
    this.sampler = setInterval(() => {
      const late = performance.now() - due;
      const s = this.phase && this.stats.get(this.phase);
      if (s) s.loopMax.push(Math.max(0, late));
      due = performance.now() + 5;
    }, 5);
  }

  enter(next: Phase | undefined): void {
    this.phase = next;
    this.marks.push({ phase: next, at: epochNow() });
  }

  stop(): void {
    this.enter(undefined);
    clearInterval(this.sampler);
    this.delay.disable();
    this.wholeRunMaxMs = this.delay.max / 1e6;
    this.wholeRunP99Ms = this.delay.percentile(99) / 1e6;
    this.gc.disconnect();
  }

  call(name: string, ms: number): void {
    const s = this.phase && this.stats.get(this.phase);
    if (s && ms > s.longestCall) {
      s.longestCall = ms;
      s.longestCallName = name;
    }
  }

  phaseAt(at: number): Phase | undefined {
    let phase: Phase | undefined;
    for (const m of this.marks) {
      if (m.at > at) break;
      phase = m.phase;
    }
    return phase;
  }
}

/** The rebuild's stores, timing each call's synchronous part and marking the phases. */
function instrumented(deps: ProjectorDeps, clock: PhaseClock, batchSize: number): ProjectorDeps {
  const timed = <T extends object>(
    target: T,
    onCall?: (name: string, args: unknown[], out: unknown) => void,
  ) =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'finishFill') clock.enter('finishFill');
          if (key === 'drop') clock.enter('drop');
          if (key === 'setMeta' && args[0] === 'active') clock.enter('swap + catch-up');
          const t0 = performance.now();
          const out = (value as (...a: unknown[]) => unknown).apply(t, args);
          clock.call(String(key), performance.now() - t0);
          onCall?.(String(key), args, out);
          return out;
        };
      },
    });
  const store = timed(deps.store as EventStore & object, (name, _args, out) => {
    if (name !== 'readAll') return;
    void (out as Promise<unknown[]>).then((page) => {
      if (page.length >= batchSize) return;
      if (clock.phase === 'fill') clock.enter('final writes');
      else if (clock.phase === 'swap + catch-up') clock.enter('grace');
    });
  });
  return { ...deps, store, docs: timed(deps.docs as DocumentStore & object) };
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `n=${String(sorted.length).padStart(5)}  p50 ${quantile(sorted, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(sorted, 0.99).toFixed(1).padStart(6)} ms  max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(6)} ms`;
}

async function measure(url: string, during: () => Promise<unknown>): Promise<Array<[number, number]>> {
  const worker = new Worker(POLLER, { eval: true, workerData: { url } });
  await sleep(200);
  await during();
  const result = new Promise<Array<[number, number]>>((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  const samples = await result;
  await worker.terminate();
  return samples;
}

async function main(): Promise<void> {
  const accounts = arg('accounts', 3000);
  const rounds = arg('rounds', 3);
  const batchSize = 250;
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-rebuild-serving-'));
  try {
    process.stderr.write(`seeding ${accounts} accounts…\n`);
    await seedData(['--accounts', String(accounts), '--data-dir', dataDir, '--no-rebuild']);
    const b = boot('standalone', {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    });
    const app = await listeningBenchApp(b);
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/health`;
    const runtime = app.get<ReadModelsRuntime>(READ_MODELS);
    const file = join(dataDir, 'read-models.sqlite');
    const variants = {
      'drop on the loop (before)': SqliteDocumentStore.open(file, { dropOnLoop: true }),
      'drop in a worker (now)': SqliteDocumentStore.open(file),
    };
    const idle: number[] = [];
    const byVariant = new Map<
      string,
      { all: number[]; clock: PhaseClock[]; samples: Array<[number, number]>[] }
    >(Object.keys(variants).map((name) => [name, { all: [], clock: [], samples: [] }]));
    let events = 0;
    const load: number[] = [];
    // Warm-up: the live projector catches up with the seeded events, and one rebuild runs unmeasured.
    await rebuild(runtime.projector, { dropAfterMs: 1500, batchSize });
    await sleep(3000);
    for (let r = 0; r < rounds; r++) {
      load.push(loadavg()[0]);
      idle.push(...(await measure(url, () => sleep(3000))).map(([, ms]) => ms));
      for (const [name, docs] of Object.entries(variants)) {
        const clock = new PhaseClock();
        const deps = instrumented({ ...runtime.projector, docs }, clock, batchSize);
        const samples = await measure(url, async () => {
          clock.start();
          events = (await rebuild(deps, { batchSize, dropAfterMs: 1500 })).events;
          // The loop's delay is sampled by a timer: let it fire once after the drop's last step.
          await sleep(50);
          clock.stop();
        });
        const v = byVariant.get(name)!;
        v.all.push(...samples.map(([, ms]) => ms));
        v.clock.push(clock);
        v.samples.push(samples);
        // The live projector follows the swap; let it settle before the next run.
        await sleep(1500);
      }
      process.stderr.write(`round ${r + 1}/${rounds} done\n`);
    }
    console.log(
      `GET /health every 5 ms from a worker thread; ${events} events rebuilt per rebuild, batches of ${batchSize}; ` +
        `${rounds} rounds interleaved; 1-min load average at each round: ${load.map((l) => l.toFixed(1)).join(', ')} (${
          (await import('node:os')).cpus().length
        } cores)`,
    );
    console.log(`idle${' '.repeat(30)}${summary(idle)}`);
    for (const [name, v] of byVariant) {
      const eld = (f: (c: PhaseClock) => number) => Math.max(...v.clock.map(f)).toFixed(1);
      console.log(
        `\n${name.padEnd(34)}${summary(v.all)}  monitorEventLoopDelay over the rebuild: max ${eld((c) => c.wholeRunMaxMs)} ms, p99 ${eld((c) => c.wholeRunP99Ms)} ms`,
      );
      for (const phase of PHASES) {
        const latencies: number[] = [];
        v.clock.forEach((clock, i) => {
          for (const [at, ms] of v.samples[i]) if (clock.phaseAt(at) === phase) latencies.push(ms);
        });
        const stats = v.clock.map((c) => c.stats.get(phase)!);
        const lateness = stats.flatMap((s) => s.loopMax).sort((a, b) => a - b);
        const loopMax = lateness.length > 0 ? lateness[lateness.length - 1] : 0;
        const call = stats.reduce((a, s) => (s.longestCall > a.longestCall ? s : a), stats[0]);
        const gc = Math.max(...stats.map((s) => s.longestGc));
        console.log(
          `  ${phase.padEnd(32)}${summary(latencies)}  loop delay max ${loopMax.toFixed(1)} ms, p99 ${quantile(lateness, 0.99).toFixed(1)} ms; longest call ${call.longestCall.toFixed(1)} ms (${call.longestCallName || '-'}); longest GC ${gc.toFixed(1)} ms`,
        );
      }
    }
    for (const docs of Object.values(variants)) await docs.close();
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
