import { verifyChain } from '@portal/command';
import { type EventStore, parsePosition, type ReadAllOptions, type RecordedEvent } from '@portal/event-store';
import { ENVELOPE_FIELD, IN_ENVELOPE } from '@portal/vault';
import { exportEvents, type ExportLine, toExportLine } from './export';
import {
  type AuditFixture,
  erasedAccount,
  liveAccount,
  openFixture,
  PROFILE,
  reservation,
} from './testing/audit-fixture';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

const parse = (line: string) => JSON.parse(line) as ExportLine;

function fromLine(l: ExportLine): RecordedEvent {
  return {
    streamId: l.streamId,
    revision: BigInt(l.revision),
    position: parsePosition(l.position),
    id: l.id,
    type: l.type,
    data: l.data,
    metadata: l.metadata,
    recordedAt: l.recordedAt,
  };
}

describe('exportEvents on the SQLite event store', () => {
  let f: AuditFixture;
  let live: string;
  let erased: string;
  let username: string;

  beforeAll(async () => {
    f = await openFixture();
    live = await liveAccount(f);
    username = await reservation(f, live);
    erased = await erasedAccount(f);
  });
  afterAll(() => f.close());

  it('writes every event once, in global order, one JSON object per line, as stored', async () => {
    const lines = await collect(exportEvents(f.store, { pageSize: 3 }));
    const stored = await f.store.readAll();
    expect(stored).toHaveLength(14);
    expect(lines).toHaveLength(stored.length);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const parsed = lines.map(parse);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(stored.map(toExportLine))));
    expect(Object.keys(parsed[0])).toEqual([
      'streamId',
      'revision',
      'position',
      'id',
      'type',
      'data',
      'metadata',
      'recordedAt',
    ]);
    expect(parsed[0]).toMatchObject({
      streamId: `account-${live}`,
      revision: '0',
      position: `${stored[0].position.commit}/${stored[0].position.prepare}`,
      type: 'Registered',
    });
    expect(new Set(parsed.map((l) => l.streamId))).toEqual(
      new Set([`account-${live}`, `account-${erased}`, username]),
    );
  });

  it('keeps personal data sealed: no clear name, date of birth or email in the export', async () => {
    const text = (await collect(exportEvents(f.store))).join('');
    for (const value of [
      PROFILE.lastName,
      PROFILE.dateOfBirth,
      PROFILE.email,
      PROFILE.phone,
      'quentin.audit',
    ])
      expect(text).not.toContain(value);
    const registered = parse((await collect(exportEvents(f.store)))[0]);
    expect((registered.data.profile as Record<string, string>).lastName).toBe(IN_ENVELOPE);
    expect(registered.data[ENVELOPE_FIELD]).toMatch(/^v1\./);
  });

  it('exports a chain an auditor can verify from the file alone', async () => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const line of await collect(exportEvents(f.store))) {
      const e = fromLine(parse(line));
      byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    }
    expect(byStream.size).toBe(3);
    for (const events of byStream.values()) expect(verifyChain(events)).toBeUndefined();
  });

  it('exports one stream in revision order, paging by revision', async () => {
    const lines = (await collect(exportEvents(f.store, { streamId: `account-${live}`, pageSize: 4 }))).map(
      parse,
    );
    expect(lines.map((l) => l.revision)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(lines.every((l) => l.streamId === `account-${live}`)).toBe(true);
    expect(lines.map((l) => l.type)).toEqual([
      'Registered',
      'UsernameCreated',
      'LoginFailed',
      'PasswordAccepted',
      'OtpIssued',
      'OtpVerified',
      'LoginSucceeded',
      'RecoveryCodesIssued',
      'AuthenticatorAdded',
      'PasswordChanged',
    ]);
  });

  it('resumes after the position of the last line written', async () => {
    const all = await collect(exportEvents(f.store, { pageSize: 5 }));
    const head = all.slice(0, 6);
    const rest = await collect(
      exportEvents(f.store, { after: parsePosition(parse(head[5]).position), pageSize: 5 }),
    );
    expect([...head, ...rest]).toEqual(all);
    const streamTail = await collect(
      exportEvents(f.store, { streamId: `account-${live}`, after: parsePosition(parse(all[7]).position) }),
    );
    expect(streamTail.map((l) => parse(l).revision)).toEqual(['8', '9']);
  });

  it('reads one page at a time, only as fast as lines are taken', async () => {
    const calls: Array<number | undefined> = [];
    // The real store underneath, its readAll counted.
    const spy: EventStore = Object.assign(Object.create(f.store) as EventStore, {
      readAll: (options?: ReadAllOptions) => {
        calls.push(options?.maxCount);
        return f.store.readAll(options);
      },
    });
    const lines = exportEvents(spy, { pageSize: 4 });
    await lines.next();
    await lines.next();
    expect(calls).toEqual([4]);
    await lines.return(undefined);
    await collect(exportEvents(spy, { pageSize: 4 }));
    // 14 events: pages of 4, 4, 4, 2, then an empty page ends it.
    expect(calls.slice(1)).toEqual([4, 4, 4, 4, 4]);
  });

  it('refuses an unknown stream and bad options with stable codes', async () => {
    await expect(collect(exportEvents(f.store, { streamId: 'account-nobody' }))).rejects.toMatchObject({
      code: 'AUDIT_STREAM_NOT_FOUND',
    });
    await expect(collect(exportEvents(f.store, { pageSize: 0 }))).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { pageSize: expect.any(String) },
    });
    await expect(collect(exportEvents(f.store, { streamId: ' ' }))).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { streamId: expect.any(String) },
    });
  });
});
