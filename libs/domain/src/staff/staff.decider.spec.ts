import { type StaffCommand, type StaffEvent, staffDecider, type StaffState } from './staff.decider';

/** given(events).when(command).then(events) | .thenError(code): no infrastructure. */
function given(events: StaffEvent[]) {
  const state = events.reduce(staffDecider.evolve, staffDecider.initialState());
  return {
    state,
    when(command: StaffCommand) {
      const decision = staffDecider.decide(command, state);
      return {
        then(expected: StaffEvent[]) {
          expect(decision.rejection).toBeUndefined();
          expect(decision.events).toEqual(expected);
        },
        thenError(code: string) {
          expect(decision.rejection?.code).toBe(code);
          expect(decision.events).toEqual([]);
        },
        state: (): StaffState => decision.events.reduce(staffDecider.evolve, state),
      };
    },
  };
}

const hash = (c: string) => c.repeat(64);
const at = new Date('2026-11-22T10:00:00.000Z');
const created: StaffEvent = {
  type: 'StaffCreated',
  data: { staffId: 'jdoe', roles: ['support'], secretHash: hash('a'), createdAt: at.toISOString() },
};
const create = (over: Partial<Extract<StaffCommand, { type: 'CreateStaff' }>> = {}): StaffCommand => ({
  type: 'CreateStaff',
  staffId: 'jdoe',
  roles: ['support'],
  secretHash: hash('a'),
  at,
  ...over,
});

describe('staff decider', () => {
  describe('CreateStaff', () => {
    it('creates a staff member with the roles in canonical order, once each', () => {
      given([])
        .when(create({ roles: ['admin', 'support', 'admin'] }))
        .then([{ ...created, data: { ...created.data, roles: ['support', 'admin'] } }]);
    });

    it('refuses an id that exists', () => {
      given([created]).when(create()).thenError('STAFF_EXISTS');
    });

    it('refuses an id that is not a staff id, or is reserved for the refusals stream', () => {
      for (const staffId of ['JDoe', 'jd', 'j doe', 'jdoe@example.com', '1jdoe', 'a'.repeat(33), 'refusals'])
        given([]).when(create({ staffId })).thenError('STAFF_ID_INVALID');
    });

    it('refuses unknown roles and an empty set', () => {
      given([])
        .when(create({ roles: ['support', 'root'] }))
        .thenError('STAFF_ROLE_INVALID');
      given([])
        .when(create({ roles: [] }))
        .thenError('STAFF_ROLE_INVALID');
    });

    it('refuses anything but a keyed hash as the secret (a pasted secret never lands in an event)', () => {
      given([])
        .when(create({ secretHash: 'x'.repeat(43) }))
        .thenError('STAFF_SECRET_HASH_INVALID');
    });
  });

  describe('RotateStaffSecret', () => {
    it('replaces the hash, and the new secret’s age counts from the rotation', () => {
      const later = new Date('2027-01-10T08:00:00.000Z');
      const w = given([created]).when({ type: 'RotateStaffSecret', secretHash: hash('b'), at: later });
      w.then([
        { type: 'StaffSecretRotated', data: { secretHash: hash('b'), rotatedAt: later.toISOString() } },
      ]);
      expect(w.state()).toMatchObject({
        status: 'active',
        secretHash: hash('b'),
        secretIssuedAt: later.toISOString(),
      });
    });

    it('a rotation recorded without its time keeps the earlier issue time', () => {
      const state = given([created, { type: 'StaffSecretRotated', data: { secretHash: hash('b') } }]).state;
      expect(state).toMatchObject({ secretHash: hash('b'), secretIssuedAt: at.toISOString() });
    });

    it('refuses an unknown or disabled staff member', () => {
      given([])
        .when({ type: 'RotateStaffSecret', secretHash: hash('b'), at })
        .thenError('STAFF_UNKNOWN');
      given([created, { type: 'StaffDisabled', data: { reason: 'left the team' } }])
        .when({ type: 'RotateStaffSecret', secretHash: hash('b'), at })
        .thenError('STAFF_DISABLED');
    });
  });

  describe('RevokeStaffSecret', () => {
    const revoked: StaffEvent = { type: 'StaffSecretRevoked', data: { revokedAt: at.toISOString() } };

    it('marks the current secret revoked, once; the staff member and roles stay', () => {
      const w = given([created]).when({ type: 'RevokeStaffSecret', at });
      w.then([revoked]);
      expect(w.state()).toMatchObject({
        status: 'active',
        roles: ['support'],
        secretRevokedAt: at.toISOString(),
      });
      given([created, revoked]).when({ type: 'RevokeStaffSecret', at }).then([]);
    });

    it('a rotation after a revocation issues a working secret again', () => {
      const state = given([
        created,
        revoked,
        { type: 'StaffSecretRotated', data: { secretHash: hash('d'), rotatedAt: at.toISOString() } },
      ]).state;
      expect(state).toMatchObject({ secretHash: hash('d') });
      expect(state).not.toHaveProperty('secretRevokedAt', expect.anything());
    });

    it('refuses an unknown or disabled staff member', () => {
      given([]).when({ type: 'RevokeStaffSecret', at }).thenError('STAFF_UNKNOWN');
      given([created, { type: 'StaffDisabled', data: { reason: 'left the team' } }])
        .when({ type: 'RevokeStaffSecret', at })
        .thenError('STAFF_DISABLED');
    });
  });

  describe('ChangeStaffRoles', () => {
    it('sets the new set of roles', () => {
      const w = given([created]).when({ type: 'ChangeStaffRoles', roles: ['auditor', 'support'] });
      w.then([{ type: 'StaffRolesChanged', data: { roles: ['support', 'auditor'] } }]);
      expect(w.state()).toMatchObject({ roles: ['support', 'auditor'] });
    });

    it('records nothing when the roles are already these', () => {
      given([created])
        .when({ type: 'ChangeStaffRoles', roles: ['support', 'support'] })
        .then([]);
    });

    it('refuses unknown roles, an unknown id and a disabled staff member', () => {
      given([created])
        .when({ type: 'ChangeStaffRoles', roles: ['superuser'] })
        .thenError('STAFF_ROLE_INVALID');
      given([])
        .when({ type: 'ChangeStaffRoles', roles: ['admin'] })
        .thenError('STAFF_UNKNOWN');
      given([created, { type: 'StaffDisabled', data: { reason: 'left' } }])
        .when({ type: 'ChangeStaffRoles', roles: ['admin'] })
        .thenError('STAFF_DISABLED');
    });
  });

  describe('DisableStaff', () => {
    it('disables with the reason, trimmed', () => {
      const w = given([created]).when({ type: 'DisableStaff', reason: '  token leaked, ticket 4711 ' });
      w.then([{ type: 'StaffDisabled', data: { reason: 'token leaked, ticket 4711' } }]);
      expect(w.state()).toMatchObject({ status: 'disabled', disabledReason: 'token leaked, ticket 4711' });
    });

    it('is a no-op the second time (the first reason stands)', () => {
      given([created, { type: 'StaffDisabled', data: { reason: 'left' } }])
        .when({ type: 'DisableStaff', reason: 'again' })
        .then([]);
    });

    it('refuses an empty, multi-line or over-long reason, and an unknown id', () => {
      for (const reason of ['', '   ', 'one\ntwo', 'x'.repeat(201)])
        given([created]).when({ type: 'DisableStaff', reason }).thenError('STAFF_REASON_INVALID');
      given([]).when({ type: 'DisableStaff', reason: 'left' }).thenError('STAFF_UNKNOWN');
    });
  });

  describe('sign-in for people (SetStaffPassword, EnrolStaffTotp)', () => {
    const argon =
      '$argon2id$v=19$m=19456,t=2,p=1$6/azv/FNhjPRZiCSdP7lrw$IPNDLhLVnce+hXjn9KWuJVuT7J7JlRfa9EAW2XblE9w';
    const sealed = 'A'.repeat(12) + 'b_-'.repeat(10);

    it('stores the password hash and the sealed secret, and folds them into the state', () => {
      given([created])
        .when({ type: 'SetStaffPassword', passwordHash: argon, at })
        .then([{ type: 'StaffPasswordSet', data: { passwordHash: argon, setAt: at.toISOString() } }]);
      const enrolled = given([created]).when({ type: 'EnrolStaffTotp', sealedTotpSecret: sealed, at });
      enrolled.then([
        { type: 'StaffTotpEnrolled', data: { sealedTotpSecret: sealed, enrolledAt: at.toISOString() } },
      ]);
      expect(enrolled.state()).toMatchObject({ status: 'active', sealedTotpSecret: sealed });
    });

    it('replaces an earlier password or secret (a new one each time it is set)', () => {
      const state = given([
        created,
        { type: 'StaffPasswordSet', data: { passwordHash: '$argon2id$old', setAt: at.toISOString() } },
        { type: 'StaffPasswordSet', data: { passwordHash: argon, setAt: at.toISOString() } },
      ]).state;
      expect(state).toMatchObject({ passwordHash: argon });
    });

    it('refuses a password that is not an argon2id hash, and a secret that is not sealed', () => {
      for (const passwordHash of ['hunter2hunter2', '$argon2i$v=19$m=1,t=1,p=1$aa$bb', hash('a')])
        given([created])
          .when({ type: 'SetStaffPassword', passwordHash, at })
          .thenError('STAFF_PASSWORD_HASH_INVALID');
      for (const sealedTotpSecret of ['JBSWY3DPEHPK3PXP', 'not sealed at all but long enough to pass?', ''])
        given([created])
          .when({ type: 'EnrolStaffTotp', sealedTotpSecret, at })
          .thenError('STAFF_TOTP_SECRET_INVALID');
    });

    it('refuses an unknown or disabled staff member', () => {
      given([]).when({ type: 'SetStaffPassword', passwordHash: argon, at }).thenError('STAFF_UNKNOWN');
      given([created, { type: 'StaffDisabled', data: { reason: 'left' } }])
        .when({ type: 'EnrolStaffTotp', sealedTotpSecret: sealed, at })
        .thenError('STAFF_DISABLED');
    });
  });

  it('folds a whole life into the current credential', () => {
    const state = given([
      created,
      { type: 'StaffSecretRotated', data: { secretHash: hash('c') } },
      { type: 'StaffRolesChanged', data: { roles: ['auditor'] } },
      { type: 'StaffDisabled', data: { reason: 'left' } },
    ]).state;
    expect(state).toEqual({
      status: 'disabled',
      staffId: 'jdoe',
      roles: ['auditor'],
      secretHash: hash('c'),
      createdAt: at.toISOString(),
      secretIssuedAt: at.toISOString(),
      disabledReason: 'left',
    });
  });

  it('leaves the state alone for an event type it does not know (written by a newer version)', () => {
    const state = given([created]).state;
    expect(staffDecider.evolve(state, { type: 'StaffRenamed', data: {} } as unknown as StaffEvent)).toBe(
      state,
    );
  });

  describe('SignInWithSso', () => {
    const sso = (over: Partial<Extract<StaffCommand, { type: 'SignInWithSso' }>> = {}): StaffCommand => ({
      type: 'SignInWithSso',
      staffId: 'sso-0123456789abcdef01234567',
      issuer: 'https://idp.example',
      subject: 'u-1',
      roles: ['auditor', 'support'],
      at,
      ...over,
    });
    const signedIn: StaffEvent = {
      type: 'StaffSsoSignedIn',
      data: {
        staffId: 'sso-0123456789abcdef01234567',
        issuer: 'https://idp.example',
        subject: 'u-1',
        roles: ['support', 'auditor'],
        signedInAt: at.toISOString(),
      },
    };

    it('makes the member on the first sign-in, active, with the roles and no usable secret', () => {
      const when = given([]).when(sso());
      when.then([signedIn]);
      expect(when.state()).toMatchObject({
        status: 'active',
        roles: ['support', 'auditor'],
        secretHash: '',
        secretRevokedAt: at.toISOString(),
        sso: { issuer: 'https://idp.example', subject: 'u-1' },
      });
    });

    it('appends nothing at a later sign-in with the same roles: the stream the guard reads stays short', () => {
      const later = new Date(at.getTime() + 86_400_000);
      given([signedIn])
        .when(sso({ roles: ['support', 'auditor'], at: later }))
        .then([]);
    });

    it('takes the roles the provider says now, as one StaffRolesChanged when they differ', () => {
      const when = given([signedIn]).when(sso({ roles: ['admin'] }));
      when.then([{ type: 'StaffRolesChanged', data: { roles: ['admin'] } }]);
      expect(when.state()).toMatchObject({ roles: ['admin'], sso: { subject: 'u-1' } });
      given([signedIn, { type: 'StaffRolesChanged', data: { roles: ['admin'] } }])
        .when(sso({ roles: ['admin'] }))
        .then([]);
    });

    it('still reads streams written when every sign-in appended StaffSsoSignedIn: the last one holds the roles', () => {
      const old = given([signedIn, { ...signedIn, data: { ...signedIn.data, roles: ['admin'] } }]);
      expect(old.state).toMatchObject({ status: 'active', roles: ['admin'], createdAt: at.toISOString() });
      old.when(sso({ roles: ['admin'] })).then([]);
      old.when(sso()).then([{ type: 'StaffRolesChanged', data: { roles: ['support', 'auditor'] } }]);
    });

    it('refuses no role, another subject or issuer on the id, a disabled member, and a local member', () => {
      given([])
        .when(sso({ roles: [] }))
        .thenError('STAFF_ROLE_INVALID');
      given([signedIn])
        .when(sso({ subject: 'u-2' }))
        .thenError('STAFF_SSO_CONFLICT');
      given([signedIn])
        .when(sso({ issuer: 'https://other.example' }))
        .thenError('STAFF_SSO_CONFLICT');
      given([signedIn, { type: 'StaffDisabled', data: { reason: 'left' } }])
        .when(sso())
        .thenError('STAFF_DISABLED');
      given([created])
        .when(sso({ staffId: 'jdoe' }))
        .thenError('STAFF_SSO_CONFLICT');
    });

    it('keeps sso- ids for single sign-on and gives such a member no local credential or roles', () => {
      given([])
        .when(create({ staffId: 'sso-made-by-hand' }))
        .thenError('STAFF_ID_INVALID');
      given([signedIn])
        .when({ type: 'RotateStaffSecret', secretHash: hash('b'), at })
        .thenError('STAFF_SSO_MANAGED');
      given([signedIn])
        .when({ type: 'ChangeStaffRoles', roles: ['admin'] })
        .thenError('STAFF_SSO_MANAGED');
      given([signedIn])
        .when({ type: 'EnrolStaffTotp', sealedTotpSecret: 'A'.repeat(40), at })
        .thenError('STAFF_SSO_MANAGED');
    });
  });
});
