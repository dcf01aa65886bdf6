/**
 * Audit never trusts a snapshot: a snapshot planted for an account, one a loader that
 * trusts snapshots would use (it names the stream's last revision and carries its
 * hash), changes neither its state as of a revision or now, nor the chain check, nor
 * the export.
 */
import { accountSnapshotCodec } from '@portal/accounts';
import { type AccountState, accountStreamId } from '@portal/domain';
import { toAuditView } from './account-view';
import { exportEvents } from './export';
import { accountStateAsOf } from './state-as-of';
import { type AuditFixture, liveAccount, openFixture } from './testing/audit-fixture';
import { verifyAll } from './verify';

describe('audit and planted snapshots', () => {
  let f: AuditFixture;
  let live: string;

  beforeAll(async () => {
    f = await openFixture();
    live = await liveAccount(f);
    const [last] = await f.store.readStream(accountStreamId(live), { direction: 'backwards', maxCount: 1 });
    const truth = await f.fold(live);
    const planted: AccountState = {
      ...truth,
      status: 'deactivated',
      username: 'someone.else',
      consecutiveFailures: 4,
      profile: truth.profile && { ...truth.profile, lastName: 'Planted' },
    };
    const codec = accountSnapshotCodec(f.vault);
    await f.store.snapshots().write(accountStreamId(live), {
      revision: last.revision,
      lastHash: last.metadata.hash!,
      version: codec.version,
      state: (await codec.encode(accountStreamId(live), planted))!,
      takenAt: new Date().toISOString(),
    });
  });
  afterAll(() => f.close());

  it('state as of now and as of each revision is the fold of the events, not the snapshot', async () => {
    const now = await accountStateAsOf({ store: f.store, vault: f.vault }, live);
    expect(now.state).toEqual(toAuditView(await f.fold(live)));
    expect(now.state).toMatchObject({ status: 'active', username: 'quentin.audit' });
    const events = await f.store.readStream(accountStreamId(live));
    for (const e of events) {
      const result = await accountStateAsOf({ store: f.store, vault: f.vault }, live, {
        revision: e.revision,
      });
      expect(result.state).toEqual(toAuditView(await f.fold(live, Number(e.revision) + 1)));
    }
  });

  it('the chain check and the export see the events only', async () => {
    const report = await verifyAll(f.store);
    expect(report).toMatchObject({ breaks: [] });
    const lines: string[] = [];
    for await (const line of exportEvents(f.store)) lines.push(line);
    expect(lines).toHaveLength((await f.store.readAll()).length);
    expect(lines.join('')).not.toContain('snapshot-');
  });
});
