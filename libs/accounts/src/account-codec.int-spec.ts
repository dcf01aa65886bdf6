import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountEvent } from '@portal/domain';
import type { JsonObject, RecordedEvent } from '@portal/event-store';
import { ENVELOPE_FIELD, ERASED, IN_ENVELOPE, SqliteDataKeyStore, Vault } from '@portal/vault';
import { CountingKeyStore } from '../../vault/src/testing/counting-key-store';
import { accountCodec } from './account-codec';
import { legacyAccountCodec } from './testing/legacy-account-codec';

/** Values no stored byte may show in clear. */
const CANARY = {
  firstName: 'Quillonfirst',
  lastName: 'Zebulastname',
  email: 'canary.envelope@example.org',
  phone: '5550104477',
  memberId: 'MBRCANARY77',
  question: 'Canary question about a pet?',
  username: 'canary.username.77',
};

const registered: AccountEvent = {
  type: 'Registered',
  data: {
    accountId: 'acc',
    kind: 'member',
    via: 'roster-match',
    profile: {
      firstName: CANARY.firstName,
      lastName: CANARY.lastName,
      dateOfBirth: '1961-02-03',
      email: CANARY.email,
      phone: CANARY.phone,
      memberId: CANARY.memberId,
    },
    passwordHash: '$argon2id$stand-in',
    securityQuestion: CANARY.question,
    securityAnswerHash: '$argon2id$stand-in-2',
    communication: { email: true, text: false },
    termsAcceptedAt: '2026-01-01T00:00:00.000Z',
  },
};

describe('accountCodec: one envelope per event', () => {
  let dir: string;
  let sqlite: SqliteDataKeyStore;
  let keys: CountingKeyStore;
  let vault: Vault;
  let accountId: string;
  let streamId: string;
  let revision = 0n;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'account-codec-'));
    sqlite = new SqliteDataKeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    keys = new CountingKeyStore(sqlite);
    vault = new Vault(keys);
    accountId = randomUUID();
    streamId = `account-${accountId}`;
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** As the event store hands a stored event back. */
  const recorded = (stored: { type: string; data: JsonObject; schemaVersion: number }): RecordedEvent =>
    ({
      id: randomUUID(),
      streamId,
      type: stored.type,
      revision: revision++,
      position: { commit: revision, prepare: revision },
      data: JSON.parse(JSON.stringify(stored.data)) as JsonObject,
      metadata: {
        schemaVersion: stored.schemaVersion,
        occurredAt: '2026-01-01T00:00:00.000Z',
        correlationId: 'c',
        actor: { kind: 'system' },
      },
    }) as unknown as RecordedEvent;

  it('seals all personal fields of an event in one envelope, schema version 2, and opens it back with one open', async () => {
    const codec = accountCodec(vault);
    const stored = await codec.encode(streamId, registered);
    expect(stored.schemaVersion).toBe(2);
    expect(Vault.isSealed(stored.data[ENVELOPE_FIELD])).toBe(true);
    expect(stored.data).toMatchObject({ kind: 'member', via: 'roster-match' });
    // Each value's place is marked, so which fields the event has is known without the key.
    expect(stored.data.profile).toEqual({
      firstName: IN_ENVELOPE,
      lastName: IN_ENVELOPE,
      dateOfBirth: IN_ENVELOPE,
      email: IN_ENVELOPE,
      phone: IN_ENVELOPE,
      memberId: IN_ENVELOPE,
    });
    expect(stored.data.securityQuestion).toBe(IN_ENVELOPE);
    const open = jest.spyOn(vault, 'open');
    expect(await codec.decode(recorded(stored))).toEqual(registered);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('keeps no personal value in clear, in the data or in the envelope', async () => {
    const codec = accountCodec(vault);
    for (const event of [
      registered,
      { type: 'UsernameCreated', data: { username: CANARY.username } },
      { type: 'EmailChanged', data: { email: CANARY.email } },
    ] as AccountEvent[]) {
      const stored = await codec.encode(streamId, event);
      const text = JSON.stringify(stored);
      const envelope = Buffer.from(String(stored.data[ENVELOPE_FIELD]).slice(3), 'base64url');
      for (const canary of Object.values(CANARY)) {
        expect(text).not.toContain(canary);
        expect(envelope.includes(canary)).toBe(false);
        expect(text).not.toContain(Buffer.from(canary).toString('base64url'));
      }
    }
  });

  it('still reads events stored with each field sealed alone (schema version 1)', async () => {
    const old = await legacyAccountCodec(vault).encode(streamId, registered);
    expect(old.schemaVersion).toBe(1);
    expect(old.data).not.toHaveProperty(ENVELOPE_FIELD);
    expect(Vault.isSealed((old.data.profile as JsonObject).lastName)).toBe(true);
    expect(await accountCodec(vault).decode(recorded(old))).toEqual(registered);
  });

  it('reads every personal field as erased once the key is gone, in both formats', async () => {
    const codec = accountCodec(vault);
    const envelope = recorded(await codec.encode(streamId, registered));
    const old = recorded(await legacyAccountCodec(vault).encode(streamId, registered));
    await vault.erase(accountId);
    const erased = {
      ...registered.data,
      profile: {
        firstName: ERASED,
        lastName: ERASED,
        dateOfBirth: ERASED,
        email: ERASED,
        phone: ERASED,
        memberId: ERASED,
      },
      securityQuestion: ERASED,
    };
    expect((await codec.decode(old)).data).toEqual(erased);
    expect((await codec.decode(envelope)).data).toEqual(erased);
    // A field the event did not have (a producer id) stays absent.
    expect((await codec.decode(envelope)).data).not.toHaveProperty('profile.producerId');
  });

  it('a reader of some fields opens an envelope once, puts only those in clear, and asks for no key where it lists no field', async () => {
    const codec = accountCodec(vault);
    const reg = recorded(await codec.encode(streamId, registered));
    const verified = recorded(
      await codec.encode(streamId, { type: 'EmailVerified', data: { email: CANARY.email } }),
    );
    const reader = accountCodec(new Vault(keys), { Registered: ['profile.email'] });
    keys.reset();
    expect((await reader.decode(verified)).data).toEqual(verified.data); // left sealed
    expect(keys.count()).toBe(0);
    const read = await reader.decode(reg);
    expect(keys.count(accountId)).toBe(1);
    // Only the listed field in clear: the others keep their mark, the envelope kept for them.
    expect(read.data).toEqual({
      ...reg.data,
      profile: { ...(reg.data.profile as JsonObject), email: CANARY.email },
    });
    expect(JSON.stringify(read)).not.toContain(CANARY.lastName);
  });

  it('refuses an envelope that does not hold an object of fields', async () => {
    const stored = await accountCodec(vault).encode(streamId, registered);
    const forged = {
      ...stored,
      data: { ...stored.data, [ENVELOPE_FIELD]: await vault.seal(accountId, 'x') },
    };
    await expect(accountCodec(vault).decode(recorded(forged))).rejects.toThrow(/not an object of fields/);
  });
});
