/**
 * Data at rest in the embedded mode: DATA_DIR holds the event store, the read models,
 * sessions, wrapped data keys, the job queue, the secrets and the outbox of emails
 * with codes in them. Every directory is 0700 and every file 0600, whatever the umask
 * of whoever started the service (here 000, the loosest there is).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NONMEMBER_FORM } from './support/forms';
import { Outbox } from './support/outbox';
import { startApp, type TestApp } from './support/app';

function walk(dir: string): { path: string; mode: number; dir: boolean }[] {
  const out = [{ path: dir, mode: statSync(dir).mode & 0o777, dir: true }];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) out.push(...walk(path));
    else out.push({ path, mode: s.mode & 0o777, dir: false });
  }
  return out;
}

describe('data at rest', () => {
  let root: string;
  let t: TestApp | undefined;
  let umask: number;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'portal-modes-'));
    umask = process.umask(0);
  });
  afterAll(async () => {
    process.umask(umask);
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates DATA_DIR, every SQLite file with its -wal and -shm, the secrets and the outbox for the owner only', async () => {
    const dataDir = join(root, 'deep', 'data');
    t = await startApp({ DATA_DIR: dataDir });
    const email = 'modes@example.com';
    const registered = await t
      .http()
      .post('/v1/registrations/nonmember')
      .send({ ...NONMEMBER_FORM, username: 'modesowner01', email });
    expect(registered.body).toEqual({ registered: true });
    await t
      .http()
      .post('/v1/login')
      .send({ username: 'modesowner01', password: NONMEMBER_FORM.password })
      .expect(200);
    await new Outbox(dataDir).next(email, /verification code/i);

    const entries = walk(join(root, 'deep'));
    const files = entries.filter((e) => !e.dir).map((e) => e.path.slice(dataDir.length + 1));
    // Every store the embedded mode opens is there (so the check below covers them), and the outbox has mail.
    expect(files).toEqual(
      expect.arrayContaining([
        'secrets.json',
        'events.sqlite',
        'events.sqlite-wal',
        'read-models.sqlite',
        'sessions.sqlite',
        'staff-sessions.sqlite',
        'keys.sqlite',
        'jobs.sqlite',
      ]),
    );
    expect(files.some((f) => f.startsWith('outbox/') && f.endsWith('.eml'))).toBe(true);
    const loose = entries
      .filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
      .map((e) => `${e.path.slice(root.length)} ${e.mode.toString(8)}`);
    expect(loose).toEqual([]);
  });
});
