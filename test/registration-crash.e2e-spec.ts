/**
 * Issue 20, item 1: a registration cut off by kill -9 must not shut its person out.
 * The service runs as `npm start` runs it, in a child process; a burst of concurrent
 * registrations (nonmembers, producers and provider offices) is under way (most of them waiting in argon2, their usernames and
 * emails already reserved) when the process is killed outright. Restarted on the same
 * DATA_DIR, every form that did not get its 201 is sent again: each either registers,
 * or its account was recorded before the kill and the person logs in. Afterwards no
 * reservation is held by anything but the account registered with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@portal/event-store';
import { isNpi } from '@portal/domain';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { eventually } from './support/outbox';
import { type Build, buildService, type ServiceProcess, startService } from './support/service-process';

jest.setTimeout(240_000);

const BURST = 150;
/** Registrations answered before the kill: enough to be mid-burst, few enough that most are cut off. */
const ANSWERED_BEFORE_KILL = 10;

/** A valid NPI (Luhn over 80840 + the ten digits) for the `n`th office. */
function npi(n: number): string {
  const stem = `1${String(n).padStart(8, '0')}`;
  for (let d = 0; d <= 9; d++) if (isNpi(`${stem}${d}`)) return `${stem}${d}`;
  throw new Error(`no check digit for ${stem}`);
}

/** Nonmembers, producers and provider offices, mixed: each kind reserves its values before its account. */
const forms = Array.from({ length: BURST }, (_, i) => {
  const n = String(i).padStart(3, '0');
  const person = { ...NONMEMBER_FORM, username: `crashuser${n}`, email: `crash${n}@example.com` };
  if (i % 5 === 0)
    return {
      path: '/v1/registrations/provider-office',
      body: { ...person, officeName: `Office ${n} Family Medicine`, npi: npi(i), taxId: '12-3456789' },
    };
  if (i % 5 === 1) {
    const { dateOfBirth: _, ...producer } = person;
    return { path: '/v1/registrations/producer', body: { ...producer, producerId: `AG-${n}` } };
  }
  return { path: '/v1/registrations/nonmember', body: person };
});
const OFFICES = forms.filter((f) => f.path.endsWith('provider-office')).length;

async function post(service: ServiceProcess, path: string, body: object) {
  const response = await fetch(`${service.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width)
    results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}

describe('registration survives kill -9 mid-burst', () => {
  let build: Build;
  let dataDir: string;
  let service: ServiceProcess | undefined;
  beforeAll(async () => {
    build = await buildService();
    dataDir = mkdtempSync(join(tmpdir(), 'portal-crash-'));
  });
  afterAll(async () => {
    await service?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every cut-off form registers when sent again, or logs in; no reservation is left without its account or office', async () => {
    service = await startService(build, dataDir);
    const first = service;
    const answered = new Map<string, number>();
    const burst = forms.map((form) =>
      post(first, form.path, form.body).then(
        (r) => void answered.set(form.body.username, r.status),
        () => undefined, // cut off by the kill
      ),
    );
    await eventually(
      async () => (answered.size >= ANSWERED_BEFORE_KILL ? true : undefined),
      120_000,
      `${ANSWERED_BEFORE_KILL} registrations answered`,
    );
    await first.kill();
    await Promise.all(burst);
    // Everything answered before the kill was a registration.
    expect([...answered.values()].every((status) => status === 201)).toBe(true);
    const cutOff = forms.filter((form) => !answered.has(form.body.username));
    // Mid-burst: the kill really cut registrations off.
    expect(cutOff.length).toBeGreaterThan(0);

    service = await startService(build, dataDir);
    const second = service;
    const resent = await inBatches(cutOff, 10, async (form) => ({
      form,
      ...(await post(second, form.path, form.body)),
    }));
    for (const { form, status, body } of resent) {
      // Registered now, or its account (and office) was recorded before the kill and holds the username.
      const username = form.body.username;
      if (status !== 201)
        expect([username, status, body.error]).toMatchObject([
          username,
          409,
          { code: expect.stringMatching(/^(USERNAME_TAKEN|OFFICE_ALREADY_REGISTERED)$/) },
        ]);
    }
    // Every person can log in: the password step is accepted and a second factor asked for.
    const logins = await inBatches(forms, 10, (form) =>
      post(second, '/v1/login', { username: form.body.username, password: PASSWORD }),
    );
    expect(logins.map((r) => r.status)).toEqual(forms.map(() => 200));
    expect(logins.every((r) => typeof r.body.loginToken === 'string')).toBe(true);
    await second.stop();

    // Read the stores as they were left: one account per form, one office per office form, and every
    // username, email and NPI reservation held by a registered account or office, none by an id that never
    // got its account or office.
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    try {
      const events: RecordedEvent[] = await store.readAll();
      const registered = new Set(
        events.filter((e) => e.type === 'Registered').map((e) => e.streamId.replace(/^account-/, '')),
      );
      expect(registered.size).toBe(BURST);
      const offices = new Set(
        events.filter((e) => e.type === 'OfficeRegistered').map((e) => e.streamId.replace(/^office-/, '')),
      );
      expect(offices.size).toBe(OFFICES);
      const holders = new Map<string, string | undefined>();
      for (const e of events) {
        if (!/^(username|email|npi)-/.test(e.streamId)) continue;
        const { accountId } = e.data as { accountId: string };
        if (e.type === 'ReservationClaimed') holders.set(e.streamId, accountId);
        else if (e.type === 'ReservationReleased' && holders.get(e.streamId) === accountId)
          holders.set(e.streamId, undefined);
      }
      const held = [...holders].filter((h): h is [string, string] => h[1] !== undefined);
      expect(held).toHaveLength(2 * BURST + OFFICES);
      const standing = ([stream, holder]: [string, string]) =>
        stream.startsWith('npi-') ? offices.has(holder) : registered.has(holder);
      expect(held.filter((h) => !standing(h))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
