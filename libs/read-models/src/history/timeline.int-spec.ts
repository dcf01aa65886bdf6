/**
 * The history timeline read from the streams (a fake event store holding sample
 * events) and the `history_refs` index (the real SQLite document store, filled by
 * the projector's `applyBatch`): order, paging, wording and personal values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountEvent, PERSONAL_DATA_FIELDS } from '@portal/domain';
import { SqliteDocumentStore } from '@portal/documents';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '@portal/event-store';
import { ERASED } from '@portal/vault';
import type { ProjectedEvent } from '../model';
import { officeEvent } from '../offices/office-samples';
import { applyBatch } from '../projector';
import { PROFILE, projected, sample, staffAccess } from '../testing/sample-events';
import { historyRefsProjection } from './history-refs.projection';
import { type HistoryEntry, type HistorySource, InvalidCursorError, readTimeline } from './timeline';

const admin = { kind: 'self' as const, accountId: 'adm' };
const withRevision = (e: ProjectedEvent, revision: bigint): ProjectedEvent => ({
  ...e,
  raw: { ...e.raw, revision },
});

/** Account u1's life among others': its own events, an office's, staff reads of it and of u2. */
function life(): ProjectedEvent[] {
  return [
    projected('u1', sample('AccountCreated'), 10, { revision: 0, clientIp: '203.0.113.5' }),
    officeEvent('off-t', { type: 'OfficeUserCreated', data: { accountId: 'u1', by: 'adm' } }, 11, admin),
    projected('u1', sample('UsernameCreated'), 12, { revision: 1 }),
    staffAccess(
      'jane.support',
      { route: 'GET /v1/support/accounts/:accountId', accountId: 'u1', reason: 'caller', outcome: 'shown' },
      13,
    ),
    withRevision(
      staffAccess(
        'jane.support',
        { route: 'GET /v1/support/accounts', accountIds: ['u2', 'u1'], reason: 'search', outcome: 'shown' },
        14,
      ),
      1n,
    ),
    projected('u1', sample('LoginFailed'), 15, { revision: 2 }),
    projected('u2', sample('Locked'), 16, { revision: 0 }),
    projected('u1', sample('Locked'), 17, { revision: 3 }),
    staffAccess(
      'sam.support',
      { route: 'GET /v1/support/accounts/:accountId', accountId: 'u2', reason: 'other', outcome: 'shown' },
      18,
    ),
    officeEvent(
      'off-t',
      { type: 'OfficeFunctionGranted', data: { accountId: 'u1', function: 'claims', by: 'adm' } },
      19,
      admin,
    ),
  ];
}

const U1_TYPES = [
  'AccountCreated',
  'OfficeUserCreated',
  'UsernameCreated',
  'StaffAccessed',
  'StaffAccessed',
  'LoginFailed',
  'Locked',
  'OfficeFunctionGranted',
];

/** Every personal field of the event replaced as the vault opens it once the account's key is gone. */
function erasedCopy(event: AccountEvent): AccountEvent {
  const data = structuredClone(event.data) as Record<string, unknown>;
  for (const path of PERSONAL_DATA_FIELDS[event.type] ?? []) {
    const parts = path.split('.');
    let parent: Record<string, unknown> | undefined = data;
    for (const p of parts.slice(0, -1)) parent = parent?.[p] as Record<string, unknown> | undefined;
    const leaf = parts[parts.length - 1];
    if (parent && parent[leaf] !== undefined) parent[leaf] = ERASED;
  }
  return { ...event, data } as AccountEvent;
}

describe('history timeline', () => {
  let dir: string;
  let docs: SqliteDocumentStore;
  let events: ProjectedEvent[];
  const erased = new Set<string>();
  const reads: string[] = [];

  const source: HistorySource = {
    async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      reads.push(streamId);
      const from = options.fromRevision ?? 0n;
      return events
        .map((e) => e.raw)
        .filter((r) => r.streamId === streamId && r.revision >= from)
        .slice(0, options.maxCount ?? Infinity);
    },
    async decode(raw) {
      const e = events.find((x) => x.raw.id === raw.id)!;
      return erased.has(e.account!.accountId) ? erasedCopy(e.account!.event) : e.account!.event;
    },
  };
  const read = (accountId: string, options: { limit: number; after?: string; reveal?: boolean }) =>
    readTimeline(
      source,
      { docs, generation: 1 },
      { kind: 'account', accountId },
      {
        reveal: true,
        ...options,
      },
    );

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    docs = SqliteDocumentStore.open(join(dir, 'rm.sqlite'));
    events = life();
    erased.clear();
    reads.length = 0;
    await docs.ensure(1, [historyRefsProjection.spec]);
    await applyBatch(
      {
        store: {} as EventStore,
        docs,
        projections: [historyRefsProjection],
        decode: async (raw) => events.find((e) => e.raw.id === raw.id)!,
      },
      1,
      events.map((e) => e.raw),
    );
  });
  afterEach(async () => {
    await docs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges the account’s own events with the staff reads and office events that concern it, in global order, worded at read time', async () => {
    const page = await read('u1', { limit: 50 });
    expect(page.next).toBeUndefined();
    expect(page.items.map((i) => i.type)).toEqual(U1_TYPES);
    const [created, office, , viewed, listed] = page.items;
    expect(created).toEqual({
      at: events[0].raw.metadata.occurredAt,
      type: 'AccountCreated',
      text: expect.stringContaining(`${PROFILE.firstName} ${PROFILE.lastName}, email ${PROFILE.email}`),
      actor: { kind: 'self', accountId: 'u1' },
      ip: '203.0.113.5',
      streamId: 'account-u1',
      revision: '0',
      eventId: events[0].raw.id,
    } satisfies HistoryEntry);
    expect(office).toMatchObject({
      streamId: 'office-off-t',
      actor: admin,
      text: expect.stringContaining('u1'),
    });
    expect(viewed.text).toBe(
      'Viewed by staff member jane.support (GET /v1/support/accounts/:accountId), reason given: “caller”',
    );
    expect(listed).toMatchObject({ streamId: 'staff-jane.support', revision: '1' });
    expect(listed.text).toMatch(/^Listed in a search by staff member jane\.support/);
    // Nothing of u2's own events or of reads of u2 alone.
    expect(page.items.map((i) => i.eventId)).not.toContain(events[6].raw.id);
    expect(page.items.map((i) => i.eventId)).not.toContain(events[8].raw.id);
  });

  it.each([1, 2, 3, 5, 7, 8])(
    'pages of %i, each read on from the cursor of the one before, give the whole timeline once, in order',
    async (limit) => {
      const whole = (await read('u1', { limit: 50 })).items;
      const seen: HistoryEntry[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await read('u1', { limit, ...(after ? { after } : {}) });
        seen.push(...page.items);
        if (!page.next) break;
        expect(page.items).toHaveLength(limit);
        after = page.next;
      }
      expect(seen).toEqual(whole);
    },
  );

  it('the cursor is opaque, and one this route never gave (an earlier version’s document id) is refused naming `after`', async () => {
    const first = await read('u1', { limit: 2 });
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(first.next).not.toContain('u1');
    for (const after of ['u1/00000000000000000011.00000000000000000011', 'not a cursor', ''])
      await expect(read('u1', { limit: 2, after })).rejects.toThrow(InvalidCursorError);
    await expect(read('u1', { limit: 2, after: 'bad' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
      fields: { after: expect.any(String) },
    });
  });

  it('shows personal values to authorised readers only, and as erased once the account’s data was erased', async () => {
    const hidden = (await read('u1', { limit: 1, reveal: false })).items[0].text;
    expect(hidden).toContain('[hidden]');
    expect(hidden).not.toContain(PROFILE.email);
    erased.add('u1');
    const page = await read('u1', { limit: 50 });
    expect(page.items[0].text).toContain('[erased]');
    expect(page.items[2].text).toBe('Username set to [erased]');
    const all = JSON.stringify(page);
    for (const value of [PROFILE.firstName, PROFILE.lastName, PROFILE.email])
      expect(all).not.toContain(value);
  });

  it('an office’s timeline is its own stream; an unknown account’s is empty, with no cursor', async () => {
    const office = await readTimeline(
      source,
      undefined,
      { kind: 'office', officeId: 'off-t' },
      {
        limit: 50,
        reveal: false,
      },
    );
    expect(office.items.map((i) => i.type)).toEqual(['OfficeUserCreated', 'OfficeFunctionGranted']);
    expect(await read('nobody', { limit: 50 })).toEqual({ items: [] });
  });
});
