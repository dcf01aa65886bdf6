/** Office events as the projector hands them to projections (`office-…` streams, plain data but the sealed tax id). */
import type { OfficeEvent } from '@portal/domain';
import type { Actor } from '@portal/event-store';
import type { ProjectedEvent } from '../model';
import { position } from '../testing/sample-events';

const T0 = Date.parse('2026-11-02T15:00:00.000Z');
let seq = 0;

export function officeEvent(officeId: string, event: OfficeEvent, at: number, actor: Actor): ProjectedEvent {
  const data =
    event.type === 'OfficeRegistered'
      ? { ...event.data, taxId: `v1.sealed:${event.data.taxId}` }
      : event.data;
  return {
    raw: {
      id: `00000000-0000-7000-a000-${String(++seq).padStart(12, '0')}`,
      type: event.type,
      data,
      metadata: {
        correlationId: 'corr-o',
        actor,
        occurredAt: new Date(T0 + at * 1000).toISOString(),
        schemaVersion: 1,
      },
      streamId: `office-${officeId}`,
      revision: BigInt(at),
      position: position(at),
      recordedAt: new Date(T0 + at * 1000).toISOString(),
    },
  };
}

const admin: Actor = { kind: 'self', accountId: 'adm' };

/** An office's life: registered, approved, a user created with two functions, one revoked, a password reset. */
export function officeLife(officeId = 'off-a'): ProjectedEvent[] {
  return [
    officeEvent(
      officeId,
      {
        type: 'OfficeRegistered',
        data: {
          officeId,
          name: 'Lakeside Family Medicine',
          npi: '1234567893',
          taxId: '123456789',
          administratorId: 'adm',
        },
      },
      1,
      admin,
    ),
    officeEvent(
      officeId,
      { type: 'OfficeAdministratorApproved', data: { accountId: 'adm', by: 'sam.support' } },
      2,
      {
        kind: 'staff',
        staffId: 'sam.support',
        role: 'support',
      },
    ),
    officeEvent(officeId, { type: 'OfficeUserCreated', data: { accountId: 'u1', by: 'adm' } }, 3, admin),
    officeEvent(
      officeId,
      { type: 'OfficeFunctionGranted', data: { accountId: 'u1', function: 'claims', by: 'adm' } },
      4,
      admin,
    ),
    officeEvent(
      officeId,
      { type: 'OfficeFunctionGranted', data: { accountId: 'u1', function: 'referrals', by: 'adm' } },
      5,
      admin,
    ),
    officeEvent(
      officeId,
      { type: 'OfficeFunctionRevoked', data: { accountId: 'u1', function: 'claims', by: 'adm' } },
      6,
      admin,
    ),
    officeEvent(
      officeId,
      { type: 'OfficeUserPasswordReset', data: { accountId: 'u1', by: 'adm' } },
      7,
      admin,
    ),
  ];
}
