import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { SqliteEventStore } from '@portal/event-store';
import { runLegacyCli } from './legacy-cli';
import { sink } from './testing/sink';

describe('npm run legacy', () => {
  let dir: string;
  let hash: string;
  beforeAll(async () => {
    hash = await argon2.hash('Legacy7Password9x', { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'legacy-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const out = sink();
    const err = sink();
    const code = await runLegacyCli(argv, {
      stdout: out.stream,
      stderr: err.stream,
      env: { DATA_DIR: dir, NODE_ENV: 'test' },
    });
    return { code, stdout: out.text(), stderr: err.text() };
  }
  const file = (text: string) => {
    const path = join(dir, 'legacy.csv');
    writeFileSync(path, text);
    return path;
  };
  const recorded = async () => {
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    try {
      return await store.readAll();
    } finally {
      await store.close();
    }
  };
  const events = async () => (await recorded()).map((e) => e.type);

  it('refuses bad arguments with exit 2', async () => {
    for (const argv of [[], ['export', 'x.csv'], ['import'], ['import', 'a.csv', 'b.csv']]) {
      const r = await run(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr.split('\n')[0]).toMatch(/^legacy: \S/);
    }
  });

  it('refuses a file with a bad row whole, naming the lines and not their content', async () => {
    const r = await run(
      'import',
      file(`member_id,password_hash\nDEMO0000001,${hash}\nDEMO0000002,$2b$10$secretbcrypt\nDEMO0000003\n`),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3: password_hash is not an argon2 hash');
    expect(r.stderr).toContain('line 4: 2 fields expected, 1 found');
    expect(r.stderr).not.toContain('secretbcrypt');
    expect(await events()).toEqual([]);
  });

  it('imports the members on the roster once (the hash quoted or not); a second run leaves them alone', async () => {
    const path = file(
      `member_id,password_hash\nDEMO0000001,${hash}\nNOBODY00001,${hash}\n"demo-000 0003","${hash}"\n`,
    );
    const first = await run('import', path);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      `${path}: 3 accounts; 2 imported, 0 already had an account, 1 not on the roster (lines 3)\n`,
    );
    expect((await events()).filter((t) => t === 'LegacyAccountImported')).toHaveLength(2);
    // Brought in, not lived: the delivery reactor never sends anything for these events.
    const imported = (await recorded()).filter((e) => e.streamId.startsWith('account-'));
    expect(imported.map((e) => e.metadata.imported)).toEqual(['legacy-import', 'legacy-import']);
    const again = await run('import', path);
    expect(again.stdout).toBe(
      `${path}: 3 accounts; 0 imported, 2 already had an account, 1 not on the roster (lines 3)\n`,
    );
    expect((await events()).filter((t) => t === 'LegacyAccountImported')).toHaveLength(2);
  });
});
