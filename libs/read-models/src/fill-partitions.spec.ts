/**
 * What a fill split in partitions relies on (projector.ts, `fillPartitionOf`): an
 * account stream's events touch only documents no other stream's events touch, so
 * each document's events all fall in one partition.
 */
import type { AccountEventType } from '@portal/domain';
import { fillPartitionOf } from './projector';
import { readModelProjections } from './read-models';
import { SearchKeys } from './search-keys';
import { officeLife } from './offices/office-samples';
import { projected, sample, SAMPLES, staffAccess } from './testing/sample-events';

const projections = readModelProjections(new SearchKeys(Buffer.alloc(32, 1)));
const touched = (e: Parameters<(typeof projections)[number]['idsOf']>[0]) =>
  projections.flatMap((p) => p.idsOf(e).map((id) => `${p.spec.name}/${id}`));

describe('fill partitions', () => {
  it.each(Object.keys(SAMPLES) as AccountEventType[])(
    'an account event (%s) touches only its own account’s documents, which only account events touch',
    (type) => {
      for (const id of touched(projected('acc-1', sample(type), 1)))
        expect(['accounts/acc-1', 'activations/acc-1']).toContain(id);
    },
  );

  it('staff and office events touch no account or activation document', () => {
    const events = [
      staffAccess('jane', { route: 'GET /x', accountId: 'acc-1', reason: 'r', outcome: 'shown' }, 1),
      staffAccess(
        'jane',
        { route: 'GET /y', accountIds: ['acc-1', 'acc-2'], reason: 'r', outcome: 'shown' },
        2,
      ),
      ...officeLife(),
    ];
    const ids = events.flatMap(touched);
    expect(ids.length).toBeGreaterThan(events.length);
    for (const id of ids) expect(id).toMatch(/^(history_refs|offices)\//);
  });

  it('puts every other stream in partition 0 and spreads account streams over all of them', () => {
    expect(fillPartitionOf('staff-jane', 2)).toBe(0);
    expect(fillPartitionOf('office-a', 2)).toBe(0);
    expect(fillPartitionOf('account-anything', 1)).toBe(0);
    const counts = [0, 0];
    for (let i = 0; i < 1000; i++) counts[fillPartitionOf(`account-${i}-${i * 7919}`, 2)]++;
    expect(Math.min(...counts)).toBeGreaterThan(400);
    // One stream, one partition, every time.
    expect(fillPartitionOf('account-x1', 2)).toBe(fillPartitionOf('account-x1', 2));
  });
});
