/**
 * The application layer around the Office decider, and what each audience of
 * seed 004 may use. Office commands go through the one command pipeline on
 * `office-<uuid>`; what they do to a user's account (its creation, a temporary
 * password) goes through `Accounts.run` on the user's own stream, with the same
 * actor. Who may act is decided from the office's stream at the moment of the
 * command, so a revoked function is refused on the very next call.
 */
import { randomUUID } from 'node:crypto';
import type { Accounts } from '@portal/accounts';
import { type CommandContext, handleCommand, load, type ReservationKind } from '@portal/command';
import {
  type AccountKind,
  AUDIENCE_FUNCTIONS,
  DomainError,
  functionsOf,
  type OfficeCommand,
  OfficeErrorCodes,
  OfficeErrors,
  type OfficeEvent,
  type OfficeFunction,
  type OfficeState,
  type OfficeStatus,
  officeDecider,
  officeStreamId,
  type Organisation,
} from '@portal/domain';
import type { EventStore } from '@portal/event-store';
import { temporaryPassword } from '@portal/security';
import type { Vault } from '@portal/vault';
import { officeCodec } from './office-codec';

export interface Permissions {
  accountId: string;
  kind?: AccountKind;
  /** A provider's office; `status` is `pending` until the plan approves its first ID administrator. */
  office?: { officeId: string; name: string; status: Exclude<OfficeStatus, 'new'> };
  /** An employer's group or a payer. */
  organisation?: Organisation;
  /** What the portal may show this account; checked again by every route that needs one. */
  functions: string[];
}

export interface OfficeUserView {
  accountId: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  functions: OfficeFunction[];
  mustChangePassword: boolean;
}

export interface NewPerson {
  firstName: string;
  lastName: string;
  email: string;
  username: string;
}

export class FunctionNotGrantedError extends DomainError<'FUNCTION_NOT_GRANTED'> {
  constructor() {
    super(OfficeErrorCodes.FUNCTION_NOT_GRANTED, 'Your account has not been given access to this function.');
    this.name = 'FunctionNotGrantedError';
  }
}

export class Offices {
  private readonly codec;

  /** `store` and `vault` are the ones `accounts` was built with: offices' streams sit beside the accounts'. */
  constructor(
    private readonly accounts: Accounts,
    private readonly store: EventStore,
    vault: Vault,
  ) {
    this.codec = officeCodec(vault);
  }

  run(officeId: string, command: OfficeCommand, ctx: CommandContext) {
    return handleCommand<OfficeCommand, OfficeEvent, OfficeState>(
      { store: this.store, codec: this.codec },
      officeStreamId(officeId),
      officeDecider,
      command,
      ctx,
    );
  }

  async state(officeId: string): Promise<OfficeState> {
    return (await load({ store: this.store, codec: this.codec }, officeStreamId(officeId), officeDecider))
      .state;
  }

  /** The office an account works in, if it is provider office staff. */
  async officeOf(accountId: string): Promise<{ officeId: string; state: OfficeState } | undefined> {
    const account = await this.accounts.state(accountId);
    if (account.kind !== 'provider' || account.organisation?.kind !== 'office') return undefined;
    const officeId = account.organisation.id;
    return { officeId, state: await this.state(officeId) };
  }

  async permissions(accountId: string): Promise<Permissions> {
    const account = await this.accounts.state(accountId);
    const base = { accountId, ...(account.kind ? { kind: account.kind } : {}) };
    if (account.status !== 'active' || !account.kind) return { ...base, functions: [] };
    if (account.kind !== 'provider')
      return {
        ...base,
        ...(account.organisation ? { organisation: account.organisation } : {}),
        functions: [...AUDIENCE_FUNCTIONS[account.kind]],
      };
    const found = await this.officeOf(accountId);
    if (!found || found.state.status === 'new') return { ...base, functions: [] };
    return {
      ...base,
      office: { officeId: found.officeId, name: found.state.name ?? '', status: found.state.status },
      functions: functionsOf(found.state, accountId),
    };
  }

  /** Throws FUNCTION_NOT_GRANTED unless the account may use `fn` now. */
  async requireFunction(accountId: string, fn: string): Promise<void> {
    if (!(await this.permissions(accountId)).functions.includes(fn)) throw new FunctionNotGrantedError();
  }

  /** The administrator's own office, or FUNCTION_NOT_GRANTED for anyone who is not an administrator of one. */
  private async administeredOffice(
    administratorId: string,
  ): Promise<{ officeId: string; state: OfficeState }> {
    const found = await this.officeOf(administratorId);
    if (found?.state.status === 'pending' && found.state.firstAdministrator === administratorId)
      throw OfficeErrors.notApproved('your');
    if (!found || !functionsOf(found.state, administratorId).includes('manage-users'))
      throw new FunctionNotGrantedError();
    return found;
  }

  /** Seed 004, "Create IDs": a user id in the administrator's own office, with a temporary password by email. */
  async createUser(
    administratorId: string,
    person: NewPerson,
    functions: OfficeFunction[],
    ctx: CommandContext,
  ): Promise<{ accountId: string }> {
    const { officeId, state } = await this.administeredOffice(administratorId);
    const accountId = await this.newAccountId(person);
    const command: OfficeCommand = { type: 'CreateOfficeUser', administratorId, accountId, functions };
    // Decided once before any account exists, so a refusal leaves nothing behind; decided again on append.
    const dryRun = officeDecider.decide(command, state);
    if (dryRun.rejection) throw dryRun.rejection;
    await this.createAccount(
      accountId,
      person,
      {
        kind: 'provider',
        via: 'office-administrator',
        by: administratorId,
        organisation: { kind: 'office', id: officeId, name: state.name ?? '' },
      },
      ctx,
    );
    await this.run(officeId, command, ctx);
    return { accountId };
  }

  /** Seed 004, "Reset passwords": recorded on the office, then a temporary password on the user's account. */
  async resetPassword(administratorId: string, accountId: string, ctx: CommandContext): Promise<void> {
    const { officeId, state } = await this.administeredOffice(administratorId);
    const command: OfficeCommand = { type: 'ResetOfficeUserPassword', administratorId, accountId };
    // Decided before the password is sealed (a user of another office is refused before a key is
    // made for it), and sealed before the office records the reset, so that an erased user's
    // refusal (ERASED, from Accounts.seal) leaves no reset on the office's history.
    const dryRun = officeDecider.decide(command, state);
    if (dryRun.rejection) throw dryRun.rejection;
    const { passwordHash, passwordSealed } = await this.temporaryPassword(accountId);
    await this.run(officeId, command, ctx);
    await this.accounts.run(
      accountId,
      {
        type: 'IssueTemporaryPassword',
        administratorId,
        passwordHash,
        passwordSealed,
        now: ctx.occurredAt.getTime(),
      },
      ctx,
    );
  }

  /** Seed 004, "Control access for website functions for your office staff". */
  async setFunction(
    administratorId: string,
    accountId: string,
    fn: OfficeFunction,
    granted: boolean,
    ctx: CommandContext,
  ): Promise<OfficeFunction[]> {
    const { officeId } = await this.administeredOffice(administratorId);
    const { state } = await this.run(
      officeId,
      {
        type: granted ? 'GrantOfficeFunction' : 'RevokeOfficeFunction',
        administratorId,
        accountId,
        function: fn,
      },
      ctx,
    );
    return functionsOf(state, accountId);
  }

  /** The administrator's office's users; another office's users are not there to be seen. */
  async users(administratorId: string): Promise<OfficeUserView[]> {
    const { state } = await this.administeredOffice(administratorId);
    return Promise.all(Object.keys(state.users).map((id) => this.userView(state, id)));
  }

  async user(administratorId: string, accountId: string): Promise<OfficeUserView> {
    const { state } = await this.administeredOffice(administratorId);
    if (!state.users[accountId]) throw OfficeErrors.userNotFound();
    return this.userView(state, accountId);
  }

  /** Seed 004: employers ("please email …") and payers get their account from the plan's staff. */
  async createPlanAccount(
    staffId: string,
    person: NewPerson,
    organisation: Organisation & { kind: 'employer' | 'payer' },
    ctx: CommandContext,
  ): Promise<{ accountId: string }> {
    const accountId = await this.newAccountId(person);
    await this.createAccount(
      accountId,
      person,
      { kind: organisation.kind, via: 'plan-staff', by: staffId, organisation },
      ctx,
    );
    return { accountId };
  }

  private async userView(state: OfficeState, accountId: string): Promise<OfficeUserView> {
    const account = await this.accounts.state(accountId);
    return {
      accountId,
      ...(account.username ? { username: account.username } : {}),
      ...(account.profile
        ? {
            firstName: account.profile.firstName,
            lastName: account.profile.lastName,
            email: account.profile.email,
          }
        : {}),
      functions: functionsOf(state, accountId),
      mustChangePassword: account.mustChangePassword,
    };
  }

  /** What a new user's account claims: its username and email. */
  private uniqueValues(person: NewPerson): [ReservationKind, string][] {
    return [
      ['username', person.username],
      ['email', person.email],
    ];
  }

  /**
   * The id for a new user's account: the one an earlier request for the same username
   * and email reserved them for, if that request was cut off before the account was
   * recorded (sending it again completes it), a new one otherwise.
   */
  private async newAccountId(person: NewPerson): Promise<string> {
    const values = this.uniqueValues(person);
    return (
      (await this.accounts.abandonedClaimant(values, this.accounts.claimFingerprint(values))) ?? randomUUID()
    );
  }

  private async createAccount(
    accountId: string,
    person: NewPerson,
    how: {
      kind: 'provider' | 'employer' | 'payer';
      via: 'office-administrator' | 'plan-staff';
      by: string;
      organisation: Organisation;
    },
    ctx: CommandContext,
  ): Promise<void> {
    const claimed: [ReservationKind, string][] = [];
    const values = this.uniqueValues(person);
    const claim = this.accounts.claimFingerprint(values);
    try {
      for (const [kind, value] of values) {
        await this.accounts.claim(kind, value, accountId, ctx, claim);
        claimed.push([kind, value]);
      }
      const { passwordHash, passwordSealed } = await this.temporaryPassword(accountId);
      await this.accounts.run(
        accountId,
        {
          type: 'CreateAccount',
          accountId,
          ...how,
          profile: {
            firstName: person.firstName,
            lastName: person.lastName,
            dateOfBirth: '',
            email: person.email,
          },
          username: person.username,
          passwordHash,
          passwordSealed,
          now: ctx.occurredAt.getTime(),
        },
        ctx,
      );
    } catch (error) {
      // Never what the account now holds: the same request sent twice may have recorded it meanwhile.
      const owned = this.accounts.ownedKeys(await this.accounts.state(accountId));
      for (const [kind, value] of claimed.reverse())
        if (!owned.has(this.accounts.lookupKey(kind, value)))
          await this.accounts.release(kind, value, accountId, ctx);
      throw error;
    }
  }

  /** Never shown to whoever asked for it: hashed for the account, sealed for the email the worker sends. */
  private async temporaryPassword(accountId: string) {
    const password = temporaryPassword();
    const [passwordHash, passwordSealed] = await Promise.all([
      this.accounts.hashPassword(password),
      this.accounts.seal(accountId, password),
    ]);
    return { passwordHash, passwordSealed };
  }
}
