/**
 * Sign-in for people (the staff console): a staff id, a password and a code from an
 * authenticator app (TOTP). Both are enrolled from the CLI and stored as events on the
 * staff member's own stream (`StaffPasswordSet` with an argon2id hash,
 * `StaffTotpEnrolled` with the secret sealed by AES-256-GCM under a key derived from
 * HMAC_KEY and bound to the staff id). The bearer token stays, for automation.
 *
 * Each successful sign-in is `StaffSignedIn` on `staff-<staffId>:sign-ins` (the staff
 * sign-in decider in libs/domain), with the TOTP time step its code matched, appended
 * with the revision the decision read: a code is good for one sign-in on every API
 * process at once, and the event is the auditors' record of who signed in when and from
 * which address (metadata). Sign-outs go there too (`recordSignOut`).
 *
 * The hashing and the TOTP arithmetic arrive as ports (libs/security implements both),
 * so this lib keeps to Node's crypto, the domain, the command pipeline and the store.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import {
  type CommandContext,
  handleCommand,
  type KeyedMutex,
  load,
  type PipelineDeps,
  plainCodec,
} from '@portal/command';
import type { EventStore } from '@portal/event-store';
import {
  type StaffEvent,
  StaffError,
  StaffErrors,
  staffDecider,
  staffIdProblem,
  type StaffRole,
  type StaffSignInRecord,
  staffSignInDecider,
} from '@portal/domain';
import { staffSignInsStreamId, staffStreamId } from './staff-id';

export interface PasswordPort {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Costs what `verify` costs and is false: an unknown id takes as long as a wrong password. */
  verifyAgainstDummy(password: string): Promise<false>;
}

export interface TotpPort {
  newSecret(): string;
  uri(issuer: string, label: string, secret: string): string;
  /** The time step `code` matched around `now`, or null. */
  matchTimeStep(secret: string, code: string, now: Date): Promise<number | null>;
}

export interface StaffSignInOptions {
  store: EventStore;
  hmacKey: Buffer;
  passwords: PasswordPort;
  totp: TotpPort;
  mutex?: KeyedMutex;
  /** Shown by the authenticator app beside the staff id. */
  issuer?: string;
}

/** Why a sign-in was refused: recorded, never told to the caller (one 401 for all). */
export type SignInFailure =
  'malformed' | 'unknown' | 'not-enrolled' | 'wrong-password' | 'wrong-code' | 'disabled';

export type SignIn =
  { ok: true; staffId: string; roles: StaffRole[] } | { ok: false; why: SignInFailure; staffId?: string };

/** A password is at least 12 characters; longer than 1024 bytes is refused before hashing. */
export const MIN_STAFF_PASSWORD = 12;
const MAX_STAFF_PASSWORD_BYTES = 1024;

export function staffPasswordProblem(password: string): string | undefined {
  if (password.length < MIN_STAFF_PASSWORD) return `at least ${MIN_STAFF_PASSWORD} characters`;
  if (Buffer.byteLength(password, 'utf8') > MAX_STAFF_PASSWORD_BYTES)
    return `at most ${MAX_STAFF_PASSWORD_BYTES} bytes`;
  if (/\p{Cc}/u.test(password)) return 'no control characters (a line break pasted by mistake?)';
  return undefined;
}

export class StaffSignInService {
  private readonly pipeline: PipelineDeps<StaffEvent>;
  private readonly records: PipelineDeps<StaffSignInRecord>;
  private readonly sealKey: Buffer;

  constructor(private readonly options: StaffSignInOptions) {
    if (options.hmacKey.length < 32) throw new Error('StaffSignInService needs the 32-byte HMAC_KEY');
    this.pipeline = { store: options.store, codec: plainCodec<StaffEvent>(), mutex: options.mutex };
    this.records = { store: options.store, codec: plainCodec<StaffSignInRecord>(), mutex: options.mutex };
    this.sealKey = createHmac('sha256', options.hmacKey).update('staff-totp-seal').digest();
  }

  /** Stores the argon2id hash of `password` (which must meet `staffPasswordProblem`). */
  async setPassword(staffId: string, password: string, ctx: CommandContext): Promise<void> {
    const problem = staffPasswordProblem(password);
    if (problem) throw new StaffPasswordError(problem);
    const passwordHash = await this.options.passwords.hash(password);
    await handleCommand(
      this.pipeline,
      this.streamOf(staffId),
      staffDecider,
      {
        type: 'SetStaffPassword',
        passwordHash,
        at: ctx.occurredAt,
      },
      ctx,
    );
  }

  /** A new TOTP secret (replacing any earlier one); the otpauth URI is returned once and stored nowhere. */
  async enrolTotp(staffId: string, ctx: CommandContext): Promise<{ uri: string; secret: string }> {
    const secret = this.options.totp.newSecret();
    await handleCommand(
      this.pipeline,
      this.streamOf(staffId),
      staffDecider,
      {
        type: 'EnrolStaffTotp',
        sealedTotpSecret: this.seal(staffId, secret),
        at: ctx.occurredAt,
      },
      ctx,
    );
    return { uri: this.options.totp.uri(this.options.issuer ?? 'Portal staff', staffId, secret), secret };
  }

  /**
   * Checks all three parts, then records the sign-in (which spends the code's time step).
   * The password is always hashed (against a dummy when the id is unknown or not enrolled),
   * so timing does not tell which part was wrong. `ctx` is the request's (its time, client
   * IP, user agent and correlation id); the record's actor is the staff member.
   */
  async signIn(staffId: string, password: string, code: string, ctx: CommandContext): Promise<SignIn> {
    if (staffIdProblem(staffId) || Buffer.byteLength(password, 'utf8') > MAX_STAFF_PASSWORD_BYTES)
      return { ok: false, why: 'malformed' };
    const { state } = await load(this.pipeline, staffStreamId(staffId), staffDecider);
    if (
      state.status === 'absent' ||
      state.passwordHash === undefined ||
      state.sealedTotpSecret === undefined
    ) {
      await this.options.passwords.verifyAgainstDummy(password);
      return state.status === 'absent'
        ? { ok: false, why: 'unknown' }
        : { ok: false, why: 'not-enrolled', staffId };
    }
    const passwordOk = await this.options.passwords.verify(state.passwordHash, password);
    if (!passwordOk) return { ok: false, why: 'wrong-password', staffId };
    const step = await this.options.totp.matchTimeStep(
      this.open(staffId, state.sealedTotpSecret),
      code,
      ctx.occurredAt,
    );
    if (step === null) return { ok: false, why: 'wrong-code', staffId };
    if (state.status === 'disabled') return { ok: false, why: 'disabled', staffId };
    try {
      await handleCommand(
        this.records,
        staffSignInsStreamId(staffId),
        staffSignInDecider,
        { type: 'RecordStaffSignIn', method: 'password+totp', totpStep: step, at: ctx.occurredAt },
        { ...ctx, actor: { kind: 'staff', staffId } },
      );
    } catch (error) {
      // The step was spent by an earlier sign-in, here or on another process: the code is used.
      if (error instanceof StaffError && error.code === 'STAFF_TOTP_STEP_USED')
        return { ok: false, why: 'wrong-code', staffId };
      throw error;
    }
    return { ok: true, staffId, roles: state.roles };
  }

  /** Records that the staff member signed out of the session begun at `sessionStartedAt`. */
  async recordSignOut(staffId: string, sessionStartedAt: Date, ctx: CommandContext): Promise<void> {
    await handleCommand(
      this.records,
      this.signInsOf(staffId),
      staffSignInDecider,
      { type: 'RecordStaffSignOut', sessionStartedAt, at: ctx.occurredAt },
      { ...ctx, actor: { kind: 'staff', staffId } },
    );
  }

  private seal(staffId: string, secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    cipher.setAAD(Buffer.from(`staff-totp\0${staffId}`, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private open(staffId: string, sealed: string): string {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(`staff-totp\0${staffId}`, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  }

  private streamOf(staffId: string): string {
    const problem = staffIdProblem(staffId);
    if (problem) throw StaffErrors.idInvalid(problem);
    return staffStreamId(staffId);
  }

  private signInsOf(staffId: string): string {
    const problem = staffIdProblem(staffId);
    if (problem) throw StaffErrors.idInvalid(problem);
    return staffSignInsStreamId(staffId);
  }
}

/** A password that does not meet the rule (refused before hashing). */
export class StaffPasswordError extends Error {
  readonly code = 'STAFF_PASSWORD_INVALID';
  constructor(problem: string) {
    super(`The password needs ${problem}.`);
  }
}
