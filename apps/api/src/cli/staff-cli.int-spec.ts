import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@portal/config';
import { SqliteEventStore } from '@portal/event-store';
import { createStaffSessionStore } from '@portal/runtime';
import { ssoStaffId, StaffDirectory } from '@portal/staff';
import { StaffSessions } from '../staff/staff-sessions';
import { runStaffCli } from './staff-cli';
import { sink } from './testing/sink';

describe('npm run staff', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'staff-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const out = sink();
    const err = sink();
    const code = await runStaffCli(argv, {
      stdout: out.stream,
      stderr: err.stream,
      env: { DATA_DIR: dir, NODE_ENV: 'test' },
    });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  /** What the service would answer for this token, on the same DATA_DIR and HMAC_KEY. */
  async function authenticate(token: string) {
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }, { rosterFile: join(dir, 'roster.csv') });
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    try {
      return await new StaffDirectory({ store, hmacKey: config.secrets.hmacKey }).authenticate(token);
    } finally {
      await store.close();
    }
  }

  it('lists a single sign-on member by its provider, shuts it out with disable, and refuses it a token or roles', async () => {
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }, { rosterFile: join(dir, 'roster.csv') });
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const staffId = ssoStaffId('https://idp.example', 'u-1');
    try {
      await new StaffDirectory({ store, hmacKey: config.secrets.hmacKey }).recordSsoSignIn(
        { staffId, issuer: 'https://idp.example', subject: 'u-1', roles: ['support'] },
        { correlationId: 'test', actor: { kind: 'staff', staffId }, occurredAt: new Date() },
      );
    } finally {
      await store.close();
    }
    expect((await run('list')).stdout).toMatch(
      new RegExp(
        `^${staffId}  active  roles: support  created \\S+  single sign-on at https://idp.example\n$`,
      ),
    );
    for (const argv of [
      ['rotate', staffId],
      ['roles', staffId, '--role', 'admin'],
    ]) {
      const r = await run(...argv);
      expect({ argv, code: r.code, stderr: r.stderr }).toEqual({
        argv,
        code: 1,
        stderr: expect.stringMatching(/^staff: STAFF_SSO_MANAGED: /),
      });
    }
    expect((await run('disable', staffId, '--reason', 'left the team')).code).toBe(0);
    expect((await run('create', 'sso-by-hand', '--role', 'support')).stderr).toMatch(
      /^staff: STAFF_ID_INVALID: /,
    );
  });

  it('refuses bad arguments with one line and exit 2, before opening anything', async () => {
    for (const argv of [
      [],
      ['destroy', 'jdoe'],
      ['create', 'jdoe'],
      ['create', 'jdoe', '--role', 'root'],
      ['create', 'J Doe', '--role', 'support'],
      ['create', 'jdoe', 'asmith', '--role', 'support'],
      ['create', 'jdoe', '--role'],
      ['rotate', 'jdoe', '--role', 'admin'],
      ['revoke'],
      ['revoke', 'jdoe', 'asmith'],
      ['disable', 'jdoe'],
      ['list', '--verbose'],
    ]) {
      const r = await run(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(/^staff: \S/);
    }
  });

  it('creates a staff member and prints the token alone on stdout, once', async () => {
    const r = await run('create', 'jdoe', '--role', 'support', '--role=auditor');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^stf_jdoe_[A-Za-z0-9_-]{43}\n$/);
    const token = r.stdout.trim();
    expect(r.stderr).not.toContain(token.slice(9));
    expect(r.stderr).toContain('roles: support, auditor');
    expect(await authenticate(token)).toEqual({ ok: true, staffId: 'jdoe', roles: ['support', 'auditor'] });

    const again = await run('create', 'jdoe', '--role', 'admin');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^staff: STAFF_EXISTS: /);
    expect(again.stdout).toBe('');
  });

  it('rotates, sets roles, disables and lists', async () => {
    const first = (await run('create', 'jdoe', '--role', 'support')).stdout.trim();
    await run('create', 'amy', '--role', 'admin');

    const rotated = await run('rotate', 'jdoe');
    expect(rotated.code).toBe(0);
    const second = rotated.stdout.trim();
    expect(second).toMatch(/^stf_jdoe_/);
    expect(await authenticate(first)).toMatchObject({ ok: false, why: 'wrong-secret' });
    expect(await authenticate(second)).toMatchObject({ ok: true });

    expect((await run('roles', 'jdoe', '--role', 'auditor')).code).toBe(0);
    expect(await authenticate(second)).toMatchObject({ roles: ['auditor'] });

    // A console session open when the member is disabled ends, on every API instance.
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }, { rosterFile: join(dir, 'roster.csv') });
    const sessionStore = createStaffSessionStore(config);
    const sessions = new StaffSessions(sessionStore);
    const open = await sessions.start('jdoe');
    const disabled = await run('disable', 'jdoe', '--reason', 'left the team');
    expect(disabled.code).toBe(0);
    expect(await sessions.use(open)).toEqual({ ok: false, why: 'ended' });
    expect(disabled.stderr).toMatch(/console sessions ended: 1\n$/);
    await sessionStore.close();
    expect(await authenticate(second)).toMatchObject({ ok: false, why: 'disabled' });
    expect((await run('rotate', 'jdoe')).stderr).toMatch(/^staff: STAFF_DISABLED: /);
    expect((await run('rotate', 'nobody')).code).toBe(1);

    const list = await run('list');
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^amy {2}active {2}roles: admin {2}created /),
      expect.stringMatching(/^jdoe {2}disabled {2}roles: auditor {2}created .* disabled: left the team$/),
    ]);
    expect(list.stdout).not.toMatch(/stf_|[0-9a-f]{64}/);
  });

  it('revokes a token (none issued in its place), rotates a new one, and lists each token with its expiry', async () => {
    const first = (await run('create', 'jdoe', '--role', 'support')).stdout.trim();
    const revoked = await run('revoke', 'jdoe');
    expect(revoked).toMatchObject({ code: 0, stdout: '' });
    expect(revoked.stderr).toMatch(
      /^revoked: jdoe {2}active .* token revoked\nstaff rotate jdoe issues a new token/,
    );
    expect(await authenticate(first)).toMatchObject({ ok: false, why: 'revoked' });
    expect((await run('revoke', 'jdoe')).stderr).toMatch(/^already revoked: /);
    expect((await run('list')).stdout.trim()).toMatch(
      /^jdoe {2}active {2}roles: support {2}created \S+ {2}token revoked$/,
    );

    const rotated = await run('rotate', 'jdoe');
    expect(await authenticate(rotated.stdout.trim())).toMatchObject({ ok: true });
    const listed = (await run('list')).stdout.trim();
    const expires = /token expires (\S+)$/.exec(listed)?.[1];
    // STAFF_CREDENTIAL_DAYS unset: 90 days from the rotation.
    expect(Date.parse(expires!) - Date.now()).toBeGreaterThan(89 * 24 * 3600_000);
    expect(Date.parse(expires!) - Date.now()).toBeLessThanOrEqual(90 * 24 * 3600_000);
    expect((await run('revoke', 'nobody')).stderr).toMatch(/^staff: STAFF_UNKNOWN: /);
  });
});
