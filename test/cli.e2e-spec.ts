/**
 * The command-line tools' shared shell, run as an operator runs them (compiled, in a
 * process of their own): `--help` on every command and subcommand prints the usage to
 * stdout and exits 0, a bad flag is one line on stderr and exit 2, and neither opens
 * or creates anything (DATA_DIR stays absent). The bin launchers run the compiled tree.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnv, type Build, buildService, ROOT } from './support/service-process';

const TOOLS: { name: string; script: string; commands: string[] }[] = [
  {
    name: 'staff',
    script: 'apps/api/src/cli/staff-cli.js',
    commands: ['create', 'rotate', 'revoke', 'roles', 'disable', 'list', 'set-password', 'totp'],
  },
  { name: 'audit', script: 'apps/api/src/cli/audit-cli.js', commands: ['export', 'verify', 'state'] },
  { name: 'keys', script: 'apps/api/src/cli/keys-cli.js', commands: ['status', 'rewrap'] },
  { name: 'roster', script: 'apps/api/src/cli/roster-cli.js', commands: ['check', 'import'] },
  { name: 'legacy', script: 'apps/api/src/cli/legacy-cli.js', commands: ['import'] },
  { name: 'jobs', script: 'apps/worker/src/jobs-cli.js', commands: ['dead', 'retry', 'state'] },
  {
    name: 'read-models',
    script: 'apps/projector/src/read-models-cli.js',
    commands: ['status', 'rebuild', 'compare', 'hash'],
  },
  { name: 'seed-data', script: 'apps/api/src/cli/seed-data.js', commands: [] },
];

let build: Build;
let scratch: string;
let runs = 0;

beforeAll(async () => {
  build = await buildService();
  scratch = mkdtempSync(join(tmpdir(), 'cli-shell-'));
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs one tool with a DATA_DIR of its own that does not exist; `created` says whether the run made it. */
function run(script: string, args: string[]) {
  const dataDir = join(scratch, `data-${++runs}`);
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: scratch,
    // Nothing that points at a server: a tool that connected before reading its arguments would hang or fail.
    env: { ...baseEnv(), NODE_ENV: 'development', DATA_DIR: dataDir, REDIS_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, created: existsSync(dataDir) };
}

describe.each(TOOLS)('$name', ({ name, script, commands }) => {
  const file = () => join(build.dir, script);

  it.each(['', ...commands])(
    'answers --help (command "%s") with its usage and creates nothing',
    (sub: string) => {
      const command = sub ? [sub] : [];
      for (const flag of ['--help', '-h']) {
        const r = run(file(), [...command, flag]);
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
        expect(r.stdout).toMatch(new RegExp(`^\\s*${name} ${command[0] ?? ''}`, 'm'));
        expect(r.created).toBe(false);
      }
    },
  );

  it.each(['', ...commands])('refuses a bad flag (command "%s") with one line and exit 2', (sub: string) => {
    const command = sub ? [sub] : [];
    const r = run(file(), [...command, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^${name}: .*--no-such-flag`));
    expect(r.created).toBe(false);
  });

  if (commands.length > 0)
    it('refuses a missing or unknown command with exit 2', () => {
      for (const args of [[], ['no-such-command']]) {
        const r = run(file(), args);
        expect(r.code).toBe(2);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.created).toBe(false);
      }
    });
});

describe('bin launchers', () => {
  /** A copy of bin/ beside `dist` (a link to the build), as in a built checkout or the image. */
  function checkout(withDist: boolean): string {
    const root = mkdtempSync(join(scratch, 'checkout-'));
    mkdirSync(join(root, 'bin'));
    for (const f of readdirSync(join(ROOT, 'bin'))) copyFileSync(join(ROOT, 'bin', f), join(root, 'bin', f));
    if (withDist) symlinkSync(build.dir, join(root, 'dist'));
    return root;
  }

  it('run each tool from the compiled tree, with its arguments', () => {
    const root = checkout(true);
    for (const { name } of TOOLS) {
      const r = run(join(root, 'bin', `portal-${name}.js`), ['--help']);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^${name}: `));
    }
  });

  it('say to run the build when there is none', () => {
    const r = run(join(checkout(false), 'bin', 'portal-staff.js'), ['--help']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^portal-staff: .*staff-cli\.js is missing: run `npm run build` first\n$/);
  });
});
