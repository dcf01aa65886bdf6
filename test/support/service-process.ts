/**
 * The service as `npm start` runs it, in a child process: the code compiled with the
 * project's swc settings (as `npm run build` does) into a temporary directory, started
 * on a free port over a given DATA_DIR. For tests that must kill a process outright.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './outbox';

const ROOT = join(__dirname, '..', '..');

export interface Build {
  main: string;
  remove(): void;
}

/** Compiles apps and libs once; start as many processes from it as needed. */
export function buildService(): Build {
  const dir = mkdtempSync(join(tmpdir(), 'portal-service-build-'));
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
  return {
    main: join(dir, 'apps', 'standalone', 'src', 'main.js'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ServiceProcess {
  base: string;
  /** SIGKILL: no shutdown hook runs, nothing is flushed beyond what the stores already committed. */
  kill(): Promise<void>;
  /** SIGTERM, as an orderly stop. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the API (no limits on rates) on `dataDir` and resolves once it answers ready. */
export async function startService(build: Build, dataDir: string): Promise<ServiceProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [build.main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_PATH: join(ROOT, 'node_modules'),
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      ROLES: 'api',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // Other suites' processes run beside it: no operations listener on the shared default port.
      METRICS_PORT: '0',
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '0',
      RATE_LIMIT_MESSAGES_PER_HOUR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(name);
    await exited;
  };
  const service = { base, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the service exited: ${output.join('')}`);
        const ready = await fetch(`${base}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        return ready ? true : undefined;
      },
      30_000,
      'the service to be ready',
    );
  } catch (error) {
    await service.kill();
    throw error;
  }
  return service;
}
