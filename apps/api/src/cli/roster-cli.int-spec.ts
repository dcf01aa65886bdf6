import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoRoster } from '@portal/roster';
import { FakeRosterCollection } from '../../../../libs/roster/src/testing/fake-roster-collection';
import { parseArgs, runRosterCli } from './roster-cli';
import { sink } from './testing/sink';

const DEMO = join(__dirname, '..', '..', '..', '..', 'libs', 'roster', 'demo', 'roster.csv');

describe('npm run roster', () => {
  let dir: string;
  let collection: FakeRosterCollection;
  let closed: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
    collection = new FakeRosterCollection();
    closed = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[], env: Record<string, string> = {}, withCollection = true) {
    const out = sink();
    const err = sink();
    const code = await runRosterCli(argv, {
      stdout: out.stream,
      stderr: err.stream,
      env: { DATA_DIR: dir, NODE_ENV: 'test', ...env },
      collection: withCollection
        ? () => ({
            collection,
            close: async () => {
              closed++;
            },
          })
        : undefined,
    });
    return { code, stdout: out.text(), stderr: err.text() };
  }

  it('checks a file as the service reads it', async () => {
    expect(await run(['check', DEMO])).toEqual({
      code: 0,
      stdout: `${DEMO}: 5 members, every row valid\n`,
      stderr: '',
    });
  });

  it('refuses a file with bad rows whole, naming each row by its line and never its content, and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'memberId,firstName,lastName,dateOfBirth,addressLine1,city,state,postalCode\n' +
        'M1,Ana,Secretname,1990-01-01,1 Road,Town,MN,55401\n' +
        'M2,Bo,Othername,01/02/1990,2 Road,Town,MN,55401\n' +
        'M3,,Thirdname,1990-01-03,3 Road,Town,MN,55401\n',
    );
    for (const command of ['check', 'import']) {
      const error = await run([command, bad]).then(
        () => undefined,
        (e: unknown) => e as Error & { code: string },
      );
      expect(error?.code).toBe('ROSTER_FILE_INVALID');
      expect(error?.message).toContain('row 3: dateOfBirth is not YYYY-MM-DD');
      expect(error?.message).toContain('row 4: firstName empty');
      expect(error?.message).not.toMatch(/Secretname|Othername|Thirdname/);
    }
    expect(collection.docs.size).toBe(0);
  });

  it('imports into the roster collection, then finds the members there; again changes nothing', async () => {
    const first = await run(['import', DEMO]);
    expect(first).toMatchObject({ code: 0, stdout: `${DEMO}: 5 members; 5 added, 0 changed, 0 unchanged\n` });
    const roster = new MongoRoster(collection);
    expect(
      await roster.findMember({
        memberId: 'demo-0000002',
        firstName: 'jordan',
        lastName: 'TESTPERSON',
        dateOfBirth: '1975-11-23',
      }),
    ).toMatchObject({ memberId: 'DEMO0000002' });
    expect((await run(['import', DEMO])).stdout).toBe(
      `${DEMO}: 5 members; 0 added, 0 changed, 5 unchanged\n`,
    );
    expect(closed).toBe(2);
  });

  it('with --remove-missing, the file is the whole roster: members not in it are removed', async () => {
    await run(['import', DEMO]);
    const smaller = join(dir, 'smaller.csv');
    writeFileSync(
      smaller,
      'memberId,firstName,lastName,dateOfBirth,addressLine1,city,state,postalCode\n' +
        'DEMO0000001,Pat,Example,1980-04-01,100 Sample Street,Springfield,MN,55401\n',
    );
    const result = await run(['import', smaller, '--remove-missing', '--batch-size', '2']);
    expect(result.stdout).toBe(
      `${smaller}: 1 members; 0 added, 1 changed, 0 unchanged, 4 no longer in the file removed\n`,
    );
    expect([...collection.docs.keys()]).toEqual(['DEMO0000001']);
  });

  it('says how to proceed when there is no MongoDB to import into', async () => {
    await expect(run(['import', DEMO], {}, false)).rejects.toMatchObject({
      code: 'ROSTER_NOT_IN_MONGODB',
      message: expect.stringContaining('point ROSTER_FILE at the file'),
    });
  });

  it('answers bad arguments with usage, exit 2, before reading anything', async () => {
    for (const argv of [
      [],
      ['load', DEMO],
      ['check'],
      ['check', DEMO, 'extra'],
      ['import', DEMO, '--batch-size', '0'],
      ['check', DEMO, '--remove-missing'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      // The shell's refusals are one line pointing at --help; the tool's own add the usage line.
      expect(result.stderr).toMatch(/^roster: \S.*\n(usage: npm run roster -- check|$)/);
    }
    expect(parseArgs(['import', 'f.csv', '--remove-missing'])).toEqual({
      command: 'import',
      file: 'f.csv',
      removeMissing: true,
      batchSize: undefined,
    });
  });
});
