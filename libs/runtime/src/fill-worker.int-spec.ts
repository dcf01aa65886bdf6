import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@portal/config';
import type { DocumentStore } from '@portal/documents';
import type { EventStore } from '@portal/event-store';
import { type FillElsewhere, readModelHash, rebuild } from '@portal/read-models';
import { createAccounts, createEventStore } from './adapters';
import { createDocumentStore, createReadModels, type ReadModelsRuntime } from './read-models';
import { DEMO_ROSTER } from './start';

jest.setTimeout(60_000);

describe('a rebuild fills on two threads over the embedded stores', () => {
  let dir: string;
  let store: EventStore;
  let docs: DocumentStore;
  let runtime: ReadModelsRuntime;
  let closeAccounts: () => Promise<void>;
  const ids: string[] = [];
  const ctx = () => ({
    correlationId: randomUUID(),
    actor: { kind: 'anonymous' as const },
    occurredAt: new Date(),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fill-worker-'));
    const config = loadConfig({
      DATA_DIR: dir,
      ROSTER_FILE: DEMO_ROSTER,
      HMAC_KEY: randomBytes(32).toString('base64'),
      MASTER_KEY: randomBytes(32).toString('base64'),
    });
    store = createEventStore(config.eventStore);
    const layer = createAccounts(config, store);
    closeAccounts = layer.close;
    for (let i = 0; i < 12; i++) {
      const accountId = randomUUID();
      ids.push(accountId);
      await layer.accounts.run(
        accountId,
        {
          type: 'RegisterNonmember',
          accountId,
          profile: {
            firstName: `Robin${i}`,
            lastName: `Tester${i % 3}`,
            dateOfBirth: '1975-02-03',
            email: `r${i}@example.com`,
          },
          communication: { email: true, text: false },
          termsAccepted: true,
          username: `user${accountId.slice(0, 8)}`,
          password: 'Fixture7Password9Long',
          passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$fixture$fixture',
          securityQuestion: 'First pet?',
          securityAnswerHash: '$argon2id$v=19$m=19456,t=2,p=1$fixture$answer',
          now: Date.now(),
        },
        ctx(),
      );
      // Events after the first, which must be folded after it, into the same document.
      for (let n = 0; n < i % 4; n++)
        await layer.accounts
          .run(
            accountId,
            {
              type: 'LogIn',
              loginId: randomUUID(),
              passwordMatches: false,
              otp: { otpId: randomUUID(), codeHash: 'x', codeSealed: 'x' },
              now: Date.now(),
            },
            ctx(),
          )
          .catch(() => undefined);
    }
    docs = await createDocumentStore(config);
    runtime = createReadModels(config, store, layer.vault, docs);
  });

  afterAll(async () => {
    await docs.close();
    await closeAccounts();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const collections = () => runtime.projector.projections.map((p) => p.spec.name);

  it('in a worker thread of its own, giving the read models one thread gives', async () => {
    const { fillElsewhere } = runtime.projector;
    expect(fillElsewhere).toBeDefined();
    let elsewhere = 0;
    const counted: FillElsewhere = async (request) => {
      const done = await fillElsewhere!(request);
      elsewhere += done.events;
      return done;
    };
    const two = await rebuild({ ...runtime.projector, fillElsewhere: counted }, { dropAfterMs: 0 });
    const twoHash = await readModelHash(docs, two.to, collections());
    // The worker folded its share of the accounts (each of 12 lands in one partition of two by a hash).
    expect(elsewhere).toBeGreaterThan(0);
    expect(elsewhere).toBeLessThan(two.events);
    expect(await docs.count(two.to, 'accounts')).toBe(ids.length);

    const one = await rebuild({ ...runtime.projector, fillElsewhere: undefined }, { dropAfterMs: 0 });
    expect(one.events).toBe(two.events);
    expect(await readModelHash(docs, one.to, collections())).toBe(twoHash);
  });

  it('a worker that fails fails the rebuild, which leaves the active generation as it was', async () => {
    const before = (await docs.getMeta('active')) as number;
    const broken: FillElsewhere = (request) =>
      runtime.projector.fillElsewhere!({ ...request, generation: 999_999 });
    await expect(
      rebuild({ ...runtime.projector, fillElsewhere: broken }, { dropAfterMs: 0 }),
    ).rejects.toThrow(/fill worker failed/);
    expect(await docs.getMeta('active')).toBe(before);
    // The rebuild lease was released: the next one runs.
    await rebuild(runtime.projector, { dropAfterMs: 0 });
  });
});
