/**
 * Space and memory a read-model rebuild leaves behind (not part of the test suite):
 * fills a fresh embedded store with realistic account histories (projector-fill.ts),
 * then, in a child process of its own, runs `rebuild()` three times (`--rebuilds N`), as the projector
 * process runs the rebuilds requested over HTTP, and after each reports the read-model
 * file (pages, free pages, bytes on disk with the WAL), the child's resident memory
 * 5 and 30 seconds later (idle) and its peak so far.
 *
 * Run with `npm run build && node dist/bench/rebuild-space.bench.js --accounts 20000` (add
 * `--expose-gc` before the script to also see the memory left after a full collection).
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { rebuild } from '../libs/read-models/src';
import {
  boot,
  createAccounts,
  createDocumentStore,
  createEventStore,
  createReadModels,
  DEMO_ROSTER,
} from '../libs/runtime/src';
import { fillStore } from './projector-fill';

const MiB = 2 ** 20;
const mib = (n: number) => (n / MiB).toFixed(0);

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

function rssBytes(): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
}

/** Where the resident memory is: V8's heap (used of total) and buffers outside it. */
function heap(): string {
  const m = process.memoryUsage();
  return `heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)} MiB, buffers ${mib(m.arrayBuffers)} MiB`;
}

function fileReport(file: string): string {
  const raw = new Database(file, { readonly: true });
  try {
    const pageSize = Number(raw.pragma('page_size', { simple: true }));
    const pages = Number(raw.pragma('page_count', { simple: true }));
    const free = Number(raw.pragma('freelist_count', { simple: true }));
    const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
    return (
      `${mib(pages * pageSize)} MiB in pages, ${mib(free * pageSize)} MiB of them free; ` +
      `file ${mib(statSync(file).size)} MiB + WAL ${mib(wal)} MiB`
    );
  } finally {
    raw.close();
  }
}

/** Child: three rebuilds over DATA_DIR's stores, wired as the projector process wires them. */
async function child(dir: string): Promise<void> {
  const { config } = boot('bench-rebuild-space', {
    env: {
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      HMAC_KEY: process.env.BENCH_HMAC_KEY,
      MASTER_KEY: process.env.BENCH_MASTER_KEY,
      ROSTER_FILE: DEMO_ROSTER,
    },
  });
  const store = createEventStore(config.eventStore);
  const { vault, close } = createAccounts(config, store);
  const docs = await createDocumentStore(config);
  const { projector } = createReadModels(config, store, vault, docs);
  const file = join(dir, 'read-models.sqlite');
  console.log(`child before its first rebuild: RSS ${mib(rssBytes())} MiB`);
  const rebuilds = Number(process.argv[4] ?? 3);
  for (let run = 1; run <= rebuilds; run++) {
    const result = await rebuild(projector, { dropAfterMs: 0 });
    const documents: string[] = [];
    for (const p of projector.projections)
      documents.push(`${p.spec.name} ${await docs.count(result.to, p.spec.name)}`);
    // V8's memory reducer shrinks the heap once allocation has been low for ~8 s: look at 5 s and 30 s.
    await sleep(5_000);
    const at5 = `${mib(rssBytes())} MiB (${heap()})`;
    await sleep(25_000);
    console.log(
      `rebuild ${run} (generation ${result.from} → ${result.to}, ${result.events} events; ${documents.join(', ')}): ` +
        `${fileReport(file)}; RSS idle after 5 s ${at5}, after 30 s ${mib(rssBytes())} MiB (${heap()}); ` +
        `peak ${mib(process.resourceUsage().maxRSS * 1024)} MiB`,
    );
    // Under `node --expose-gc`: what is still reachable once everything collectable was collected.
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      console.log(`rebuild ${run}, after a full GC: ${mib(rssBytes())} MiB (${heap()})`);
    }
  }
  await docs.close();
  await close();
  await store.close();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]);
  const accounts = arg('accounts', 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'bench-rebuild-space-'));
  try {
    const hmacKey = randomBytes(32);
    const masterKey = randomBytes(32);
    const fill = await fillStore({ dataDir: dir, accounts, hmacKey, masterKey });
    console.log(`Filled (not measured): ${fill.accounts} accounts, ${fill.events} events`);
    const env = {
      ...process.env,
      BENCH_HMAC_KEY: hmacKey.toString('base64'),
      BENCH_MASTER_KEY: masterKey.toString('base64'),
    };
    await new Promise<void>((resolve, reject) => {
      const c = fork(__filename, ['--child', dir, String(arg('rebuilds', 3))], { env, stdio: 'inherit' });
      c.on('error', reject);
      c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child exited with ${code}`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
