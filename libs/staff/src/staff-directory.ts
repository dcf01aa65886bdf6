/**
 * Staff credentials as event-sourced entities: each staff member is the stream
 * `staff-<staffId>`, written only through handleCommand (hash-chained, optimistic
 * concurrency) with the pure `staffDecider`. Only lifecycle events live there
 * (created, secret rotated or revoked, roles changed, disabled; a single sign-on member's first
 * sign-in and the changes of its roles, never each sign-in), so the stream stays a few
 * events long and `authenticate` can read all of it on every request: a disable
 * written by the CLI in another process takes effect on the very next request.
 */
import {
  type CommandContext,
  handleCommand,
  type KeyedMutex,
  load,
  type PipelineDeps,
  plainCodec,
} from '@portal/command';
import type { EventStore, Position } from '@portal/event-store';
import type { AuthenticationFailure } from './refusal-tally';
import { hashesMatch, newStaffSecret, parseStaffToken, staffSecretHash, staffToken } from './credential';
import {
  type StaffCommand,
  StaffErrors,
  type StaffEvent,
  staffIdProblem,
  type StaffRole,
  type StaffSignInRecord,
  staffSignInDecider,
  type StaffState,
  staffDecider,
} from '@portal/domain';
import { staffIdOfStream, staffSignInsStreamId, staffStreamId } from './staff-id';

export interface StaffDirectoryOptions {
  store: EventStore;
  /** The service's HMAC_KEY (AppConfig.secrets.hmacKey). */
  hmacKey: Buffer;
  mutex?: KeyedMutex;
  /** Where secrets come from; 256 bits from the CSPRNG unless a test says otherwise. */
  newSecret?: () => string;
  /** Events per read of the store when listing. */
  pageSize?: number;
  /** Days a secret works after it is issued (created or rotated): STAFF_CREDENTIAL_DAYS, 90 unless set. */
  credentialDays?: number;
  now?: () => number;
}

export const DEFAULT_STAFF_CREDENTIAL_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What may be shown about a staff member: never the secret's hash. */
export interface StaffMember {
  staffId: string;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  createdAt: string;
  /** When the current token stops working (it may be past); absent once revoked. */
  expiresAt?: string;
  /** The current token: `valid`, `expired` (rotate to issue a new one) or `revoked`. */
  token: 'valid' | 'expired' | 'revoked';
  disabledReason?: string;
  /** A member made by single sign-on: the provider and its subject (it has no token of its own). */
  sso?: { issuer: string; subject: string };
}

export type Authentication =
  | { ok: true; staffId: string; roles: StaffRole[] }
  | { ok: false; why: AuthenticationFailure; staffId?: string };

/** Compared against when the staff id is unknown, so that case costs what a real check costs. */
const NO_HASH = '0'.repeat(64);

export class StaffDirectory {
  private readonly pipeline: PipelineDeps<StaffEvent>;
  /** `staff-<id>:sign-ins`, for single sign-on (a password sign-in is StaffSignInService's). */
  private readonly signIns: PipelineDeps<StaffSignInRecord>;
  private readonly newSecret: () => string;

  constructor(private readonly options: StaffDirectoryOptions) {
    if (options.hmacKey.length < 32) throw new Error('StaffDirectory needs the 32-byte HMAC_KEY');
    this.pipeline = { store: options.store, codec: plainCodec<StaffEvent>(), mutex: options.mutex };
    this.signIns = { store: options.store, codec: plainCodec<StaffSignInRecord>(), mutex: options.mutex };
    this.newSecret = options.newSecret ?? newStaffSecret;
    const days = options.credentialDays ?? DEFAULT_STAFF_CREDENTIAL_DAYS;
    if (!Number.isInteger(days) || days < 1)
      throw new Error('StaffDirectory needs credentialDays of at least 1');
    this.credentialMs = days * DAY_MS;
    this.now = options.now ?? Date.now;
  }

  private readonly credentialMs: number;
  private readonly now: () => number;

  /** Creates a staff member. The token is returned once and stored nowhere: only its keyed hash is. */
  async create(
    staffId: string,
    roles: readonly string[],
    ctx: CommandContext,
  ): Promise<{ member: StaffMember; token: string }> {
    const secret = this.newSecret();
    const result = await this.run(staffId, ctx, {
      type: 'CreateStaff',
      staffId,
      roles,
      secretHash: staffSecretHash(this.options.hmacKey, staffId, secret),
      at: ctx.occurredAt,
    });
    return { member: result.member, token: staffToken(staffId, secret) };
  }

  /** Replaces the secret (expired, revoked or not); the old token stops working at once, the new one's time starts. */
  async rotateSecret(staffId: string, ctx: CommandContext): Promise<{ member: StaffMember; token: string }> {
    const secret = this.newSecret();
    const result = await this.run(staffId, ctx, {
      type: 'RotateStaffSecret',
      secretHash: staffSecretHash(this.options.hmacKey, staffId, secret),
      at: ctx.occurredAt,
    });
    return { member: result.member, token: staffToken(staffId, secret) };
  }

  /**
   * The current token stops working at once, with no new one (a lost laptop): the staff member and
   * roles stay, and `rotateSecret` issues a new token. `changed` is false when it already was revoked.
   */
  revokeSecret(staffId: string, ctx: CommandContext): Promise<{ member: StaffMember; changed: boolean }> {
    return this.run(staffId, ctx, { type: 'RevokeStaffSecret', at: ctx.occurredAt });
  }

  /** Sets the roles (the whole set). `changed` is false when they already were these. */
  changeRoles(
    staffId: string,
    roles: readonly string[],
    ctx: CommandContext,
  ): Promise<{ member: StaffMember; changed: boolean }> {
    return this.run(staffId, ctx, { type: 'ChangeStaffRoles', roles });
  }

  /** Disables the credential for good. `changed` is false when it already was disabled. */
  disable(
    staffId: string,
    reason: string,
    ctx: CommandContext,
  ): Promise<{ member: StaffMember; changed: boolean }> {
    return this.run(staffId, ctx, { type: 'DisableStaff', reason });
  }

  /**
   * Records a single sign-on. On the member's own stream, which the guard reads whole on every
   * request, only what the guard needs: `StaffSsoSignedIn` at the first sign-in (it makes the member),
   * `StaffRolesChanged` when the roles given (mapped from the provider's claim at this sign-in) differ
   * from those it holds, else nothing. Then, every time, `StaffSignedIn { method: 'sso' }` on
   * `staff-<id>:sign-ins` (the auditors' record, `ctx`'s client IP and user agent in the metadata, as
   * for a password sign-in). Throws the decider's StaffError, recording no sign-in:
   * STAFF_ROLE_INVALID (none), STAFF_SSO_CONFLICT (the id holds another identity), STAFF_DISABLED.
   */
  async recordSsoSignIn(
    identity: { staffId: string; issuer: string; subject: string; roles: readonly string[] },
    ctx: CommandContext,
  ): Promise<StaffMember> {
    const { member } = await this.run(identity.staffId, ctx, {
      type: 'SignInWithSso',
      ...identity,
      at: ctx.occurredAt,
    });
    await handleCommand(
      this.signIns,
      staffSignInsStreamId(identity.staffId),
      staffSignInDecider,
      { type: 'RecordStaffSignIn', method: 'sso', at: ctx.occurredAt },
      ctx,
    );
    return member;
  }

  async get(staffId: string): Promise<StaffMember | undefined> {
    const { state } = await load(this.pipeline, this.streamOf(staffId), staffDecider);
    return this.memberOf(state);
  }

  /**
   * Every staff member, by id. Reads the whole store once (there is no index of
   * staff streams): for the CLI, not for a request path.
   */
  async list(): Promise<StaffMember[]> {
    const states = new Map<string, StaffState>();
    const pageSize = this.options.pageSize ?? 1000;
    let after: Position | undefined;
    for (;;) {
      const page = await this.options.store.readAll({ ...(after ? { after } : {}), maxCount: pageSize });
      for (const recorded of page) {
        const staffId = staffIdOfStream(recorded.streamId);
        if (!staffId) continue;
        const event = await this.pipeline.codec.decode(recorded);
        states.set(staffId, staffDecider.evolve(states.get(staffId) ?? staffDecider.initialState(), event));
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1].position;
    }
    return [...states.values()]
      .map((state) => this.memberOf(state))
      .filter((m) => m !== undefined)
      .sort((a, b) => (a.staffId < b.staffId ? -1 : 1));
  }

  /**
   * Checks a bearer token against the staff member's current stream. Reads one
   * short stream; compares keyed hashes in constant time; an unknown id still
   * computes and compares a hash.
   */
  async authenticate(token: string | undefined): Promise<Authentication> {
    if (token === undefined || token === '') return { ok: false, why: 'missing' };
    const parsed = parseStaffToken(token);
    if (!parsed) return { ok: false, why: 'malformed' };
    const { staffId, secret } = parsed;
    const { state } = await load(this.pipeline, staffStreamId(staffId), staffDecider);
    const presented = staffSecretHash(this.options.hmacKey, staffId, secret);
    const matches = hashesMatch(presented, state.status === 'absent' ? NO_HASH : state.secretHash);
    if (state.status === 'absent') return { ok: false, why: 'unknown' };
    if (!matches) return { ok: false, why: 'wrong-secret', staffId };
    if (state.status === 'disabled') return { ok: false, why: 'disabled', staffId };
    if (state.secretRevokedAt !== undefined) return { ok: false, why: 'revoked', staffId };
    if (this.now() >= this.expiryOf(state.secretIssuedAt)) return { ok: false, why: 'expired', staffId };
    return { ok: true, staffId, roles: state.roles };
  }

  private async run(
    staffId: string,
    ctx: CommandContext,
    command: StaffCommand,
  ): Promise<{ member: StaffMember; changed: boolean }> {
    const result = await handleCommand(this.pipeline, this.streamOf(staffId), staffDecider, command, ctx);
    return { member: this.memberOf(result.state)!, changed: result.events.length > 0 };
  }

  private expiryOf(issuedAt: string): number {
    return Date.parse(issuedAt) + this.credentialMs;
  }

  private memberOf(state: StaffState): StaffMember | undefined {
    if (state.status === 'absent') return undefined;
    const expiresAt = this.expiryOf(state.secretIssuedAt);
    return {
      staffId: state.staffId,
      roles: state.roles,
      status: state.status,
      createdAt: state.createdAt,
      ...(state.secretRevokedAt === undefined
        ? {
            expiresAt: new Date(expiresAt).toISOString(),
            token: this.now() >= expiresAt ? 'expired' : 'valid',
          }
        : { token: 'revoked' }),
      ...(state.disabledReason !== undefined ? { disabledReason: state.disabledReason } : {}),
      ...(state.sso ? { sso: state.sso } : {}),
    };
  }

  private streamOf(staffId: string): string {
    const problem = staffIdProblem(staffId);
    if (problem) throw StaffErrors.idInvalid(problem);
    return staffStreamId(staffId);
  }
}
