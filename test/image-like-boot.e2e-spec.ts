/**
 * The apps as the image runs them: the build output, started by a user who cannot
 * write to the working directory or the code (root-owned and read-only in the
 * image), with production settings. The embedded adapters then need DATA_DIR, and
 * nothing else, to be writable; an unwritable DATA_DIR stops start-up with one
 * line naming it, not a stack trace.
 *
 * Run as root (as in a container or CI box), the process is started as uid/gid
 * 65534 (nobody); run as anyone else, as that user, on a copy made read-only.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './support/outbox';
import { buildService, ROOT, type ServiceProcess, spawnService } from './support/service-process';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** The identity the apps run under here: nobody when the test runs as root, else the test's own user. */
const runAs = asRoot ? { uid: NOBODY, gid: NOBODY } : {};

/** Makes a directory `runAs` can write to. */
function writableDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** Makes every entry under `dir` read-only (the image's code is; root-owned files already are to nobody). */
function makeReadOnly(dir: string): void {
  execFileSync('chmod', ['-R', 'a-w', dir]);
}

describe('the build output as the image runs it (non-root, read-only code, production settings)', () => {
  let app: string;
  const scratch: string[] = [];
  const children: ServiceProcess[] = [];

  beforeAll(async () => {
    // The build stage's output: dist/ beside node_modules and package.json, as in the image.
    app = mkdtempSync(join(tmpdir(), 'portal-image-'));
    cpSync((await buildService()).dir, join(app, 'dist'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
    makeReadOnly(app);
    // mkdtemp's 0700 would keep nobody out altogether; the image's /app is 0755.
    chmodSync(app, 0o555);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) await child.kill();
    if (app) {
      execFileSync('chmod', ['-R', 'u+w', app]);
      rmSync(app, { recursive: true, force: true });
    }
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  /** `node dist/apps/standalone/src/main.js` with cwd the read-only app directory. */
  async function start(dataDir: string): Promise<ServiceProcess> {
    const service = await spawnService({
      script: 'dist/apps/standalone/src/main.js',
      cwd: app,
      ...runAs,
      // Production settings only: none of the test defaults.
      bareEnv: true,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HMAC_KEY: randomBytes(32).toString('base64'),
        MASTER_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: '0',
        // Other suites' processes run beside it: no operations listener on the shared default port.
        METRICS_PORT: '0',
        LOG_LEVEL: 'info',
      },
    });
    children.push(service);
    return service;
  }

  it('boots on the embedded adapters with only DATA_DIR writable, and answers /health and /health/ready', async () => {
    const home = writableDir('portal-image-data-');
    scratch.push(home);
    const dataDir = join(home, 'data');
    const { child, output, exited } = await start(dataDir);

    const url = await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`the app exited:\n${output()}`);
        const listening = output()
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            try {
              return JSON.parse(line) as { msg?: string; url?: string };
            } catch {
              return {};
            }
          })
          .find((line) => line.msg === 'listening');
        return listening?.url?.replace('[::1]', '127.0.0.1');
      },
      30_000,
      'the app to listen',
    );
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const ready = await eventually(
      async () => {
        const response = await fetch(`${url}/health/ready`);
        return response.ok ? ((await response.json()) as { ready: boolean }) : undefined;
      },
      30_000,
      '/health/ready to answer 200',
    );
    expect(ready.ready).toBe(true);
    // It ran as the unprivileged user: what it wrote in DATA_DIR is that user's.
    expect(statSync(join(dataDir, 'events.sqlite')).uid).toBe(asRoot ? NOBODY : process.getuid?.());

    child.kill('SIGTERM');
    // Nest's shutdown hooks end by re-raising the signal: a clean stop exits by SIGTERM.
    const exit = await exited;
    expect(exit).toMatchObject({ code: null, signal: 'SIGTERM' });
    expect(exit.output).not.toMatch(/EACCES|EROFS|"level":(50|60)/);
  }, 60_000);

  it('stops with one line naming DATA_DIR when it cannot be written, not a stack trace', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'portal-image-nodata-'));
    scratch.push(parent);
    // Readable and searchable by the app's user, writable by nobody but root.
    chmodSync(parent, 0o555);
    const dataDir = join(parent, 'data');
    const { exited } = await start(dataDir);

    const exit = await exited;
    expect(exit.code).toBe(78); // EX_CONFIG, as for a wrong setting
    expect(exit.output).toContain(`DATA_DIR (${dataDir}) cannot be written`);
    expect(exit.output).toMatch(/EVENTSTORE_URL, MONGO_URL and REDIS_URL/);
    // No stack frames, no Nest exception handler.
    expect(exit.output).not.toMatch(/\n\s+at |ExceptionHandler/);
  }, 60_000);
});
