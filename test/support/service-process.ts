/**
 * The service as `npm start` runs it, in child processes, for the e2e tests that must
 * run it outside Jest (kill -9, several processes on one DATA_DIR, the image's user):
 *
 * - buildService(): apps and libs compiled with the project's swc settings (as `npm run
 *   build` does), once per source tree: the output is cached under the OS temporary
 *   directory by a hash of the sources, and a lock directory makes suites running at the
 *   same time wait for one build instead of each compiling its own;
 * - spawnService(): one process of a build, on a free port, with the test's environment
 *   over the one every suite needs, its output collected;
 * - startService(): spawnService, then a bounded wait for /health/ready.
 *
 * Every process is killed with -9 or stopped with SIGTERM by the test, and its output is
 * kept for the failure message.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { eventually } from './outbox';

export const ROOT = join(__dirname, '..', '..');

export interface Build {
  /** The compiled tree: `apps/<app>/src/...` and `libs/...`, as under `dist/`. */
  dir: string;
  /** The standalone entry point (`npm start`). */
  main: string;
  /** The entry point of one role's app: `apps/<role>/src/main.js`. */
  entry(role: 'standalone' | 'api' | 'projector' | 'worker'): string;
}

/** A hash of what the build compiles: every file under apps/ and libs/, and the swc settings. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (entry.isFile()) {
        hash.update(relative(ROOT, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  visit(join(ROOT, 'apps'));
  visit(join(ROOT, 'libs'));
  hash.update(readFileSync(join(ROOT, '.swcrc')));
  return hash.digest('hex').slice(0, 16);
}

/** Compiles apps and libs into `dir` as `npm run build` does. */
export function compileInto(dir: string): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@swc', 'cli', 'bin', 'swc.js'),
      'apps',
      'libs',
      '-d',
      dir,
      '--copy-files',
      '--config-file',
      '.swcrc',
      '-q',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}

const DONE = '.build-complete';
/** A lock older than this is taken to be left by a test run that died while building. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * The build of the current sources, compiled on first use and shared by every suite
 * (and every later run) until the sources change. Kept, never removed by a suite: a
 * suite running beside it may be using it.
 */
export async function buildService(): Promise<Build> {
  const dir = join(tmpdir(), `portal-service-build-${sourceHash()}`);
  const lock = `${dir}.lock`;
  await eventually(
    () => {
      if (existsSync(join(dir, DONE))) return true;
      try {
        mkdirSync(lock);
      } catch {
        // Another suite is building: wait for it, unless its lock has been there too long.
        if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS)
          rmSync(lock, { recursive: true, force: true });
        return undefined;
      }
      try {
        // Compiled aside and moved into place whole: a build cut off half way is never taken for one.
        const scratch = `${dir}.${process.pid}`;
        rmSync(scratch, { recursive: true, force: true });
        compileInto(scratch);
        writeFileSync(join(scratch, DONE), '');
        rmSync(dir, { recursive: true, force: true });
        renameSync(scratch, dir);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return true;
    },
    STALE_LOCK_MS + 60_000,
    'the service build',
  );
  const entry = (role: string) => join(dir, 'apps', role, 'src', 'main.js');
  return { dir, main: entry('standalone'), entry };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What every suite's process gets unless it says otherwise: the test settings, no limits on rates. */
export function baseEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_PATH: join(ROOT, 'node_modules'),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
    RATE_LIMIT_MESSAGES_PER_HOUR: '0',
  };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface ServiceProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<PORT>`. */
  base: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when it exits. */
  exited: Promise<Exit>;
  /** SIGKILL: no shutdown hook runs, nothing is flushed beyond what the stores already committed. */
  kill(): Promise<void>;
  /** SIGTERM, as an orderly stop. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** The script to run (a build's `main`, `entry(role)`, or a path relative to `cwd`). */
  script: string;
  /**
   * Over baseEnv() (unless `bareEnv`). PORT and METRICS_PORT are free ports unless given:
   * processes on one host each need their own (the operations listener's default is fixed).
   */
  env?: NodeJS.ProcessEnv;
  /** Use `env` alone, without baseEnv() (a production-like start). */
  bareEnv?: boolean;
  /** Node's own arguments before the script (`--require` a preload). */
  nodeArgs?: string[];
  cwd?: string;
  uid?: number;
  gid?: number;
}

/** Starts one process and collects its output; does not wait for it to be ready. */
export async function spawnService(options: SpawnOptions): Promise<ServiceProcess> {
  const port = options.env?.PORT ?? String(await freePort());
  const metricsPort = options.env?.METRICS_PORT ?? String(await freePort());
  const chunks: string[] = [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    cwd: options.cwd ?? ROOT,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
    env: { ...(options.bareEnv ? {} : baseEnv()), ...options.env, PORT: port, METRICS_PORT: metricsPort },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => chunks.push(String(chunk)));
  child.stderr!.on('data', (chunk) => chunks.push(String(chunk)));
  const output = () => chunks.join('');
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output: output() })),
  );
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    await exited;
  };
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output,
    exited,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Polls `/health/ready` until it answers 200 (its body then), for at most `timeoutMs`; fails if the process exits. */
export async function waitUntilReady(
  service: ServiceProcess,
  timeoutMs = 30_000,
  what = 'the service',
): Promise<unknown> {
  try {
    return await eventually(
      async () => {
        if (service.child.exitCode !== null)
          throw new Error(`${what} exited: ${service.output().slice(-2000)}`);
        const res = await fetch(`${service.base}/health/ready`).catch(() => undefined);
        return res?.ok ? ((await res.json()) as unknown) : undefined;
      },
      timeoutMs,
      `${what} to be ready`,
    );
  } catch (error) {
    await service.kill();
    throw error;
  }
}

/** Starts the API (no limits on rates) of `build` on `dataDir` and resolves once it answers ready. */
export async function startService(build: Build, dataDir: string): Promise<ServiceProcess> {
  const service = await spawnService({ script: build.main, env: { DATA_DIR: dataDir, ROLES: 'api' } });
  await waitUntilReady(service);
  return service;
}
