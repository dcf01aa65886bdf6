import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { generate } from 'otplib';
import { loadConfig } from '@portal/config';
import { SqliteEventStore } from '@portal/event-store';
import { matchTimeStep, newTotpSecret, otpauthUri, PasswordHasher } from '@portal/security';
import { StaffSignInService } from '@portal/staff';
import { runStaffCli } from './staff-cli';
import { sink } from './testing/sink';

describe('npm run staff -- set-password | totp', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-sign-in-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[], stdin = '') {
    const out = sink();
    const err = sink();
    const code = await runStaffCli(argv, {
      stdout: out.stream,
      stderr: err.stream,
      env: { DATA_DIR: dir, NODE_ENV: 'test' },
      stdin: Readable.from([stdin]),
    });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  it('enrols a password from stdin and an authenticator, with which the service signs in', async () => {
    expect((await run(['create', 'sam.support', '--role', 'support'])).code).toBe(0);
    const set = await run(['set-password', 'sam.support'], 'correct horse battery\n');
    expect(set).toMatchObject({ code: 0, stdout: '' });
    expect(set.stderr).toMatch(/password set for sam\.support/);
    const totp = await run(['totp', 'sam.support']);
    expect(totp.code).toBe(0);
    const secret = new URL(totp.stdout.trim()).searchParams.get('secret')!;
    expect(totp.stdout).toMatch(/^otpauth:\/\/totp\/[^\n]*sam\.support[^\n]*\n$/);

    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }, { rosterFile: join(dir, 'roster.csv') });
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    try {
      const service = new StaffSignInService({
        store,
        hmacKey: config.secrets.hmacKey,
        passwords: new PasswordHasher(),
        totp: { newSecret: newTotpSecret, uri: otpauthUri, matchTimeStep },
      });
      const now = new Date();
      const code = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
      const ctx = { correlationId: 'corr-test', actor: { kind: 'anonymous' as const }, occurredAt: now };
      expect(await service.signIn('sam.support', 'correct horse battery', code, ctx)).toMatchObject({
        ok: true,
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a short password, no password, an unknown staff member and bad arguments', async () => {
    await run(['create', 'sam.support', '--role', 'support']);
    expect(await run(['set-password', 'sam.support'], 'short\n')).toMatchObject({ code: 1 });
    expect((await run(['set-password', 'sam.support'], '')).stderr).toMatch(/STAFF_PASSWORD_INVALID/);
    expect((await run(['totp', 'nobody.here'])).stderr).toMatch(/STAFF_UNKNOWN/);
    for (const argv of [['totp'], ['set-password', 'a', 'b'], ['totp', 'sam.support', '--role', 'x']])
      expect((await run(argv)).code).toBe(2);
  });
});
