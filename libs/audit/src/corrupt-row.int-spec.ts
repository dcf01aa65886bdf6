/**
 * One event row whose JSON no longer parses (a damaged file, a hand edit), written
 * with better-sqlite3 straight into the events table: the audit names the row and
 * keeps working for everything else.
 */
import { accountStreamId, DEFAULT_POLICY } from '@portal/domain';
import { type RecordedEvent } from '@portal/event-store';
import { exportEvents } from './export';
import { accountStateAsOf } from './state-as-of';
import { type AuditFixture, liveAccount, openFixture } from './testing/audit-fixture';
import { verifyAll, verifyStream } from './verify';

describe('an unreadable event row', () => {
  let f: AuditFixture;
  let broken: string;
  let other: string;
  let target: RecordedEvent;
  let total: number;

  beforeEach(async () => {
    f = await openFixture();
    broken = await liveAccount(f);
    other = await liveAccount(f);
    total = (await f.store.readAll()).length;
    [target] = await f.store.readStream(accountStreamId(broken), { fromRevision: 3n, maxCount: 1 });
    await f.tamper(`UPDATE events SET data = '{"consecutive": 1,' WHERE event_id = ?`, target.id);
  });
  afterEach(() => f.close());

  const named = () => ({
    streamId: accountStreamId(broken),
    revision: 3n,
    eventId: target.id,
  });

  it('is an error naming its stream, revision and event id, never its content, for a read that includes it', async () => {
    const error = await f.store.readStream(accountStreamId(broken)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnreadableEventError', code: 'EVENT_UNREADABLE', ...named() });
    expect((error as Error).message).toContain(`${accountStreamId(broken)} revision 3`);
    expect((error as Error).message).toContain(target.id);
    expect((error as Error).message).not.toContain('consecutive');
    await expect(f.store.readAll()).rejects.toMatchObject(named());
    // Every other stream reads as before.
    expect(await f.store.readStream(accountStreamId(other))).toHaveLength(10);
  });

  it('verify reports it as a broken link of its stream and checks every other event', async () => {
    const report = await verifyAll(f.store, { pageSize: 4 });
    expect(report.breaks).toEqual([{ ...named(), reason: 'unreadable' }]);
    expect(report.streams).toBe(2);
    expect((await verifyStream(f.store, accountStreamId(broken), { pageSize: 2 })).breaks).toEqual([
      { ...named(), reason: 'unreadable' },
    ]);
    expect((await verifyStream(f.store, accountStreamId(other))).breaks).toEqual([]);
  });

  it('export writes a line marking it, then every later event; the caller is told', async () => {
    const told: unknown[] = [];
    const lines: Record<string, unknown>[] = [];
    for await (const line of exportEvents(f.store, { pageSize: 4, onUnreadable: (e) => told.push(e) }))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(total);
    const marked = lines.filter((l) => 'unreadable' in l);
    expect(marked).toEqual([
      {
        streamId: accountStreamId(broken),
        revision: '3',
        position: expect.any(String),
        id: target.id,
        unreadable: 'its data is not valid JSON',
      },
    ]);
    expect(told).toHaveLength(1);
    const ofStream: string[] = [];
    for await (const line of exportEvents(f.store, { streamId: accountStreamId(broken), pageSize: 2 }))
      ofStream.push(line);
    expect(ofStream).toHaveLength(10);
  });

  it('state as of: refused by name at or past it, answered before it and for every other account', async () => {
    const deps = { store: f.store, vault: f.vault, policy: DEFAULT_POLICY };
    await expect(accountStateAsOf(deps, broken)).rejects.toMatchObject({
      code: 'AUDIT_EVENT_UNREADABLE',
      message: expect.stringContaining(`${accountStreamId(broken)} revision 3`),
    });
    expect((await accountStateAsOf(deps, broken, { revision: 2n })).revision).toBe(2n);
    expect((await accountStateAsOf(deps, other)).revision).toBe(9n);
  });
});
