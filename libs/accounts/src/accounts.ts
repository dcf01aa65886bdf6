/**
 * The application layer around the Account decider: what every use case needs
 * to turn a request into a command (lookups by keyed hash, argon2, the vault)
 * and to run it through the one command pipeline.
 */
import { createHash } from 'node:crypto';
import {
  type CommandContext,
  type CommandInput,
  handleCommand,
  holderOf,
  load,
  type ReservationDeps,
  reservationOf,
  reserve,
  type ReservationKind,
  type SnapshotOptions,
  Snapshots,
} from '@portal/command';
import {
  type AccountCommand,
  type AccountEvent,
  accountDecider,
  accountErased,
  type AccountPolicy,
  type AccountState,
  accountStreamId,
  DEFAULT_POLICY,
  ENDS_ALL_SESSIONS,
  normaliseLookup,
  officeStreamId,
} from '@portal/domain';
import type { EventStore, SnapshotStore } from '@portal/event-store';
import type { Roster, RosterEntry, RosterQuery } from '@portal/roster';
import { keyedHash, keyedUuid, type PasswordHasher, type SecretPurpose } from '@portal/security';
import { ERASED, KeyErasedError, type Vault } from '@portal/vault';
import { accountCodec } from './account-codec';
import { accountSnapshotCodec } from './account-snapshots';
import type { NewSession, Session, SessionStore, SessionTimeouts } from './session-store.port';

export interface AccountsDeps {
  store: EventStore;
  vault: Vault;
  hasher: PasswordHasher;
  sessions: SessionStore;
  roster: Roster;
  hmacKey: Buffer;
  policy?: AccountPolicy;
  /**
   * Where account snapshots are kept (the event store adapter's `snapshots()`): commands
   * and `state` then read a snapshot and the events after it instead of the whole stream.
   */
  snapshots?: SnapshotStore;
  snapshotOptions?: SnapshotOptions;
}

/**
 * The command's events were appended, but the account's sessions could not be ended. The
 * caller must not report success: a password change or lock that leaves sessions open is
 * the very thing it was meant to prevent. The store's error is the `cause`.
 */
export class SessionsNotRevokedError extends Error {
  readonly code = 'SESSIONS_NOT_REVOKED';
  constructor(
    readonly accountId: string,
    cause: unknown,
  ) {
    super(`The events of account ${accountId} were recorded, but ending its sessions failed`, { cause });
    this.name = 'SessionsNotRevokedError';
  }
}

/**
 * Every use case's one way to the accounts: commands through `run`, and intent methods
 * (hash or check a password, seal or open a value, key a hash or an id, end sessions,
 * look a member up) for what it needs of the collaborators, which stay private. What
 * needs a collaborator itself (a codec needs the vault) is handed it by the composition
 * root (libs/runtime `createAccounts`), never through this class.
 */
export class Accounts {
  readonly policy: AccountPolicy;
  private readonly decider;
  private readonly codec;
  private readonly reservations: ReservationDeps;
  /** Account snapshots, sealed under each account's key (account-snapshots.ts); none without deps.snapshots. */
  readonly snapshots: Snapshots<AccountState> | undefined;

  constructor(private readonly deps: AccountsDeps) {
    this.policy = deps.policy ?? DEFAULT_POLICY;
    this.decider = accountDecider(this.policy);
    this.codec = accountCodec(deps.vault);
    this.snapshots = deps.snapshots
      ? new Snapshots(deps.snapshots, accountSnapshotCodec(deps.vault), deps.snapshotOptions)
      : undefined;
    this.reservations = { store: deps.store, standing: (kind, key, holder) => this.holds(kind, key, holder) };
  }

  async run(accountId: string, input: CommandInput<AccountCommand, AccountState>, ctx: CommandContext) {
    return this.decideAndAppend(accountId, input, ctx, this.decider);
  }

  /**
   * Seals `value` under the account's key, for a command to carry (a temporary password,
   * a code to mail). A command must never answer 500 because its account was erased
   * while the seal ran before the decider could refuse: the erased key is the domain's
   * ERASED refusal here, as the decider gives it. Every use case seals through this.
   */
  async seal(accountId: string, value: unknown): Promise<string> {
    try {
      return await this.deps.vault.seal(accountId, value);
    } catch (error) {
      throw error instanceof KeyErasedError ? accountErased() : error;
    }
  }

  /**
   * Decides `input` as `run` would and throws the same refusal, appending what a
   * refusal records (a wrong activation code counts) but nothing of an acceptance: for
   * a request that must be answered exactly as if it had taken effect when it must not
   * (a registration whose email belongs to another account), so that a bad form or a
   * wrong code is still refused as it would be otherwise.
   */
  async rehearse(
    accountId: string,
    input: CommandInput<AccountCommand, AccountState>,
    ctx: CommandContext,
  ): Promise<void> {
    await this.decideAndAppend(accountId, input, ctx, {
      ...this.decider,
      decide: (command, state) => {
        const decision = this.decider.decide(command, state);
        return decision.rejection ? decision : { events: [] };
      },
    });
  }

  private async decideAndAppend(
    accountId: string,
    input: CommandInput<AccountCommand, AccountState>,
    ctx: CommandContext,
    decider: ReturnType<typeof accountDecider>,
  ) {
    let deactivated = false;
    try {
      return await handleCommand<AccountCommand, AccountEvent, AccountState>(
        {
          store: this.deps.store,
          codec: this.codec,
          snapshots: this.snapshots,
          // Also when the command is refused: a failed login that locks the account ends its sessions.
          // Awaited under the stream's lock, so the sessions have ended before the caller hears back
          // and before the account's next command starts.
          onAppended: async (_stream, events) => {
            // First: a deactivation frees the account's values even when ending its sessions fails.
            if (events.some((e) => e.type === 'Deactivated')) deactivated = true;
            if (!events.some((e) => ENDS_ALL_SESSIONS.has(e.type as AccountEvent['type']))) return;
            try {
              await this.deps.sessions.revokeAllFor(accountId, Date.now());
            } catch (error) {
              throw new SessionsNotRevokedError(accountId, error);
            }
          },
        },
        accountStreamId(accountId),
        decider,
        input,
        ctx,
      );
    } catch (error) {
      // The codec seals the events' personal fields: an erasure that won the race answers as the decider would.
      throw error instanceof KeyErasedError ? accountErased() : error;
    } finally {
      // A deactivated account must register again (seed 004), so its username, email and member id are free again.
      if (deactivated) await this.releaseAll(accountId, ctx);
    }
  }

  private async releaseAll(accountId: string, ctx: CommandContext, state?: AccountState): Promise<void> {
    state ??= await this.state(accountId);
    const held: [ReservationKind, string | undefined][] = [
      ['username', state.username],
      ['email', state.profile?.email],
      ['member', state.profile?.memberId],
    ];
    for (const [kind, value] of held)
      if (value && value !== ERASED) await this.release(kind, value, accountId, ctx);
  }

  /**
   * Erases the account's personal data (crypto-shredding, DESIGN.md "Streams"), in an
   * order where a retry finishes whatever a failure left undone, each step idempotent:
   * 1. `PersonalDataErased` is appended: every later command on the account is refused and
   *    its sessions end (as after a lock);
   * 2. its username, email and member id are freed, so the person can register again; the
   *    values are read from the stream as it stood before the erasure, while the key exists;
   * 3. its sessions are ended again (in case step 1's ending failed on an earlier try);
   * 4. its data key is deleted, last: from then on every sealed value in its events opens
   *    as ERASED, here at once and in other processes once their cached copy is older than
   *    KEY_CACHE_MAX_AGE_MS. The events themselves, and their hash chain, stay intact.
   * Resolves false when the account has no events (nothing to erase), true otherwise,
   * also when it had been erased before.
   */
  async erase(accountId: string, ctx: CommandContext): Promise<boolean> {
    // Appends nothing to a stream that does not exist (the decider's rule), so the read below tells.
    await this.run(accountId, { type: 'ErasePersonalData', now: ctx.occurredAt.getTime() }, ctx);
    // A replay, never a snapshot: this fold skips the erasure, which a snapshot would hold.
    const beforeErasure = (
      await load({ store: this.deps.store, codec: this.codec }, accountStreamId(accountId), {
        ...this.decider,
        evolve: (state, event) =>
          event.type === 'PersonalDataErased' ? state : this.decider.evolve(state, event),
      })
    ).state;
    if (beforeErasure.status === 'new') return false;
    await this.releaseAll(accountId, ctx, beforeErasure);
    try {
      await this.deps.sessions.revokeAllFor(accountId, Date.now());
    } catch (error) {
      throw new SessionsNotRevokedError(accountId, error);
    }
    await this.deps.vault.erase(accountId);
    return true;
  }

  /**
   * Stores a session that the account's event at revision `grantedAt` (its
   * `LoginSucceeded`) granted, unless an event that ends every session has been
   * appended after it; resolves false, the session ended again, when one has. The
   * check reads the stream after the session is stored, so a password change, reset,
   * lock or deactivation appended by any instance is either in that read, or was
   * appended after it, and so after the session was stored, and its own
   * `revokeAllFor` ends it. (Checking before storing left a window where a login
   * decided just before a password change got a session that outlived it.)
   */
  async openSession(tokenHash: string, session: NewSession, grantedAt: bigint): Promise<boolean> {
    await this.deps.sessions.create(tokenHash, session);
    const since = await this.deps.store.readStream(accountStreamId(session.accountId), {
      fromRevision: grantedAt + 1n,
    });
    if (!since.some((e) => ENDS_ALL_SESSIONS.has(e.type as AccountEvent['type']))) return true;
    await this.deps.sessions.revoke(tokenHash, Date.now());
    return false;
  }

  async state(accountId: string): Promise<AccountState> {
    return (
      await load(
        { store: this.deps.store, codec: this.codec, snapshots: this.snapshots },
        accountStreamId(accountId),
        this.decider,
      )
    ).state;
  }

  /** The HMAC that names a reservation stream: the value itself never leaves this process. */
  lookupKey(kind: ReservationKind, value: string): string {
    return keyedHash(this.deps.hmacKey, kind, normaliseLookup(kind, value));
  }

  /** Who holds the value, if anyone: possibly a claim that no account stands behind (see `holds`). */
  holder(kind: ReservationKind, value: string): Promise<string | undefined> {
    return holderOf(this.reservations, kind, this.lookupKey(kind, value));
  }

  /**
   * Resolves true when this call took the value (false: the account held it already).
   * `claim` is the fingerprint of the request (`claimFingerprint`), so that the same
   * request sent again after a crash finds its claim (`abandonedClaimant`).
   */
  claim(
    kind: ReservationKind,
    value: string,
    accountId: string,
    ctx: CommandContext,
    claim?: string,
  ): Promise<boolean> {
    return reserve(this.reservations, 'Claim', kind, this.lookupKey(kind, value), accountId, ctx, { claim });
  }

  release(kind: ReservationKind, value: string, accountId: string, ctx: CommandContext): Promise<boolean> {
    return reserve(this.reservations, 'Release', kind, this.lookupKey(kind, value), accountId, ctx);
  }

  /**
   * Whether `holder` really holds the value keyed `key`: an account that exists, is
   * neither deactivated nor erased, and is registered with the value (or, for a member
   * id, is waiting for its activation letter); for `npi`, an office that exists. A
   * claim held by anything else was cut off before its account was recorded, or kept
   * after the account moved on, and expires (libs/command/src/reservation.ts).
   */
  async holds(kind: ReservationKind, key: string, holder: string): Promise<boolean> {
    if (kind === 'npi') return this.exists(kind, holder);
    const state = await this.state(holder);
    if (state.status === 'new' || state.status === 'deactivated' || state.erased) return false;
    if (kind === 'member' && state.status === 'activation-pending') return true;
    return this.ownedKeys(state).has(key);
  }

  /** Whether the holder's office (`npi`) or account has been recorded. */
  private async exists(kind: ReservationKind, holder: string): Promise<boolean> {
    if (kind === 'npi')
      return (await this.deps.store.readStream(officeStreamId(holder), { maxCount: 1 })).length > 0;
    return (await this.state(holder)).status !== 'new';
  }

  /** The reservation keys of the values an account is registered with. */
  ownedKeys(state: AccountState): Set<string> {
    const held: [ReservationKind, string | undefined][] = [
      ['username', state.username],
      ['email', state.profile?.email],
      ['member', state.profile?.memberId],
    ];
    return new Set(
      held.flatMap(([kind, value]) => (value && value !== ERASED ? [this.lookupKey(kind, value)] : [])),
    );
  }

  /**
   * The fingerprint of a request that reserves `values` together (a registration's
   * username, email and member id): the same for the same values, whatever their
   * order, and built from their keys only, so it tells nothing without the HMAC key.
   */
  claimFingerprint(values: [ReservationKind, string][]): string {
    const keys = values.map(([kind, value]) => `${kind}-${this.lookupKey(kind, value)}`).sort();
    return createHash('sha256').update(keys.join('\n')).digest('hex');
  }

  /**
   * The account (or office) id that an earlier request with the same fingerprint claimed
   * one of `values` for, when it was never recorded (the request was cut off before it):
   * the same request sent again completes that registration instead of being told
   * that its own claim took the values.
   */
  async abandonedClaimant(values: [ReservationKind, string][], claim: string): Promise<string | undefined> {
    for (const [kind, value] of values) {
      const key = this.lookupKey(kind, value);
      const reservation = await reservationOf(this.reservations, kind, key);
      // Only an id that never got its account (or office): a deactivated one must not be registered again.
      if (reservation.holder && reservation.claim === claim && !(await this.exists(kind, reservation.holder)))
        return reservation.holder;
    }
    return undefined;
  }

  /** The argon2 hash a password (or security answer) is stored as. */
  hashPassword(secret: string): Promise<string> {
    return this.deps.hasher.hash(secret);
  }

  /**
   * A check of one request's candidate against stored hashes: argon2 runs once per hash
   * it is asked about, and against a dummy hash (as costly, always false) when there is none.
   */
  passwordChecker(candidate: string): (hash: string | undefined) => Promise<boolean> {
    return this.deps.hasher.checker(candidate);
  }

  /** Whether a hash was made with weaker argon2 parameters than today's (replace it once the password is proven). */
  passwordNeedsRehash(hash: string): boolean {
    return this.deps.hasher.needsRehash(hash);
  }

  /** Costs what checking a password costs, and is always false: for a request with no account. */
  verifyAgainstDummy(candidate: string): Promise<false> {
    return this.deps.hasher.verifyAgainstDummy(candidate);
  }

  /** Opens a value sealed under the account's key (ERASED once the key is gone). */
  open(accountId: string, sealed: string): Promise<unknown> {
    return this.deps.vault.open(accountId, sealed);
  }

  /** `value`'s HMAC under the service's key, labelled with its purpose. */
  keyedHash(purpose: SecretPurpose, value: string): string {
    return keyedHash(this.deps.hmacKey, purpose, value);
  }

  /** An id laid out as a v4 UUID, derived from `input` under the service's key (`keyedUuid`). */
  keyedUuid(purpose: SecretPurpose, input: string): string {
    return keyedUuid(this.deps.hmacKey, purpose, input);
  }

  /** The timeouts sessions end at: a new session's answer tells the browser both. */
  get sessionTimeouts(): SessionTimeouts {
    return this.deps.sessions.timeouts;
  }

  /** The live session a token hash names, its idle timeout restarted; undefined when it has ended. */
  touchSession(tokenHash: string, now: number): Promise<Session | undefined> {
    return this.deps.sessions.touch(tokenHash, now);
  }

  /** Ends the one session (a logout). */
  endSession(tokenHash: string): Promise<void> {
    return this.deps.sessions.revoke(tokenHash, Date.now());
  }

  /** Ends every session of the account; resolves how many were live. */
  endAllSessions(accountId: string): Promise<number> {
    return this.deps.sessions.revokeAllFor(accountId, Date.now());
  }

  /** Rejects when the session store cannot be reached (readiness). */
  pingSessions(): Promise<void> {
    return this.deps.sessions.ping();
  }

  /** The plan's roster entry for a member id, if the roster has one. */
  rosterEntry(memberId: string): Promise<RosterEntry | undefined> {
    return this.deps.roster.getByMemberId(memberId);
  }

  /** The roster entry matching what a person told about themselves, if any. */
  findRosterMember(query: RosterQuery): Promise<RosterEntry | undefined> {
    return this.deps.roster.findMember(query);
  }

  codeHash(purpose: 'otp' | 'activation' | 'recovery' | 'reactivation', code: string): string {
    return keyedHash(this.deps.hmacKey, purpose, code);
  }
}
