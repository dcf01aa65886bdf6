/**
 * A fake `Accounts` for handler specs: the intent methods the portal handlers use, over an in-memory stream per
 * account decided by the real Account decider, so a handler's rules are tested without HTTP, argon2, the vault
 * or a store. Hashes and seals are readable stand-ins (`hash(secret)`, `sealed(value)`); `ran` records every
 * command a handler ran, `dummyVerifies` the dummy password checks, `sessions` the sessions opened.
 */
import { createHash } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import type { RosterEntry, RosterQuery } from '@portal/roster';
import { profile } from '../../../../../../libs/domain/src/testing/given-when-then';
import type { CommandContext, CommandInput, PreparedInput } from '@portal/command';
import {
  AccountErrors,
  accountDecider,
  DEFAULT_POLICY,
  type AccountCommand,
  type AccountEvent,
  type AccountPolicy,
  type AccountState,
} from '@portal/domain';

/** What the portal handlers use of `Accounts`; the fake implements exactly these. */
type Used =
  | 'policy'
  | 'run'
  | 'rehearse'
  | 'claim'
  | 'release'
  | 'claimFingerprint'
  | 'abandonedClaimant'
  | 'ownedKeys'
  | 'rosterEntry'
  | 'findRosterMember'
  | 'state'
  | 'holder'
  | 'lookupKey'
  | 'seal'
  | 'open'
  | 'hashPassword'
  | 'passwordChecker'
  | 'passwordNeedsRehash'
  | 'verifyAgainstDummy'
  | 'keyedHash'
  | 'keyedUuid'
  | 'codeHash'
  | 'openSession'
  | 'endSession'
  | 'endAllSessions'
  | 'sessionTimeouts';

type ReservationKind = Parameters<Accounts['holder']>[0];
type Holders = Partial<Record<ReservationKind, Record<string, string>>>;

const TAKEN: Record<ReservationKind, () => Error> = {
  username: AccountErrors.usernameTaken,
  email: AccountErrors.emailTaken,
  member: AccountErrors.memberAlreadyRegistered,
  npi: () => new Error('no offices in the portal fake'),
};
type RunResult = Awaited<ReturnType<Accounts['run']>>;

const PREPARED = Symbol.for('@portal/command.prepared');

export const fakeHash = (secret: string) => `hash(${secret})`;

export class FakeAccounts implements Pick<Accounts, Used> {
  readonly ran: { accountId: string; command: AccountCommand; ctx: CommandContext }[] = [];
  readonly dummyVerifies: string[] = [];
  readonly sessions: { tokenHash: string; accountId: string; grantedAt: bigint }[] = [];
  readonly ended: string[] = [];
  /** Values `claim` took and `release` gave back, as `kind:value`. */
  readonly claims: string[] = [];
  readonly releases: string[] = [];
  readonly sessionTimeouts = { absoluteMs: 8 * 3600_000, idleMs: 15 * 60_000 };
  /** Set to make `passwordNeedsRehash` answer true (a hash made with weaker parameters). */
  rehash = false;
  private readonly streams = new Map<string, AccountEvent[]>();
  private readonly decider;

  constructor(
    private readonly holders: Holders = {},
    readonly policy: AccountPolicy = DEFAULT_POLICY,
    /** The roster: matched on member id, last name and date of birth (and first name when given), exactly. */
    private readonly roster: RosterEntry[] = [],
  ) {
    this.decider = accountDecider(policy);
  }

  /** As `Accounts`, for a handler's constructor. */
  get asAccounts(): Accounts {
    return this as unknown as Accounts;
  }

  /** An account with these events already in its stream. */
  given(accountId: string, events: AccountEvent[]): this {
    this.streams.set(accountId, [...events]);
    return this;
  }

  events(accountId: string): AccountEvent[] {
    return this.streams.get(accountId) ?? [];
  }

  async state(accountId: string): Promise<AccountState> {
    return this.events(accountId).reduce(this.decider.evolve, this.decider.initialState());
  }

  /** Decides as the pipeline does: a refused command's events are appended, then the refusal thrown. */
  run(
    accountId: string,
    input: CommandInput<AccountCommand, AccountState>,
    ctx: CommandContext,
  ): Promise<RunResult> {
    return this.decideAndAppend(accountId, input, ctx, true);
  }

  /** Decides as `run` would and throws its refusal, appending what a refusal records but nothing of an acceptance. */
  async rehearse(
    accountId: string,
    input: CommandInput<AccountCommand, AccountState>,
    ctx: CommandContext,
  ): Promise<void> {
    await this.decideAndAppend(accountId, input, ctx, false);
  }

  /** Takes the value for the account, as the reservation does: another's value is USERNAME_TAKEN and so on. */
  async claim(kind: ReservationKind, value: string, accountId: string): Promise<boolean> {
    const held = (this.holders[kind] ??= {});
    if (held[value] === accountId) return false;
    if (held[value]) throw TAKEN[kind]();
    held[value] = accountId;
    this.claims.push(`${kind}:${value}`);
    return true;
  }

  async release(kind: ReservationKind, value: string, accountId: string): Promise<boolean> {
    const held = this.holders[kind];
    if (held?.[value] !== accountId) return false;
    delete held[value];
    this.releases.push(`${kind}:${value}`);
    return true;
  }

  claimFingerprint(values: [ReservationKind, string][]): string {
    return values.map(([kind, value]) => `${kind}:${value}`).join('|');
  }

  /** No claim is ever left behind by a crash here. */
  async abandonedClaimant(): Promise<string | undefined> {
    return undefined;
  }

  ownedKeys(state: AccountState): Set<string> {
    const held: [ReservationKind, string | undefined][] = [
      ['username', state.username],
      ['email', state.profile?.email],
      ['member', state.profile?.memberId],
    ];
    return new Set(held.flatMap(([kind, value]) => (value ? [this.lookupKey(kind, value)] : [])));
  }

  async rosterEntry(memberId: string): Promise<RosterEntry | undefined> {
    return this.roster.find((e) => e.memberId === memberId);
  }

  async findRosterMember(q: RosterQuery): Promise<RosterEntry | undefined> {
    return this.roster.find(
      (e) =>
        e.memberId === q.memberId &&
        e.lastName === q.lastName &&
        e.dateOfBirth === q.dateOfBirth &&
        (q.firstName === undefined || e.firstName === q.firstName),
    );
  }

  private async decideAndAppend(
    accountId: string,
    input: CommandInput<AccountCommand, AccountState>,
    ctx: CommandContext,
    appendAccepted: boolean,
  ): Promise<RunResult> {
    const state = await this.state(accountId);
    let command: AccountCommand;
    if (typeof input === 'function') command = await input(state);
    else if (PREPARED in input) {
      const prepared = input as PreparedInput<AccountCommand, AccountState>;
      await prepared.prepare(state);
      command = await prepared.build(state);
    } else command = input as AccountCommand;
    this.ran.push({ accountId, command, ctx });
    const decision = this.decider.decide(command, state);
    const appended = decision.rejection || appendAccepted ? decision.events : [];
    const stream = [...this.events(accountId), ...appended];
    this.streams.set(accountId, stream);
    if (decision.rejection) throw decision.rejection;
    return {
      events: appended,
      state: stream.reduce(this.decider.evolve, this.decider.initialState()),
      revision: BigInt(stream.length - 1),
      lastHash: `head-${stream.length}`,
    } as RunResult;
  }

  async holder(kind: ReservationKind, value: string): Promise<string | undefined> {
    return this.holders[kind]?.[value];
  }

  lookupKey(kind: Parameters<Accounts['lookupKey']>[0], value: string): string {
    return `${kind}:${value}`;
  }

  async seal(_accountId: string, value: unknown): Promise<string> {
    return `sealed(${JSON.stringify(value)})`;
  }

  async open(_accountId: string, sealed: string): Promise<unknown> {
    return JSON.parse(sealed.slice('sealed('.length, -1));
  }

  async hashPassword(secret: string): Promise<string> {
    return fakeHash(secret);
  }

  passwordChecker(candidate: string): (hash: string | undefined) => Promise<boolean> {
    return async (hash) => hash === fakeHash(candidate);
  }

  passwordNeedsRehash(): boolean {
    return this.rehash;
  }

  async verifyAgainstDummy(candidate: string): Promise<false> {
    this.dummyVerifies.push(candidate);
    return false;
  }

  /** Opaque, as an HMAC is (the value does not show through), and the same for the same input. */
  keyedHash(purpose: string, value: string): string {
    return createHash('sha256').update(`${purpose}\0${value}`).digest('hex');
  }

  keyedUuid(purpose: string, input: string): string {
    const hex = this.keyedHash(purpose, input).slice(0, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  codeHash(purpose: Parameters<Accounts['codeHash']>[0], code: string): string {
    return this.keyedHash(`code-${purpose}`, code);
  }

  async openSession(tokenHash: string, session: { accountId: string }, grantedAt: bigint): Promise<boolean> {
    this.sessions.push({ tokenHash, accountId: session.accountId, grantedAt });
    return true;
  }

  async endSession(tokenHash: string): Promise<void> {
    this.ended.push(tokenHash);
  }

  async endAllSessions(accountId: string): Promise<number> {
    this.ended.push(`all:${accountId}`);
    return 0;
  }
}

export const ACCOUNT_ID = '0b9c6a52-5d0e-4c4e-9a51-5b7d1f1f3c11';
export const PASSWORD = 'Correct7Horse9Battery';

export const ctxAt = (iso = '2026-11-22T10:00:00Z'): CommandContext => ({
  correlationId: 'corr-1',
  actor: { kind: 'anonymous' },
  occurredAt: new Date(iso),
});

/** A member registered with `PASSWORD` (the fake's hash) and the username `patexample`, active. */
export function memberEvents(password = PASSWORD): AccountEvent[] {
  return [
    {
      type: 'Registered',
      data: {
        accountId: ACCOUNT_ID,
        kind: 'member',
        via: 'roster-match',
        profile,
        passwordHash: fakeHash(password),
        securityQuestion: 'First pet?',
        securityAnswerHash: fakeHash('Rex'),
        communication: { email: true, text: false },
        termsAcceptedAt: '2026-01-01T00:00:00.000Z',
      },
    },
    { type: 'UsernameCreated', data: { username: 'patexample' } },
  ];
}

/** The roster's entry for the member of `memberEvents` (names as the roster spells them). */
export const ROSTER_ENTRY: RosterEntry = {
  memberId: 'DEMO0000001',
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  address: { line1: '1 Main St', city: 'Springfield', state: 'MN', postalCode: '55101' },
};
