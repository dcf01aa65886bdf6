/**
 * A staff member's credential as a pure decider over the `staff-<staffId>` stream.
 * Time and the secret's hash arrive on the command (the secret itself never does),
 * so this file has no clock, no randomness and no I/O.
 */
import { accept, type Decider, type Decision, DomainError, reject } from '../decider';
import { canonicalRoles, isStaffRole, type StaffRole } from './roles';
import { staffIdProblem } from './staff-id';

export type StaffEvent =
  | {
      type: 'StaffCreated';
      data: { staffId: string; roles: StaffRole[]; secretHash: string; createdAt: string };
    }
  /** `rotatedAt`: absent in rotations recorded before credentials expired (their age then counts from the creation). */
  | { type: 'StaffSecretRotated'; data: { secretHash: string; rotatedAt?: string } }
  /** The current secret stops working; the staff member stays, and `rotate` issues a new one. */
  | { type: 'StaffSecretRevoked'; data: { revokedAt: string } }
  | { type: 'StaffRolesChanged'; data: { roles: StaffRole[] } }
  | { type: 'StaffDisabled'; data: { reason: string } }
  | StaffSignInEvent
  | StaffSsoEvent;

/**
 * Sign-in for people (the console): an argon2id password hash and a TOTP secret sealed
 * by the caller (AES-GCM under a key of the service's); both arrive ready to store.
 */
export type StaffSignInEvent =
  | { type: 'StaffPasswordSet'; data: { passwordHash: string; setAt: string } }
  | { type: 'StaffTotpEnrolled'; data: { sealedTotpSecret: string; enrolledAt: string } };

/**
 * Single sign-on (OpenID Connect): who the provider said signed in (`issuer`, `subject`: the
 * provider's stable id, never a name) and the roles its claim mapped to. Appended at the first
 * sign-in only, which makes the staff member (`sso-…`, derived from both). A later sign-in appends
 * here only what the guard, which reads this stream whole on every request, needs: a
 * `StaffRolesChanged` when the claim maps to other roles than the stream holds, else nothing (the
 * sign-in itself is `StaffSignedIn { method: 'sso' }` on `staff-<id>:sign-ins`, see
 * staff-sign-ins.decider.ts). Streams written before that hold a `StaffSsoSignedIn` per sign-in;
 * each later one still sets the roles, so they fold to the roles of the last. Such a member has no
 * bearer secret, password or authenticator: it signs in through the provider only.
 */
export type StaffSsoEvent = {
  type: 'StaffSsoSignedIn';
  data: { staffId: string; issuer: string; subject: string; roles: StaffRole[]; signedInAt: string };
};

export type StaffCommand =
  | { type: 'CreateStaff'; staffId: string; roles: readonly string[]; secretHash: string; at: Date }
  | { type: 'RotateStaffSecret'; secretHash: string; at: Date }
  | { type: 'RevokeStaffSecret'; at: Date }
  | { type: 'ChangeStaffRoles'; roles: readonly string[] }
  | { type: 'DisableStaff'; reason: string }
  | { type: 'SetStaffPassword'; passwordHash: string; at: Date }
  | { type: 'EnrolStaffTotp'; sealedTotpSecret: string; at: Date }
  | {
      type: 'SignInWithSso';
      staffId: string;
      issuer: string;
      subject: string;
      roles: readonly string[];
      at: Date;
    };

export type StaffState =
  | { status: 'absent' }
  | {
      status: 'active' | 'disabled';
      staffId: string;
      roles: StaffRole[];
      secretHash: string;
      createdAt: string;
      /** When the current secret was issued (created or rotated): its expiry counts from here. */
      secretIssuedAt: string;
      /** Set when the current secret was revoked; a rotation issues a new one. */
      secretRevokedAt?: string;
      disabledReason?: string;
      /** Sign-in for people: both are needed (with the TOTP code) to open a console session. */
      passwordHash?: string;
      sealedTotpSecret?: string;
      /** Set for a member made by single sign-on: it signs in only through this provider, as this subject. */
      sso?: { issuer: string; subject: string };
    };

export type StaffErrorCode =
  | 'STAFF_ID_INVALID'
  | 'STAFF_EXISTS'
  | 'STAFF_UNKNOWN'
  | 'STAFF_DISABLED'
  | 'STAFF_ROLE_INVALID'
  | 'STAFF_REASON_INVALID'
  | 'STAFF_SECRET_HASH_INVALID'
  | 'STAFF_PASSWORD_HASH_INVALID'
  | 'STAFF_TOTP_SECRET_INVALID'
  | 'STAFF_SSO_CONFLICT'
  | 'STAFF_SSO_MANAGED'
  | 'STAFF_TOTP_STEP_INVALID'
  | 'STAFF_TOTP_STEP_USED';

export class StaffError extends DomainError<StaffErrorCode> {}

/** A disable reason is read by auditors; it says why, in a line, and names no person. */
export const MAX_REASON_LENGTH = 200;

/** The one factory per refusal of a staff credential. */
export const StaffErrors = {
  idInvalid: (problem: string) => new StaffError('STAFF_ID_INVALID', `Invalid staff id: ${problem}.`),
  exists: (staffId: string) => new StaffError('STAFF_EXISTS', `Staff member ${staffId} already exists.`),
  unknown: () => new StaffError('STAFF_UNKNOWN', 'No staff member has this id.'),
  disabled: (staffId: string) => new StaffError('STAFF_DISABLED', `Staff member ${staffId} is disabled.`),
  unknownRoles: (roles: readonly string[]) =>
    new StaffError(
      'STAFF_ROLE_INVALID',
      `Unknown role ${roles.map((r) => JSON.stringify(r)).join(', ')}: roles are support, auditor, admin.`,
    ),
  noRole: () =>
    new StaffError('STAFF_ROLE_INVALID', 'A staff member needs at least one role: support, auditor, admin.'),
  reasonInvalid: () =>
    new StaffError(
      'STAFF_REASON_INVALID',
      `Say why in 1 to ${MAX_REASON_LENGTH} characters on one line (no personal data).`,
    ),
  secretHashInvalid: () =>
    new StaffError('STAFF_SECRET_HASH_INVALID', 'The secret must arrive as its keyed hash (64 hex digits).'),
  passwordHashInvalid: () =>
    new StaffError('STAFF_PASSWORD_HASH_INVALID', 'The password must arrive as its argon2id hash.'),
  ssoConflict: (staffId: string) =>
    new StaffError(
      'STAFF_SSO_CONFLICT',
      `Staff member ${staffId} is not the single sign-on identity of this provider and subject.`,
    ),
  ssoManaged: (staffId: string) =>
    new StaffError(
      'STAFF_SSO_MANAGED',
      `Staff member ${staffId} signs in through single sign-on: its roles come from the provider, and it has no secret, password or authenticator here.`,
    ),
  ssoIdReserved: () =>
    new StaffError(
      'STAFF_ID_INVALID',
      'Invalid staff id: ids starting with "sso-" are made by single sign-on.',
    ),
  totpSecretInvalid: () =>
    new StaffError('STAFF_TOTP_SECRET_INVALID', 'The authenticator secret must arrive sealed (base64url).'),
  totpStepInvalid: () =>
    new StaffError(
      'STAFF_TOTP_STEP_INVALID',
      'The authenticator time step must be a whole number, 0 or more.',
    ),
  /** Never told to the caller as such: the sign-in is the one 401, counted as `wrong-code`. */
  totpStepUsed: () =>
    new StaffError(
      'STAFF_TOTP_STEP_USED',
      'This authenticator code (or an earlier one) was already used to sign in.',
    ),
} as const;

/** HMAC-SHA256 in hex. Anything else (a secret pasted by mistake, say) is refused before it is stored. */
const SECRET_HASH = /^[0-9a-f]{64}$/;

function rolesOrError(roles: readonly string[]): StaffRole[] | StaffError {
  const unknown = roles.filter((r) => !isStaffRole(r));
  if (unknown.length > 0) return StaffErrors.unknownRoles(unknown);
  if (roles.length === 0) return StaffErrors.noRole();
  return canonicalRoles(roles as StaffRole[]);
}

function hashError(secretHash: string): StaffError | undefined {
  return SECRET_HASH.test(secretHash) ? undefined : StaffErrors.secretHashInvalid();
}

const sameRoles = (a: readonly StaffRole[], b: readonly StaffRole[]) =>
  a.length === b.length && a.every((r, i) => r === b[i]);

function decide(command: StaffCommand, state: StaffState): Decision<StaffEvent> {
  switch (command.type) {
    case 'CreateStaff': {
      const idProblem = staffIdProblem(command.staffId);
      if (idProblem) return reject(StaffErrors.idInvalid(idProblem));
      if (command.staffId.startsWith(SSO_PREFIX)) return reject(StaffErrors.ssoIdReserved());
      if (state.status !== 'absent') return reject(StaffErrors.exists(command.staffId));
      const roles = rolesOrError(command.roles);
      if (roles instanceof StaffError) return reject(roles);
      const bad = hashError(command.secretHash);
      if (bad) return reject(bad);
      return accept({
        type: 'StaffCreated',
        data: {
          staffId: command.staffId,
          roles,
          secretHash: command.secretHash,
          createdAt: command.at.toISOString(),
        },
      });
    }
    case 'RotateStaffSecret': {
      const refused = activeOrError(state) ?? ssoManagedError(state);
      if (refused) return reject(refused);
      const bad = hashError(command.secretHash);
      if (bad) return reject(bad);
      return accept({
        type: 'StaffSecretRotated',
        data: { secretHash: command.secretHash, rotatedAt: command.at.toISOString() },
      });
    }
    case 'RevokeStaffSecret': {
      const refused = activeOrError(state);
      if (refused) return reject(refused);
      // Revoking twice changes nothing: the secret already no longer works.
      if (state.status !== 'absent' && state.secretRevokedAt !== undefined) return accept();
      return accept({ type: 'StaffSecretRevoked', data: { revokedAt: command.at.toISOString() } });
    }
    case 'ChangeStaffRoles': {
      const refused = activeOrError(state) ?? ssoManagedError(state);
      if (refused) return reject(refused);
      const roles = rolesOrError(command.roles);
      if (roles instanceof StaffError) return reject(roles);
      return state.status !== 'absent' && sameRoles(roles, state.roles)
        ? accept()
        : accept({ type: 'StaffRolesChanged', data: { roles } });
    }
    case 'DisableStaff': {
      if (state.status === 'absent') return reject(StaffErrors.unknown());
      const reason = command.reason.trim();
      if (reason.length === 0 || reason.length > MAX_REASON_LENGTH || /\p{Cc}/u.test(reason))
        return reject(StaffErrors.reasonInvalid());
      // Disabling twice changes nothing: the first reason stands.
      if (state.status === 'disabled') return accept();
      return accept({ type: 'StaffDisabled', data: { reason } });
    }
    case 'SetStaffPassword': {
      const refused = activeOrError(state) ?? ssoManagedError(state);
      if (refused) return reject(refused);
      if (!ARGON2ID_HASH.test(command.passwordHash)) return reject(StaffErrors.passwordHashInvalid());
      return accept({
        type: 'StaffPasswordSet',
        data: { passwordHash: command.passwordHash, setAt: command.at.toISOString() },
      });
    }
    case 'EnrolStaffTotp': {
      const refused = activeOrError(state) ?? ssoManagedError(state);
      if (refused) return reject(refused);
      if (!SEALED.test(command.sealedTotpSecret)) return reject(StaffErrors.totpSecretInvalid());
      return accept({
        type: 'StaffTotpEnrolled',
        data: { sealedTotpSecret: command.sealedTotpSecret, enrolledAt: command.at.toISOString() },
      });
    }
    case 'SignInWithSso': {
      const idProblem = staffIdProblem(command.staffId);
      if (idProblem) return reject(StaffErrors.idInvalid(idProblem));
      if (!command.staffId.startsWith(SSO_PREFIX)) return reject(StaffErrors.ssoConflict(command.staffId));
      if (state.status !== 'absent') {
        if (!state.sso || state.sso.issuer !== command.issuer || state.sso.subject !== command.subject)
          return reject(StaffErrors.ssoConflict(command.staffId));
        if (state.status === 'disabled') return reject(StaffErrors.disabled(state.staffId));
      }
      const roles = rolesOrError(command.roles);
      if (roles instanceof StaffError) return reject(roles);
      // Known already: only a change the guard must see is appended (the sign-in goes to `:sign-ins`).
      if (state.status !== 'absent')
        return sameRoles(roles, state.roles)
          ? accept()
          : accept({ type: 'StaffRolesChanged', data: { roles } });
      return accept({
        type: 'StaffSsoSignedIn',
        data: {
          staffId: command.staffId,
          issuer: command.issuer,
          subject: command.subject,
          roles,
          signedInAt: command.at.toISOString(),
        },
      });
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/** An argon2id PHC string; a password pasted by mistake is refused before it is stored. */
const ARGON2ID_HASH = /^\$argon2id\$v=\d+\$[a-z]=\d+(?:,[a-z]=\d+)*\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
/** iv ‖ ciphertext ‖ tag in base64url: at least 12 + 16 + 1 bytes. */
const SEALED = /^[A-Za-z0-9_-]{39,200}$/;

/** Staff ids made by single sign-on start with this; no other may (CreateStaff refuses it). */
export const SSO_PREFIX = 'sso-';

/** A member made by single sign-on gets its roles from the provider and has no local credential. */
function ssoManagedError(state: StaffState): StaffError | undefined {
  return state.status !== 'absent' && state.sso ? StaffErrors.ssoManaged(state.staffId) : undefined;
}

/** A disabled credential stays disabled: its secret and roles no longer change. */
function activeOrError(state: StaffState): StaffError | undefined {
  if (state.status === 'absent') return StaffErrors.unknown();
  if (state.status === 'disabled') return StaffErrors.disabled(state.staffId);
  return undefined;
}

function evolve(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'StaffCreated':
      return {
        status: 'active',
        staffId: event.data.staffId,
        roles: event.data.roles,
        secretHash: event.data.secretHash,
        createdAt: event.data.createdAt,
        secretIssuedAt: event.data.createdAt,
      };
    case 'StaffSecretRotated':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            secretHash: event.data.secretHash,
            secretIssuedAt: event.data.rotatedAt ?? state.secretIssuedAt,
            secretRevokedAt: undefined,
          };
    case 'StaffSecretRevoked':
      return state.status === 'absent' ? state : { ...state, secretRevokedAt: event.data.revokedAt };
    case 'StaffRolesChanged':
      return state.status === 'absent' ? state : { ...state, roles: event.data.roles };
    case 'StaffDisabled':
      return state.status === 'absent'
        ? state
        : { ...state, status: 'disabled', disabledReason: event.data.reason };
    case 'StaffPasswordSet':
      return state.status === 'absent' ? state : { ...state, passwordHash: event.data.passwordHash };
    case 'StaffTotpEnrolled':
      return state.status === 'absent' ? state : { ...state, sealedTotpSecret: event.data.sealedTotpSecret };
    // A later one was written at every sign-in before sign-ins had a stream of their own: its roles were the provider's then.
    case 'StaffSsoSignedIn':
      return state.status === 'absent'
        ? {
            status: 'active',
            staffId: event.data.staffId,
            roles: event.data.roles,
            // No bearer secret: an empty hash matches no token, and the revocation says so to the CLI.
            secretHash: '',
            createdAt: event.data.signedInAt,
            secretIssuedAt: event.data.signedInAt,
            secretRevokedAt: event.data.signedInAt,
            sso: { issuer: event.data.issuer, subject: event.data.subject },
          }
        : { ...state, roles: event.data.roles };
    default: {
      // Compile time: every event type is handled. Run time: a type written by a newer
      // version changes nothing rather than becoming the state.
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

export const staffDecider: Decider<StaffCommand, StaffEvent, StaffState> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
