import { parseAuditArgs, UsageError } from './audit-args';

describe('audit CLI arguments', () => {
  it('reads export with its flags, in either spelling', () => {
    expect(parseAuditArgs(['export'])).toEqual({ kind: 'export' });
    expect(parseAuditArgs(['export', '--stream', 'account-1', '--out', 'x.ndjson', '--after=12/12'])).toEqual(
      {
        kind: 'export',
        streamId: 'account-1',
        out: 'x.ndjson',
        after: { commit: 12n, prepare: 12n },
      },
    );
  });

  it('reads verify, with progress every 10,000 events unless told', () => {
    expect(parseAuditArgs(['verify'])).toEqual({ kind: 'verify', progressEvery: 10_000 });
    expect(parseAuditArgs(['verify', '--stream', 'username-ab', '--progress-every', '50'])).toEqual({
      kind: 'verify',
      streamId: 'username-ab',
      progressEvery: 50,
    });
  });

  it('reads state with a time, a revision, or neither', () => {
    const id = '0193a3c4-1c2d-7e8f-9a0b-1c2d3e4f5a6b';
    expect(parseAuditArgs(['state', id])).toEqual({ kind: 'state', accountId: id, asOf: {} });
    expect(parseAuditArgs(['state', id, '--at', '2026-03-02T09:02:30Z'])).toEqual({
      kind: 'state',
      accountId: id,
      asOf: { at: new Date('2026-03-02T09:02:30Z') },
    });
    expect(parseAuditArgs(['state', '--revision', '7', id])).toEqual({
      kind: 'state',
      accountId: id,
      asOf: { revision: 7n },
    });
  });

  it.each([
    [[], /a command is needed/],
    [['replay'], /unknown command "replay"/],
    [['export', '--out'], /^--out needs a value$/],
    [['export', '--out', '--stream', 's'], /^--out needs a value$/],
    [['export', '--at', 'x'], /export does not take --at/],
    [['export', 'account-1'], /export takes no "account-1"/],
    [['export', '--after', '12'], /^--after must be a position/],
    [['export', '--stream', 'a', '--stream', 'b'], /^--stream is given twice$/],
    [['verify', '--progress-every', '0'], /^--progress-every must be a whole number/],
    [['verify', '--progress-every', 'ten'], /^--progress-every must be a whole number/],
    [['verify', '--revision', '1'], /verify does not take --revision/],
    [['state'], /state needs an <accountId>/],
    [['state', 'a', 'b'], /state takes one <accountId>/],
    [['state', 'a', '--at', '2026-03-02'], /^--at must be an ISO-8601 time with a zone/],
    [['state', 'a', '--at', '2026-02-30T25:00:00Z'], /^--at is not a real date/],
    [['state', 'a', '--revision', '-3'], /^--revision must be a whole number/],
    [
      ['state', 'a', '--revision', '1', '--at', '2026-03-02T09:00:00Z'],
      /^--at give either a time or a revision/,
    ],
  ])('refuses %j with one line naming the argument', (argv, message) => {
    let thrown: unknown;
    try {
      parseAuditArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });
});
