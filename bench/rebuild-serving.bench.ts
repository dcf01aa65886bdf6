/**
 * /health latency while a read-model rebuild runs in the serving process (issue 20
 * item 16): `npm start`'s roles in one process on the embedded stores, seeded with
 * `--accounts` accounts; a worker thread (its own event loop, so the client is not
 * slowed by the server's) polls GET /health every 5 ms and records each latency.
 *
 *   npm run bench:rebuild-serving -- --accounts 5000 --rounds 3
 *
 * Each round runs, interleaved: no rebuild (idle), a rebuild in batches of 5000
 * events (the batch size before this change), and one in batches of 250 (now). Both
 * rebuilds yield to the event loop between batches; before this change the fill
 * never yielded at all, so the 5000 row is a lower bound on the old stall. The old
 * generation is dropped 1.5 s after the swap (the live projector follows a swap within 1 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { PORTAL_ERROR_STATUS } from '../apps/api/src/errors';
import { main as seedData } from '../apps/api/src/cli/seed-data';
import { roleModules } from '../apps/standalone/src/standalone.module';
import { rebuild } from '../libs/read-models/src';
import { boot, CoreModule, createHttpApp, READ_MODELS, type ReadModelsRuntime } from '../libs/runtime/src';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const latencies = [];
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const t0 = performance.now();
    await fetch(workerData.url).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  parentPort.postMessage(latencies);
})();
`;

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return `n=${sorted.length}  p50 ${q(0.5).toFixed(1)} ms  p99 ${q(0.99).toFixed(1)} ms  max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`;
}

async function measure(url: string, during: () => Promise<unknown>): Promise<number[]> {
  const worker = new Worker(POLLER, { eval: true, workerData: { url } });
  await sleep(200);
  await during();
  const result = new Promise<number[]>((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  const latencies = await result;
  await worker.terminate();
  return latencies;
}

async function main(): Promise<void> {
  const accounts = arg('accounts', 5000);
  const rounds = arg('rounds', 3);
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-rebuild-serving-'));
  try {
    process.stderr.write(`seeding ${accounts} accounts…\n`);
    await seedData(['--accounts', String(accounts), '--data-dir', dataDir, '--no-rebuild']);
    const b = boot('standalone', {
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    });
    const app = await createHttpApp(
      {
        module: class RebuildServingBench {},
        imports: [CoreModule.forRoot(b), ...roleModules(b.config.roles)],
      },
      {
        logger: b.logger,
        metrics: b.metrics,
        title: 'bench',
        errorMapping: { domainStatus: PORTAL_ERROR_STATUS },
      },
    );
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/health`;
    const runtime = app.get<ReadModelsRuntime>(READ_MODELS);
    const results: Record<string, number[]> = { idle: [], 'batch 5000': [], 'batch 250': [] };
    let events = 0;
    // Warm-up: the live projector catches up with the seeded events, and one rebuild runs unmeasured.
    await rebuild(runtime.projector, { dropAfterMs: 1500 });
    await sleep(3000);
    for (let r = 0; r < rounds; r++) {
      results.idle.push(...(await measure(url, () => sleep(2000))));
      for (const batchSize of [5000, 250]) {
        results[`batch ${batchSize}`].push(
          ...(await measure(url, async () => {
            events = (await rebuild(runtime.projector, { batchSize, dropAfterMs: 1500 })).events;
          })),
        );
      }
      process.stderr.write(`round ${r + 1}/${rounds} done\n`);
    }
    console.log(
      `GET /health every 5 ms from a worker thread; ${events} events rebuilt per rebuild; ${rounds} rounds interleaved`,
    );
    for (const [name, latencies] of Object.entries(results))
      console.log(`${name.padEnd(11)} ${summary(latencies)}`);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
