/**
 * The domain's event catalogue against one sample of every account event: a
 * personal field it forgets would be stored in clear, a field it names that the
 * event does not have would protect nothing.
 */
import { accountCodec } from '@portal/accounts';
import {
  ACCOUNT_EVENT_CATALOGUE,
  type AccountEvent,
  type AccountEventType,
  EVENT_TYPES,
  PERSONAL_DATA_FIELDS,
  PROJECTED_PERSONAL_FIELDS,
  SECRET_FIELDS,
} from '@portal/domain';
import type { RecordedEvent } from '@portal/event-store';
import { type DataKeyStore, Vault } from '@portal/vault';
import { PROFILE, sample, SAMPLES } from './testing/sample-events';

/** Every value in the samples that names a person. */
const PERSONAL_VALUES = [
  ...Object.values(PROFILE),
  SAMPLES.UsernameCreated.username,
  SAMPLES.EmailChanged.email,
  SAMPLES.Registered.securityQuestion,
];

const KEY = Buffer.alloc(32, 7);
const keys = { getOrCreate: async () => KEY, get: async () => KEY } as unknown as DataKeyStore;
const codec = accountCodec(new Vault(keys));
const STREAM = 'account-a1';

function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((d, p) => (d as Record<string, unknown> | undefined)?.[p], data);
}

/** Every dot path to a string in `data`. */
function stringPaths(data: unknown, prefix = ''): string[] {
  if (typeof data === 'string') return [prefix];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([k, v]) => stringPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('the account event catalogue', () => {
  it('lists every event type once, as the samples do', () => {
    expect([...EVENT_TYPES].sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });

  it.each(EVENT_TYPES)('%s: every field it names is a string of the event, when present', (type) => {
    const data = SAMPLES[type];
    const { personal, secret, projected } = ACCOUNT_EVENT_CATALOGUE[type];
    for (const path of [...personal, ...secret, ...projected] as string[]) {
      const value = at(data, path);
      if (value !== undefined) expect([path, typeof value]).toEqual([path, 'string']);
    }
    // A type with personal fields has at least one of them in its sample, or the list checks nothing.
    if (personal.length > 0)
      expect((personal as readonly string[]).some((p) => at(data, p) !== undefined)).toBe(true);
    for (const path of projected as readonly string[]) expect(personal).toContain(path);
  });

  it.each(EVENT_TYPES)('%s: every sealed value of the sample is listed as a secret', (type) => {
    const sealed = stringPaths(SAMPLES[type]).filter((p) => p.endsWith('Sealed'));
    for (const path of sealed) expect(SECRET_FIELDS[type] ?? []).toContain(path);
  });

  it.each(EVENT_TYPES)(
    '%s: stored, holds no personal value in clear, and reads back the same',
    async (type) => {
      const event = sample(type) as AccountEvent;
      const stored = await codec.encode(STREAM, event);
      const text = JSON.stringify(stored.data);
      for (const value of PERSONAL_VALUES) expect([type, text.includes(value)]).toEqual([type, false]);
      const recorded = {
        streamId: STREAM,
        type: stored.type,
        data: stored.data,
        metadata: { schemaVersion: stored.schemaVersion },
      } as unknown as RecordedEvent;
      await expect(codec.decode(recorded)).resolves.toEqual(event);
    },
  );

  it('derives the lists the infrastructure reads, leaving out types with nothing to list', () => {
    const listed = (map: { readonly [T in AccountEventType]?: readonly string[] }) =>
      Object.values(map).every((fields) => fields !== undefined && fields.length > 0);
    expect(listed(PERSONAL_DATA_FIELDS)).toBe(true);
    expect(listed(SECRET_FIELDS)).toBe(true);
    expect(listed(PROJECTED_PERSONAL_FIELDS)).toBe(true);
    expect(PERSONAL_DATA_FIELDS.Registered).toContain('securityQuestion');
    expect(PROJECTED_PERSONAL_FIELDS.EmailVerified).toBeUndefined();
  });
});
