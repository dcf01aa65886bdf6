import { type DomainError } from '../decider';
import type { OfficeCommand } from './commands';
import { isNpi } from './decide';
import type { OfficeEvent } from './events';
import { OFFICE_FUNCTIONS } from './functions';
import { officeDecider } from './office.decider';
import { functionsOf } from './state';

/** given(events).when(command).then(events | error) for the Office. */
function given(events: OfficeEvent[]) {
  const state = events.reduce(officeDecider.evolve, officeDecider.initialState());
  return {
    state,
    when(command: OfficeCommand) {
      const decision = officeDecider.decide(command, state);
      const after = () => decision.events.reduce(officeDecider.evolve, state);
      return {
        then(expected: OfficeEvent[]) {
          expect(decision.rejection).toBeUndefined();
          expect(decision.events).toEqual(expected);
          return after();
        },
        thenError(code: string, fields?: Record<string, string>) {
          expect((decision.rejection as DomainError | undefined)?.code).toBe(code);
          expect(decision.events).toEqual([]);
          if (fields) expect(decision.rejection?.fields).toEqual(fields);
        },
      };
    },
  };
}

const registered: OfficeEvent = {
  type: 'OfficeRegistered',
  data: {
    officeId: 'off-a',
    name: 'Lakeside Family Medicine',
    npi: '1234567893',
    taxId: '123456789',
    administratorId: 'adm',
  },
};
const approved: OfficeEvent = {
  type: 'OfficeAdministratorApproved',
  data: { accountId: 'adm', by: 'sam.support' },
};
const created = (accountId: string): OfficeEvent => ({
  type: 'OfficeUserCreated',
  data: { accountId, by: 'adm' },
});
const granted = (accountId: string, fn: (typeof OFFICE_FUNCTIONS)[number], by = 'adm'): OfficeEvent => ({
  type: 'OfficeFunctionGranted',
  data: { accountId, function: fn, by },
});
const active = [registered, approved, created('u1'), granted('u1', 'claims')];

describe('Office: online registration and the plan’s approval (seed 004)', () => {
  it('registers an office, pending, with its first ID administrator', () => {
    const state = given([])
      .when({
        type: 'RegisterOffice',
        officeId: 'off-a',
        name: ' Lakeside Family Medicine ',
        npi: '1234567893',
        taxId: '12-3456789',
        administratorId: 'adm',
      })
      .then([registered]);
    expect(state.status).toBe('pending');
    // Pending: the administrator may use nothing yet.
    expect(functionsOf(state, 'adm')).toEqual([]);
  });

  it('names every bad field at once: office name, NPI (check digit), tax id', () => {
    given([])
      .when({
        type: 'RegisterOffice',
        officeId: 'o',
        name: ' ',
        npi: '1234567890',
        taxId: '12',
        administratorId: 'a',
      })
      .thenError('VALIDATION_FAILED', {
        officeName: expect.any(String),
        npi: expect.any(String),
        taxId: expect.any(String),
      } as never);
  });

  it('refuses a second registration of the same office', () => {
    given([registered])
      .when({
        type: 'RegisterOffice',
        officeId: 'off-a',
        name: 'X',
        npi: '1234567893',
        taxId: '123456789',
        administratorId: 'b',
      })
      .thenError('OFFICE_ALREADY_REGISTERED');
  });

  it('approval by plan staff makes the office active and its first administrator able to use every function', () => {
    const state = given([registered])
      .when({ type: 'ApproveOfficeAdministrator', staffId: 'sam.support' })
      .then([approved]);
    expect(state.status).toBe('active');
    expect(functionsOf(state, 'adm').sort()).toEqual([...OFFICE_FUNCTIONS].sort());
  });

  it('refuses approving an unknown office (OFFICE_NOT_FOUND) or an approved one (OFFICE_ALREADY_APPROVED)', () => {
    given([]).when({ type: 'ApproveOfficeAdministrator', staffId: 's' }).thenError('OFFICE_NOT_FOUND');
    given([registered, approved])
      .when({ type: 'ApproveOfficeAdministrator', staffId: 's' })
      .thenError('OFFICE_ALREADY_APPROVED');
  });

  it('checks an NPI’s Luhn digit over the 80840 prefix', () => {
    expect(isNpi('1234567893')).toBe(true);
    expect(isNpi('1234567890')).toBe(false);
    expect(isNpi('123456789')).toBe(false);
  });
});

describe('Office: the ID administrator manages users of their own office only', () => {
  it('creates a user id with the functions chosen, each grant recorded with the administrator as `by`', () => {
    const state = given([registered, approved])
      .when({
        type: 'CreateOfficeUser',
        administratorId: 'adm',
        accountId: 'u1',
        functions: ['claims', 'eligibility', 'claims'],
      })
      .then([created('u1'), granted('u1', 'claims'), granted('u1', 'eligibility')]);
    expect(functionsOf(state, 'u1')).toEqual(['claims', 'eligibility']);
  });

  it('refuses an administrator of a pending office (OFFICE_NOT_APPROVED)', () => {
    given([registered])
      .when({ type: 'CreateOfficeUser', administratorId: 'adm', accountId: 'u1', functions: [] })
      .thenError('OFFICE_NOT_APPROVED');
  });

  it('refuses a user without manage-users, and someone who is not in the office at all (FUNCTION_NOT_GRANTED)', () => {
    given(active)
      .when({ type: 'CreateOfficeUser', administratorId: 'u1', accountId: 'u2', functions: [] })
      .thenError('FUNCTION_NOT_GRANTED');
    given(active)
      .when({ type: 'GrantOfficeFunction', administratorId: 'stranger', accountId: 'u1', function: 'claims' })
      .thenError('FUNCTION_NOT_GRANTED');
  });

  it('answers a user of another office exactly like one that does not exist (OFFICE_USER_NOT_FOUND)', () => {
    for (const command of [
      { type: 'ResetOfficeUserPassword', administratorId: 'adm', accountId: 'other-office-user' },
      {
        type: 'GrantOfficeFunction',
        administratorId: 'adm',
        accountId: 'other-office-user',
        function: 'claims',
      },
      {
        type: 'RevokeOfficeFunction',
        administratorId: 'adm',
        accountId: 'other-office-user',
        function: 'claims',
      },
    ] as OfficeCommand[])
      given(active).when(command).thenError('OFFICE_USER_NOT_FOUND');
  });

  it('refuses creating a user twice (OFFICE_USER_EXISTS)', () => {
    given(active)
      .when({ type: 'CreateOfficeUser', administratorId: 'adm', accountId: 'u1', functions: [] })
      .thenError('OFFICE_USER_EXISTS');
  });

  it('records a password reset of a user with its administrator', () => {
    given(active)
      .when({ type: 'ResetOfficeUserPassword', administratorId: 'adm', accountId: 'u1' })
      .then([{ type: 'OfficeUserPasswordReset', data: { accountId: 'u1', by: 'adm' } }]);
  });

  it('grants and revokes; granting what is held or revoking what is not changes nothing', () => {
    const s1 = given(active)
      .when({ type: 'GrantOfficeFunction', administratorId: 'adm', accountId: 'u1', function: 'referrals' })
      .then([granted('u1', 'referrals')]);
    expect(functionsOf(s1, 'u1')).toEqual(['claims', 'referrals']);
    given(active)
      .when({ type: 'GrantOfficeFunction', administratorId: 'adm', accountId: 'u1', function: 'claims' })
      .then([]);
    const s2 = given(active)
      .when({ type: 'RevokeOfficeFunction', administratorId: 'adm', accountId: 'u1', function: 'claims' })
      .then([{ type: 'OfficeFunctionRevoked', data: { accountId: 'u1', function: 'claims', by: 'adm' } }]);
    expect(functionsOf(s2, 'u1')).toEqual([]);
    given(active)
      .when({ type: 'RevokeOfficeFunction', administratorId: 'adm', accountId: 'u1', function: 'remittance' })
      .then([]);
  });

  it('a second administrator (granted manage-users) acts too, and loses the power on revocation', () => {
    const two = [...active, granted('u1', 'manage-users')];
    given(two)
      .when({ type: 'ResetOfficeUserPassword', administratorId: 'u1', accountId: 'adm' })
      .then([{ type: 'OfficeUserPasswordReset', data: { accountId: 'adm', by: 'u1' } }]);
    const revoked: OfficeEvent = {
      type: 'OfficeFunctionRevoked',
      data: { accountId: 'u1', function: 'manage-users', by: 'adm' },
    };
    given([...two, revoked])
      .when({ type: 'ResetOfficeUserPassword', administratorId: 'u1', accountId: 'adm' })
      .thenError('FUNCTION_NOT_GRANTED');
  });

  it('refuses revoking manage-users from the office’s last administrator (LAST_ADMINISTRATOR)', () => {
    given(active)
      .when({
        type: 'RevokeOfficeFunction',
        administratorId: 'adm',
        accountId: 'adm',
        function: 'manage-users',
      })
      .thenError('LAST_ADMINISTRATOR');
  });
});
