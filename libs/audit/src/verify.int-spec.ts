import { accountCodec } from '@portal/accounts';
import { accountStreamId } from '@portal/domain';
import { ENVELOPE_FIELD, Vault } from '@portal/vault';
import { legacyAccountCodec } from '../../accounts/src/testing/legacy-account-codec';
import {
  type AuditFixture,
  erasedAccount,
  liveAccount,
  openFixture,
  reservation,
} from './testing/audit-fixture';
import { verifyAll, verifyAllSteps, type VerifyProgress, type VerifyStep, verifyStream } from './verify';

describe('hash-chain verification on the SQLite event store', () => {
  let f: AuditFixture;
  let live: string;
  let other: string;
  let username: string;

  beforeEach(async () => {
    f = await openFixture();
    live = await liveAccount(f);
    other = await liveAccount(f);
    username = await reservation(f, live);
    await erasedAccount(f);
  });
  afterEach(() => f.close());

  const eventAt = async (accountId: string, revision: bigint) =>
    (await f.store.readStream(accountStreamId(accountId), { fromRevision: revision, maxCount: 1 }))[0];

  it('passes an intact store, erased account included, in one pass with small pages', async () => {
    const report = await verifyAll(f.store, { pageSize: 4 });
    expect(report).toEqual({ streams: 4, events: 24, breaks: [] });
    expect(await verifyStream(f.store, accountStreamId(live), { pageSize: 3 })).toEqual({
      streams: 1,
      events: 10,
      breaks: [],
    });
    expect((await verifyStream(f.store, username)).breaks).toEqual([]);
  });

  it('passes events sealed field by field (stored before envelopes) beside envelope ones, and both decode alike', async () => {
    const g = await openFixture();
    try {
      g.codec = legacyAccountCodec(g.vault);
      const before = await liveAccount(g);
      g.codec = accountCodec(g.vault);
      const after = await liveAccount(g);
      const [old] = await g.store.readStream(accountStreamId(before), { maxCount: 1 });
      const [fresh] = await g.store.readStream(accountStreamId(after), { maxCount: 1 });
      expect(old.metadata.schemaVersion).toBe(1);
      expect(old.data).not.toHaveProperty(ENVELOPE_FIELD);
      expect(fresh.metadata.schemaVersion).toBe(2);
      expect(Vault.isSealed(fresh.data[ENVELOPE_FIELD])).toBe(true);
      expect(await verifyAll(g.store, { pageSize: 4 })).toEqual({ streams: 2, events: 20, breaks: [] });
      expect((await g.fold(before)).profile).toEqual((await g.fold(after)).profile);
    } finally {
      await g.close();
    }
  });

  it('names the stream, revision and event id of an event altered in the SQLite file', async () => {
    const target = await eventAt(live, 2n);
    expect(target.type).toBe('LoginFailed');
    await f.tamper(
      `UPDATE events SET data = json_set(data, '$.consecutive', 0) WHERE stream_id = ? AND revision = 2`,
      accountStreamId(live),
    );
    const expected = {
      streamId: accountStreamId(live),
      revision: 2n,
      eventId: target.id,
      reason: 'hash-mismatch',
    };
    const report = await verifyAll(f.store, { pageSize: 5 });
    expect(report.breaks).toEqual([expected]);
    expect(report.firstBreak).toEqual(expected);
    expect(report.streams).toBe(4);
    expect((await verifyStream(f.store, accountStreamId(live))).firstBreak).toEqual(expected);
    expect((await verifyStream(f.store, accountStreamId(other))).breaks).toEqual([]);
  });

  it('notices altered metadata: an actor rewritten to look like support', async () => {
    const target = await eventAt(other, 9n);
    await f.tamper(
      `UPDATE events SET metadata = json_set(metadata, '$.actor', json('{"kind":"staff","staffId":"s-1"}')) WHERE event_id = ?`,
      target.id,
    );
    expect((await verifyAll(f.store)).breaks).toEqual([
      { streamId: accountStreamId(other), revision: 9n, eventId: target.id, reason: 'hash-mismatch' },
    ]);
  });

  it('reports a deleted middle event as a revision gap at the event after it', async () => {
    const after = await eventAt(live, 5n);
    await f.tamper(`DELETE FROM events WHERE stream_id = ? AND revision = 4`, accountStreamId(live));
    const expected = {
      streamId: accountStreamId(live),
      revision: 5n,
      eventId: after.id,
      reason: 'revision-gap',
    };
    expect((await verifyAll(f.store)).breaks).toEqual([expected]);
    expect((await verifyStream(f.store, accountStreamId(live))).firstBreak).toEqual(expected);
  });

  it('reports a deleted first event, since a stream must start at revision 0', async () => {
    const second = await eventAt(live, 1n);
    await f.tamper(`DELETE FROM events WHERE stream_id = ? AND revision = 0`, accountStreamId(live));
    expect((await verifyAll(f.store)).firstBreak).toEqual({
      streamId: accountStreamId(live),
      revision: 1n,
      eventId: second.id,
      reason: 'revision-gap',
    });
  });

  it('cannot see a deleted last event from the chain alone (see verify.ts: stream heads kept elsewhere catch it)', async () => {
    await f.tamper(`DELETE FROM events WHERE stream_id = ? AND revision = 9`, accountStreamId(live));
    expect(await verifyAll(f.store)).toEqual({ streams: 4, events: 23, breaks: [] });
  });

  it('reports the first break of each broken stream once, the earliest in global order first', async () => {
    const inOther = await eventAt(other, 1n);
    const inLive = await eventAt(live, 7n);
    await f.tamper(`UPDATE events SET type = 'UsernameChanged' WHERE event_id = ?`, inOther.id);
    await f.tamper(
      `UPDATE events SET data = '{}' WHERE stream_id = ? AND revision >= 7`,
      accountStreamId(live),
    );
    const report = await verifyAll(f.store, { pageSize: 3 });
    expect(report.breaks.map((b) => [b.streamId, b.revision])).toEqual([
      [accountStreamId(live), 7n],
      [accountStreamId(other), 1n],
    ]);
    expect(report.breaks[0].eventId).toBe(inLive.id);
    expect(report.firstBreak).toEqual(report.breaks[0]);
  });

  it('reports progress every N events and once at the end', async () => {
    const seen: VerifyProgress[] = [];
    await verifyAll(f.store, { progressEvery: 10, pageSize: 7, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { events: 10, streams: 1, breaks: 0 },
      { events: 20, streams: 2, breaks: 0 },
      { events: 24, streams: 4, breaks: 0 },
    ]);
  });

  it('as steps: progress naming the first broken link once met, then the report; a stop reads no further', async () => {
    const inLive = await eventAt(live, 7n);
    await f.tamper(`UPDATE events SET data = '{}' WHERE event_id = ?`, inLive.id);
    const steps: VerifyStep[] = [];
    for await (const step of verifyAllSteps(f.store, { progressEvery: 10, pageSize: 7 })) steps.push(step);
    const report = await verifyAll(f.store);
    expect(steps.at(-1)).toEqual({ report });
    const progress = steps.slice(0, -1).map((s) => ('progress' in s ? s.progress : undefined));
    expect(progress.map((p) => p?.events)).toEqual([10, 20, 24]);
    // The broken link is named from the first report after it was read, not only at the end.
    const at = progress.findIndex((p) => p?.firstBreak);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(progress.slice(at).map((p) => p?.firstBreak)).toEqual(
      progress.slice(at).map(() => report.firstBreak),
    );
    expect(progress.slice(0, at).every((p) => p?.breaks === 0)).toBe(true);

    // Whoever stops asking (a client gone) stops the pass: no page is read after the one in hand.
    let pages = 0;
    const counting = new Proxy(f.store, {
      get: (target, key) =>
        key === 'readAll'
          ? (options: Parameters<typeof target.readAll>[0]) => (pages++, target.readAll(options))
          : (Reflect.get(target, key) as unknown),
    });
    for await (const step of verifyAllSteps(counting, { progressEvery: 1, pageSize: 2 }))
      if ('progress' in step && step.progress.events === 3) break;
    expect(pages).toBe(2);
  });

  it('refuses an unknown stream and bad options with stable codes', async () => {
    await expect(verifyStream(f.store, 'account-nobody')).rejects.toMatchObject({
      code: 'AUDIT_STREAM_NOT_FOUND',
    });
    await expect(verifyAll(f.store, { progressEvery: 0 })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
      fields: { progressEvery: expect.any(String) },
    });
    await expect(verifyAll(f.store, { pageSize: 1.5 })).rejects.toMatchObject({
      code: 'AUDIT_INVALID_OPTIONS',
    });
  });
});
