import { given, iso, profile, registeredEvents, T } from '../testing/given-when-then';
import type { AccountCommand } from './commands';
import type { AccountEvent } from './events';

const credentials = {
  username: 'producer01',
  password: 'Correct7Horse9Battery',
  passwordHash: '$argon2id$new',
  securityQuestion: 'First pet?',
  securityAnswerHash: '$argon2id$answer',
  communication: { email: true, text: false },
  termsAccepted: true,
  now: T(0),
};
const office = { kind: 'office' as const, id: 'off-a', name: 'Lakeside Family Medicine' };
const staffProfile = { firstName: 'Olu', lastName: 'Staff', dateOfBirth: '', email: 'olu@lakeside.example' };

describe('seed 004: producers register online', () => {
  it('registers a producer with the agency/producer id, no roster, no member id', () => {
    given([])
      .when({
        type: 'RegisterProducer',
        accountId: 'acc-p',
        profile: { ...profile, producerId: ' AG-1234 ' },
        ...credentials,
      })
      .then([
        {
          type: 'Registered',
          data: {
            accountId: 'acc-p',
            kind: 'producer',
            via: 'producer-online',
            profile: { ...profile, memberId: undefined, producerId: 'AG-1234' },
            passwordHash: '$argon2id$new',
            securityQuestion: 'First pet?',
            securityAnswerHash: '$argon2id$answer',
            communication: { email: true, text: false },
            termsAcceptedAt: iso(T(0)),
          },
        },
        { type: 'UsernameCreated', data: { username: 'producer01' } },
      ]);
  });

  it('names a missing producer id beside the other field errors', () => {
    given([])
      .when({
        type: 'RegisterProducer',
        accountId: 'acc-p',
        profile: { ...profile, producerId: ' ' },
        ...credentials,
        termsAccepted: false,
      })
      .thenError('VALIDATION_FAILED', [], {
        producerId: expect.any(String),
        termsAccepted: expect.any(String),
      });
  });
});

describe('seed 004: a provider office’s first ID administrator registers online', () => {
  it('is a provider account of the office', () => {
    const state = given([])
      .when({ type: 'RegisterOfficeAdministrator', accountId: 'acc-adm', office, profile, ...credentials })
      .state();
    expect(state).toMatchObject({ status: 'active', kind: 'provider', organisation: office });
    expect(state.profile?.memberId).toBeUndefined();
  });
});

describe('seed 004: accounts created by someone else start with a temporary password', () => {
  const create = (
    over: Partial<Extract<AccountCommand, { type: 'CreateAccount' }>> = {},
  ): AccountCommand => ({
    type: 'CreateAccount',
    accountId: 'acc-u',
    kind: 'provider',
    via: 'office-administrator',
    by: 'acc-adm',
    organisation: office,
    profile: staffProfile,
    username: 'olustaff',
    passwordHash: '$argon2id$temp',
    passwordSealed: 'sealed',
    now: T(0),
    ...over,
  });

  it('an office user: created by its administrator, who issued the temporary password; change forced', () => {
    const when = given([]).when(create());
    when.then([
      {
        type: 'AccountCreated',
        data: {
          accountId: 'acc-u',
          kind: 'provider',
          via: 'office-administrator',
          by: 'acc-adm',
          profile: { ...staffProfile, memberId: undefined },
          organisation: office,
        },
      },
      { type: 'UsernameCreated', data: { username: 'olustaff' } },
      {
        type: 'TemporaryPasswordIssued',
        data: { passwordHash: '$argon2id$temp', passwordSealed: 'sealed', administratorId: 'acc-adm' },
      },
    ]);
    expect(when.state()).toMatchObject({ status: 'active', kind: 'provider', mustChangePassword: true });
  });

  it('an employer or payer: created by plan staff, the temporary password names the staff member', () => {
    const events = given([]).when(
      create({
        kind: 'employer',
        via: 'plan-staff',
        by: 'root.admin',
        organisation: { kind: 'employer', id: 'GRP-77', name: 'Acme Tool & Die' },
      }),
    ).decision.events;
    expect(events.at(-1)).toEqual({
      type: 'TemporaryPasswordIssued',
      data: { passwordHash: '$argon2id$temp', passwordSealed: 'sealed', staffId: 'root.admin' },
    });
  });

  it('refuses a bad username and email, all at once, and an account that exists', () => {
    given([])
      .when(create({ username: 'x', profile: { ...staffProfile, email: 'nope' } }))
      .thenError('VALIDATION_FAILED', [], { username: expect.any(String), email: expect.any(String) });
    given(registeredEvents()).when(create()).thenError('ALREADY_REGISTERED');
  });

  it('an administrator’s reset issues a temporary password recorded as theirs', () => {
    const active: AccountEvent[] = given([]).when(create()).decision.events;
    given(active)
      .when({
        type: 'IssueTemporaryPassword',
        administratorId: 'acc-adm',
        passwordHash: '$argon2id$t2',
        passwordSealed: 's2',
        now: T(5),
      })
      .then([
        {
          type: 'TemporaryPasswordIssued',
          data: { passwordHash: '$argon2id$t2', passwordSealed: 's2', administratorId: 'acc-adm' },
        },
      ]);
  });
});
